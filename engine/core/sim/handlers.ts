import { localTime, monotonicTime } from '../clock';
import { nextFloat } from '../rng';
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
 * which node is running (`cur`) when called, so a handler call allocates nothing.
 */
export class Handlers implements Receiver {
  /** The node whose handler is running. */
  private cur = -1;
  /** Sender and link of the message being handled, or -1 outside onMessage. */
  private curFrom = -1;
  private curLink = -1;
  private readonly ctx: HandlerCtx;
  /** Set once by `connect`: the transport is built with these handlers as its receiver. */
  private transport!: Transport;
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
    const w = k.w;
    this.ctx = new HandlerCtx({
      now: () => localTime(w.nodes[this.cur].clock, w.t),
      monotonic: () => monotonicTime(w.nodes[this.cur].clock, w.t),
      self: () => k.nodeIds[this.cur],
      send: (to, msg) => this.transport.send(this.cur, to, msg),
      reply: (msg) => {
        if (this.curFrom < 0) throw new Error(`${k.nodeIds[this.cur]}: reply() outside a message handler`);
        this.transport.sendOn(this.cur, this.curLink, msg);
      },
      disconnect: (to) => {
        this.transport.disconnect(this.cur, to);
      },
      setTimer: (delayMs, payload) => timers.set(this.cur, delayMs, payload),
      cancelTimer: (id) => timers.cancel(id),
      trace: (type, data) => rec.emit(this.cur, type, data),
      random: () => nextFloat(w.rng),
      metric: (name, delta = 1) => k.metric(name, delta),
      neighbours: () => this.transport.neighbours(this.cur),
      typeOf: (id) => {
        const i = k.idIndex.get(id);
        return i === undefined ? undefined : w.nodes[i].type;
      },
    });
  }

  /** Gives the handlers the transport their sends go to. */
  connect(transport: Transport): void {
    this.transport = transport;
  }

  /** Runs node `to`'s onMessage for `msg` from `from`, which came over link `li`. */
  receive(to: number, from: number, li: number, msg: Msg): void {
    const states = this.states;
    this.cur = to;
    this.curFrom = from;
    this.curLink = li;
    states[to] = this.models[to].onMessage(states[to], msg, this.nodeIds[from], this.ctx);
    this.curFrom = -1;
  }

  /** Runs node `i`'s onTimer, if its model has one. */
  timer(i: number, payload: unknown): void {
    const m = this.models[i];
    if (!m.onTimer) return;
    this.cur = i;
    this.states[i] = m.onTimer(this.states[i], payload, this.ctx);
  }

  /** Runs node `i`'s start, if its model has one (at t = 0 and on each restart). */
  start(i: number): void {
    const m = this.models[i];
    if (!m.start) return;
    this.cur = i;
    this.states[i] = m.start(this.states[i], this.ctx);
  }

  /** Tells node `i`'s model its clock was stepped or its drift changed. */
  clockChanged(i: number): void {
    const m = this.models[i];
    // A crashed node re-arms on restart; a paused one when it runs again would be too late, but
    // its handlers may not run while frozen, so it re-arms on its next event like a real process.
    if (!m.onClockChange || this.status[i] !== UP) return;
    this.cur = i;
    this.states[i] = m.onClockChange(this.states[i], this.ctx);
  }
}
