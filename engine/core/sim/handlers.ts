import type { Msg } from '../msg';
import type { ModelDef } from '../types';
import { HandlerCtx } from './handler-ctx';
import { UP, type Kernel } from './kernel';
import type { Recorder } from './recorder';
import type { Timers } from './timers';
import type { Transport } from './transport';
import type { Receiver } from './types';

/**
 * Runs nodes' model handlers and gives them their `ctx`. One ctx serves every node: it reads
 * which node is running (`ctx.cur`) when called, so a handler call allocates nothing.
 */
export class Handlers implements Receiver {
  private readonly ctx: HandlerCtx;
  // The kernel's parts this one uses, held directly (see Kernel).
  private readonly states: unknown[];
  private readonly models: readonly ModelDef<unknown, unknown>[];
  private readonly nodeIds: readonly string[];
  private readonly status: Uint8Array;

  constructor(k: Kernel, rec: Recorder, timers: Timers) {
    this.states = k.states;
    this.models = k.models;
    this.nodeIds = k.nodeIds;
    this.status = k.status;
    this.ctx = new HandlerCtx(k, rec, timers);
  }

  /** Gives the handlers the transport their sends go to. */
  connect(transport: Transport): void {
    this.ctx.transport = transport;
  }

  /** Runs node `to`'s onMessage for `msg` from `from`, which came over link `li`. */
  receive(to: number, from: number, li: number, msg: Msg): void {
    const states = this.states;
    const ctx = this.ctx;
    ctx.cur = to;
    ctx.curFrom = from;
    ctx.curLink = li;
    states[to] = this.models[to].onMessage(states[to], msg, this.nodeIds[from], ctx);
    ctx.curFrom = -1;
  }

  /** Runs node `i`'s onTimer, if its model has one. */
  timer(i: number, payload: unknown): void {
    const m = this.models[i];
    if (!m.onTimer) return;
    this.ctx.cur = i;
    this.states[i] = m.onTimer(this.states[i], payload, this.ctx);
  }

  /** Runs node `i`'s start, if its model has one (at t = 0 and on each restart). */
  start(i: number): void {
    const m = this.models[i];
    if (!m.start) return;
    this.ctx.cur = i;
    this.states[i] = m.start(this.states[i], this.ctx);
  }

  /** Tells node `i`'s model its clock was stepped or its drift changed. */
  clockChanged(i: number): void {
    const m = this.models[i];
    // A crashed node re-arms on restart; a paused one when it runs again would be too late, but
    // its handlers may not run while frozen, so it re-arms on its next event like a real process.
    if (!m.onClockChange || this.status[i] !== UP) return;
    this.ctx.cur = i;
    this.states[i] = m.onClockChange(this.states[i], this.ctx);
  }
}
