import type { Msg } from './msg';
import type { Say } from './phrase';
import type { TraceData, TraceEvent, TraceType } from './trace-types';

/**
 * What a handler may do besides returning the next state. Effects go through this sink rather
 * than a returned array so the hot loop allocates nothing per event; a handler cannot observe
 * them, so the result is the same as returning a list.
 */
export interface Ctx {
  /** This node's local wall clock in ms (true time with the node's skew and drift). */
  readonly now: number;
  /**
   * This node's monotonic clock in ms: drifts with the node's crystal but is never stepped by a
   * clock skew. Real software times leases, sessions and timeouts on this.
   */
  readonly monotonic: number;
  /** This node's id. */
  readonly self: string;
  /** Sends `msg` over the link to `to`; the network decides if and when it arrives. */
  send(to: string, msg: Msg): void;
  /** Sends `msg` back to the sender of the message being handled (no lookup: the fast path). */
  reply(msg: Msg): void;
  /**
   * Closes this node's TCP connection to `to` (as a client does on a read timeout before it
   * reconnects): what waited to be retransmitted is discarded, the peer is sent a FIN, and the
   * next message to `to` opens a new connection. Nothing happens on a datagram link.
   */
  disconnect(to: string): void;
  /** Fires `onTimer(payload)` after `delayMs` of this node's local time; returns the timer id. */
  setTimer(delayMs: number, payload: unknown): number;
  /** Cancels a timer set by this node; cancelling a fired or unknown timer does nothing. */
  cancelTimer(id: number): void;
  /** Records a trace event at this node. */
  trace<K extends TraceType>(type: K, data: TraceData<K>): void;
  /** A float in [0, 1) from the run's seeded generator. */
  random(): number;
  /** Adds `delta` to a named run metric. */
  metric(name: string, delta?: number): void;
  /** Ids of the nodes this node has a link to. */
  neighbours(): readonly string[];
  /** The type of the node `id`, or undefined when there is none. */
  typeOf(id: string): string | undefined;
}

/**
 * A component model: plain-data state plus handlers. Handlers return the next state and must
 * not mutate the one they are given (snapshots share it); they must be deterministic given
 * (state, input, ctx).
 */
export interface ModelDef<P = unknown, S = unknown> {
  readonly type: string;
  /** Builds the initial state from validated params. */
  init(params: P): S;
  /** Runs when the node starts (t = 0) and after each restart. */
  start?(state: S, ctx: Ctx): S;
  onMessage(state: S, msg: Msg, from: string, ctx: Ctx): S;
  onTimer?(state: S, payload: unknown, ctx: Ctx): S;
  /**
   * Runs right after this node's clock is stepped or its drift changes, so a model that armed
   * timers for deadlines on its own clock (key expiry, session expiry) can re-arm them.
   */
  onClockChange?(state: S, ctx: Ctx): S;
  /** The state that survives a crash (durable part); volatile state is lost. Default: init. */
  crash?(state: S, params: P): S;
  /** A short phrase for a timer payload, used in narration ("lease renewal"). */
  describeTimer?(payload: unknown, params: P): Say;
  /** A short phrase for a message ("SET k v"), used in narration and on the canvas. */
  describeMessage?(msg: Msg): Say;
  /** One line for this model's own trace events; `name` turns a node id into its label. */
  narrate?(ev: TraceEvent, name: (id: string) => string, params: P): Say | undefined;
}
