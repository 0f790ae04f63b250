import { localTime, monotonicTime } from '../clock';
import { nextFloat } from '../rng';
import type { TraceData, TraceType } from '../trace-types';
import type { Msg } from '../msg';
import type { Ctx } from '../types';
import type { Kernel } from './kernel';
import type { Recorder } from './recorder';
import type { Timers } from './timers';
import type { Transport } from './transport';

/**
 * The `ctx` handed to model handlers: one per simulation, serving every node, so a handler call
 * allocates nothing. It reads which node is running (`cur`, set by `Handlers`) when called.
 *
 * The operations are methods of the class, not closures made per simulation: a model's
 * `ctx.send` then always finds the same function, which the compiler inlines into the model's
 * handler. With closures, every new simulation (the bench and the UI run many) brought new call
 * targets, threw the optimised handlers away and left them calling through. (A literal with
 * getters would be worse still: V8 keeps it in dictionary mode.) So the operations need their
 * `this`: call them as `ctx.send(...)`, not detached.
 */
export class HandlerCtx implements Ctx {
  /** The node whose handler is running. */
  cur = -1;
  /** Sender and link of the message being handled, or -1 outside onMessage. */
  curFrom = -1;
  curLink = -1;
  /** Set once by `Handlers.connect`: the transport is built after the handlers. */
  transport!: Transport;

  constructor(
    private readonly k: Kernel,
    private readonly rec: Recorder,
    private readonly timers: Timers,
  ) {}

  get now(): number {
    const w = this.k.w;
    return localTime(w.nodes[this.cur].clock, w.t);
  }

  get monotonic(): number {
    const w = this.k.w;
    return monotonicTime(w.nodes[this.cur].clock, w.t);
  }

  get self(): string {
    return this.k.nodeIds[this.cur];
  }

  send(to: string, msg: Msg): void {
    this.transport.send(this.cur, to, msg);
  }

  reply(msg: Msg): void {
    if (this.curFrom < 0) this.replyOutside();
    this.transport.sendOn(this.cur, this.curLink, msg);
  }

  disconnect(to: string): void {
    this.transport.disconnect(this.cur, to);
  }

  setTimer(delayMs: number, payload: unknown): number {
    return this.timers.set(this.cur, delayMs, payload);
  }

  cancelTimer(id: number): void {
    this.timers.cancel(id);
  }

  trace<K extends TraceType>(type: K, data: TraceData<K>): void {
    this.rec.emit(this.cur, type, data);
  }

  random(): number {
    return nextFloat(this.k.w.rng);
  }

  metric(name: string, delta = 1): void {
    this.k.metric(name, delta);
  }

  neighbours(): readonly string[] {
    return this.transport.neighbours(this.cur);
  }

  typeOf(id: string): string | undefined {
    const i = this.k.idIndex.get(id);
    return i === undefined ? undefined : this.k.w.nodes[i].type;
  }

  private replyOutside(): never {
    throw new Error(`${this.k.nodeIds[this.cur]}: reply() outside a message handler`);
  }
}
