import type { Say } from './phrase';
import type { TraceEvent, TraceType, ViolationSpan } from './trace-types';

/** What a monitor may do when it sees an event. */
export interface MonitorCtx {
  /**
   * Reports a broken invariant; `nodes` are the nodes involved, `cause` a trace index: the event
   * that caused it when the monitor knows one (then `causeNode` names who did it: the server
   * whose lease ran out, the client whose DEL removed another's lock), else the detecting event.
   * `spans` are stretches of true time the views highlight (the two halves of a burst).
   */
  violate(message: Say, nodes: string[], cause?: number, causeNode?: string, spans?: ViolationSpan[]): void;
  /** Adds `delta` to a named run metric. */
  metric(name: string, delta?: number): void;
  /** Sets a named run metric. */
  setMetric(name: string, value: number): void;
  /** What people call node `id` (its label on the canvas): violation sentences use it. */
  name(id: string): string;
}

/**
 * An invariant monitor: plain-data state folded over the trace events it watches. It judges
 * the run from what happened (the trace), never from what nodes believe.
 */
export interface MonitorDef<S = unknown> {
  readonly id: string;
  /** What must hold, in one sentence. */
  readonly title: string;
  readonly watches: readonly TraceType[];
  init(): S;
  onEvent(state: S, ev: TraceEvent, ctx: MonitorCtx): S;
}
