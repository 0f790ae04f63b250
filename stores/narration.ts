import { describeMessage, narrate } from '@/engine/core/narrate';
import type { InFlight, Simulation } from '@/engine/core/simulation';

/** A trace event as the caption and the event log show it. */
export interface NarratedEvent {
  /** Index in the trace: a stable React key. */
  i: number;
  t: number;
  step: number;
  type: string;
  node: string;
  text: string;
}

/** A message on the wire with the short phrase the canvas draws beside its dot. */
export interface WireMessage extends InFlight {
  text: string;
}

/** How many events the log keeps; older ones scroll out. */
export const LOG_LIMIT = 60;

function narrated(sim: Simulation, i: number, labels: Readonly<Record<string, string>>): NarratedEvent {
  const ev = sim.trace.get(i);
  return { i, t: ev.t, step: ev.step, type: ev.type, node: ev.node, text: narrate(sim, ev, labels) };
}

/**
 * The events of the latest processed step (one scheduler event may emit several trace events,
 * e.g. a delivery and the command it ran). The trace may run ahead of the cursor after a seek
 * back, so the range is found by step, never by trace length.
 */
export function captionAt(sim: Simulation, labels: Readonly<Record<string, string>>): NarratedEvent[] {
  if (sim.steps === 0) return [];
  const from = sim.trace.firstIndexOfStep(sim.steps - 1);
  const to = sim.trace.firstIndexOfStep(sim.steps);
  const out: NarratedEvent[] = [];
  for (let i = from; i < to; i++) out.push(narrated(sim, i, labels));
  return out;
}

/** The last `limit` events up to the cursor, newest first. */
export function logAt(sim: Simulation, labels: Readonly<Record<string, string>>, limit = LOG_LIMIT): NarratedEvent[] {
  const end = sim.trace.firstIndexOfStep(sim.steps);
  const out: NarratedEvent[] = [];
  for (let i = end - 1; i >= Math.max(0, end - limit); i--) out.push(narrated(sim, i, labels));
  return out;
}

/** Every message on the wire now, labelled for the canvas. */
export function wireMessages(sim: Simulation): WireMessage[] {
  return sim.inFlight().map((m) => ({ ...m, text: describeMessage(sim, m.msg, m.from, m.to) }));
}
