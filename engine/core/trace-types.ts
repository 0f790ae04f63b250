import type { Msg } from './msg';

/**
 * Every trace event type and its fields, namespaced by component. Models add their own
 * events by augmenting this interface (`declare module '@/engine/core/trace-types'`).
 */
export interface TraceEventMap {
  'node.start': Record<string, never>;
  'net.deliver': { from: string; msg: Msg; sentAt: number };
  'net.drop': { from: string; to: string; msg: Msg; reason: 'loss' | 'partition' | 'crashed' | 'no-link' };
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
  'invariant.violation': { monitor: string; message: string; nodes: string[]; cause?: number; causeNode?: string };
  'metric.note': { name: string; value: number };
}

export type TraceType = keyof TraceEventMap;
export type TraceData<K extends TraceType> = TraceEventMap[K];

/** One trace event: where (`node`), when (true time `t`), in which step, and its fields. */
export type TraceEvent = {
  [K in TraceType]: { i: number; step: number; t: number; type: K; node: string } & TraceEventMap[K];
}[TraceType];

export type TraceEventOf<K extends TraceType> = Extract<TraceEvent, { type: K }>;
