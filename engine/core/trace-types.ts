import type { Msg } from './msg';
import type { Say } from './phrase';

/** A stretch of time a violation points at (each half of a burst a window boundary split), for the views to highlight. */
export interface ViolationSpan {
  label: Say;
  from: number;
  to: number;
}

/**
 * Every trace event type and its fields, namespaced by component. Models add their own
 * events by augmenting this interface (`declare module '@/engine/core/trace-types'`).
 */
export interface TraceEventMap {
  'node.start': Record<string, never>;
  'net.deliver': { from: string; msg: Msg; sentAt: number };
  'net.drop': { from: string; to: string; msg: Msg; reason: 'loss' | 'partition' | 'crashed' | 'no-link' | 'reset' };
  /** A TCP segment waits in its sender's buffer: the link is cut, it was lost, or one ahead of it waits. */
  'net.stall': { from: string; to: string; msg: Msg; reason: 'partition' | 'loss' | 'behind'; rtoMs: number };
  /** A TCP sender's retransmission timeout expired: what waited got through (`ok`), or waits `rtoMs` more. */
  'net.retransmit': { from: string; to: string; count: number; ok: boolean; cut: boolean; rtoMs: number; retry: number };
  /** This node's connection to `peer` ended, and it learns so now. */
  'net.closed': { peer: string; reason: 'reset' | 'refused' | 'eof' | 'timeout' };
  /** This node closes its connection to `peer`. */
  'net.close': { peer: string };
  'net.duplicate': { from: string; to: string; msg: Msg };
  'timer.fire': { id: number; payload: unknown };
  'fault.crash': Record<string, never>;
  'fault.restart': Record<string, never>;
  'fault.pause': { durationMs: number };
  'fault.resume': { deferred: number };
  'fault.skew': { deltaMs: number; skewMs: number };
  'fault.drift': { drift: number };
  'fault.partition': { edge: string };
  'fault.heal': { edge: string };
  'fault.link': { edge: string; loss?: number; duplicate?: number; extraLatencyMs?: number };
  'invariant.violation': { monitor: string; message: Say; nodes: string[]; cause?: number; causeNode?: string; spans?: ViolationSpan[] };
  'metric.note': { name: string; value: number };
}

export type TraceType = keyof TraceEventMap;
export type TraceData<K extends TraceType> = TraceEventMap[K];

/** One trace event: where (`node`), when (true time `t`), in which step, and its fields. */
export type TraceEvent = {
  [K in TraceType]: { i: number; step: number; t: number; type: K; node: string } & TraceEventMap[K];
}[TraceType];

export type TraceEventOf<K extends TraceType> = Extract<TraceEvent, { type: K }>;
