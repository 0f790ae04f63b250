import { localTime, monotonicTime } from '../clock';
import { nextFloat } from '../rng';
import type { Msg } from '../msg';
import { HandlerCtx } from './handler-ctx';
import { UP, type Kernel } from './kernel';
import type { Recorder } from './recorder';
import type { Timers } from './timers';
import type { Receiver, Transport } from './transport';

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

  constructor(
    private readonly k: Kernel,
    rec: Recorder,
    timers: Timers,
  ) {
    this.ctx = new HandlerCtx({
      now: () => localTime(k.w.nodes[this.cur].clock, k.w.t),
      monotonic: () => monotonicTime(k.w.nodes[this.cur].clock, k.w.t),
      self: () => k.nodeIds[this.cur],
      send: (to, msg) => this.transport.send(this.cur, to, msg),
      reply: (msg) => {
        if (this.curFrom < 0) throw new Error(`${k.nodeIds[this.cur]}: reply() outside a message handler`);
        this.transport.sendOn(this.cur, this.curLink, msg);
      },
      setTimer: (delayMs, payload) => timers.set(this.cur, delayMs, payload),
      cancelTimer: (id) => timers.cancel(id),
      trace: (type, data) => rec.emit(this.cur, type, data),
      random: () => nextFloat(k.w.rng),
      metric: (name, delta = 1) => k.metric(name, delta),
      neighbours: () => this.transport.neighbours(this.cur),
      typeOf: (id) => {
        const i = k.idIndex.get(id);
        return i === undefined ? undefined : k.w.nodes[i].type;
      },
    });
  }

  /** Gives the handlers the transport their sends go to. */
  connect(transport: Transport): void {
    this.transport = transport;
  }

  /** Runs node `to`'s onMessage for `msg` from `from`, which came over link `li`. */
  receive(to: number, from: number, li: number, msg: Msg): void {
    const k = this.k;
    this.cur = to;
    this.curFrom = from;
    this.curLink = li;
    k.states[to] = k.models[to].onMessage(k.states[to], msg, k.nodeIds[from], this.ctx);
    this.curFrom = -1;
  }

  /** Runs node `i`'s onTimer, if its model has one. */
  timer(i: number, payload: unknown): void {
    const k = this.k;
    const m = k.models[i];
    if (!m.onTimer) return;
    this.cur = i;
    k.states[i] = m.onTimer(k.states[i], payload, this.ctx);
  }

  /** Runs node `i`'s start, if its model has one (at t = 0 and on each restart). */
  start(i: number): void {
    const k = this.k;
    const m = k.models[i];
    if (!m.start) return;
    this.cur = i;
    k.states[i] = m.start(k.states[i], this.ctx);
  }

  /** Tells node `i`'s model its clock was stepped or its drift changed. */
  clockChanged(i: number): void {
    const k = this.k;
    const m = k.models[i];
    // A crashed node re-arms on restart; a paused one when it runs again would be too late, but
    // its handlers may not run while frozen, so it re-arms on its next event like a real process.
    if (!m.onClockChange || k.status[i] !== UP) return;
    this.cur = i;
    k.states[i] = m.onClockChange(k.states[i], this.ctx);
  }
}
