import type { TraceData, TraceType } from '../trace-types';
import type { Msg } from '../msg';
import type { Ctx } from '../types';

/** The operations behind a handler's `ctx`, with its clock readings as functions. */
export interface CtxHooks extends Omit<Ctx, 'now' | 'monotonic' | 'self'> {
  now(): number;
  monotonic(): number;
  self(): string;
}

/**
 * The `ctx` handed to model handlers. A class rather than an object literal: V8 keeps a literal
 * that has getters in dictionary mode, which made every `ctx.send` in a model a slow lookup
 * and a call the compiler could not inline. The operations are own fields holding the hooks'
 * closures (so `const { send } = ctx` keeps working); the clock readings are getters.
 */
export class HandlerCtx implements Ctx {
  readonly send: (to: string, msg: Msg) => void;
  readonly reply: (msg: Msg) => void;
  readonly disconnect: (to: string) => void;
  readonly setTimer: (delayMs: number, payload: unknown) => number;
  readonly cancelTimer: (id: number) => void;
  readonly trace: <K extends TraceType>(type: K, data: TraceData<K>) => void;
  readonly random: () => number;
  readonly metric: (name: string, delta?: number) => void;
  readonly neighbours: () => readonly string[];
  readonly typeOf: (id: string) => string | undefined;
  private readonly readNow: () => number;
  private readonly readMonotonic: () => number;
  private readonly readSelf: () => string;

  constructor(h: CtxHooks) {
    this.send = h.send;
    this.reply = h.reply;
    this.disconnect = h.disconnect;
    this.setTimer = h.setTimer;
    this.cancelTimer = h.cancelTimer;
    this.trace = h.trace;
    this.random = h.random;
    this.metric = h.metric;
    this.neighbours = h.neighbours;
    this.typeOf = h.typeOf;
    this.readNow = h.now;
    this.readMonotonic = h.monotonic;
    this.readSelf = h.self;
  }

  get now(): number {
    return this.readNow();
  }

  get monotonic(): number {
    return this.readMonotonic();
  }

  get self(): string {
    return this.readSelf();
  }
}
