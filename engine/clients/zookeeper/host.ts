import type { Msg } from '../../core/msg';
import type { Say } from '../../core/phrase';
import type { TraceEvent } from '../../core/trace-types';
import type { Ctx } from '../../core/types';
import { zkClientClose, zkClientOnClockChange, zkClientOnMessage, zkClientOnTimer, zkClientStart, zkSubmit } from './client';
import { describeZkClientTimer, narrateZkClient } from './narration';
import type { ZkClientOutput, ZkClientState, ZkStep } from './state';
import type { ZkOp } from './types';

/** A host's state: a program's or a model's, holding its client library state as `zk`. */
export interface ZkHostState {
  readonly zk: ZkClientState;
}

/**
 * What a host does with one output of the library (a reply carrying its tag, a watch event, a
 * state change). `before` is the client's state before the step that produced it.
 */
export type ZkOutputHandler<S extends ZkHostState, T> = (s: S, o: ZkClientOutput<T>, ctx: Ctx, before: ZkClientState) => S;

/**
 * The glue between the client library and its host, the same for every program and model that
 * embeds a ZooKeeper client: each call runs the library, stores its state in the host's `zk`,
 * then hands each output, in order, to the host's handler. `onMessage` and `onTimer` leave the
 * host's state as it is when the message or timer is not the library's, so a host tries its
 * own first and falls through to these.
 */
export interface ZkHost<S extends ZkHostState, T> {
  /** Takes a library step: its state, then each output in order. */
  absorb(s: S, step: ZkStep, ctx: Ctx): S;
  /** Opens a new session (at start, or after the last one expired). */
  start(s: S, ctx: Ctx): S;
  /** Submits a request; its reply reaches the handler with `tag`. */
  submit(s: S, op: ZkOp, tag: T, ctx: Ctx): S;
  /** Closes the session. */
  close(s: S, ctx: Ctx): S;
  onMessage(s: S, msg: Msg, from: string, ctx: Ctx): S;
  onTimer(s: S, payload: unknown, ctx: Ctx): S;
  onClockChange(s: S, ctx: Ctx): S;
  /** A phrase for the library's timer, or undefined when the payload is not its. */
  describeTimer(payload: unknown): Say | undefined;
  /** One line for the library's trace events, or undefined for anyone else's. */
  narrate(ev: TraceEvent, name: (id: string) => string): Say | undefined;
}

/** Makes the glue for a host whose outputs `onOutput` handles; `T` is the type of its request tags. */
export function zkHost<S extends ZkHostState, T = unknown>(onOutput: ZkOutputHandler<S, T>): ZkHost<S, T> {
  const absorb = (s0: S, step: ZkStep, ctx: Ctx): S => {
    let s: S = { ...s0, zk: step.state };
    for (const o of step.out) s = onOutput(s, o as ZkClientOutput<T>, ctx, s0.zk);
    return s;
  };
  const maybe = (s: S, step: ZkStep | null, ctx: Ctx): S => (step ? absorb(s, step, ctx) : s);
  return {
    absorb,
    start: (s, ctx) => absorb(s, zkClientStart(s.zk, ctx), ctx),
    submit: (s, op, tag, ctx) => absorb(s, zkSubmit(s.zk, op, tag, ctx), ctx),
    close: (s, ctx) => absorb(s, zkClientClose(s.zk, ctx), ctx),
    onMessage: (s, msg, from, ctx) => maybe(s, zkClientOnMessage(s.zk, msg, from, ctx), ctx),
    onTimer: (s, payload, ctx) => maybe(s, zkClientOnTimer(s.zk, payload, ctx), ctx),
    onClockChange: (s, ctx) => absorb(s, zkClientOnClockChange(s.zk, ctx), ctx),
    describeTimer: describeZkClientTimer,
    narrate: narrateZkClient,
  };
}
