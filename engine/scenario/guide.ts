import type { TraceEvent, TraceType } from '../core/trace-types';

/**
 * Guided mode, as data: the moments of a built-in run worth stopping at, keyed by trace events
 * (type, node, field values), never by times, so a guide holds across seeds and edits. Each
 * stop is looked for after the previous one, so "c2's lock.acquire" means the one after the
 * lease ran out. A stop the run never reaches is skipped.
 */

/** Languages a guide is written in; a translation adds its code here and its captions below. */
export type GuideLang = 'en';

/** A field value a stop waits for; an array field matches when it contains the value. */
type FieldValue = string | number | boolean | null;

/** Which trace event a stop is: its type, optionally its node and field values. */
export interface GuideMatch {
  type: TraceType;
  node?: string;
  fields?: Readonly<Record<string, FieldValue>>;
}

/** One moment of a guide; its caption is `text[lang][id]`. */
export interface GuideStop<Id extends string = string> {
  id: Id;
  on: GuideMatch;
  /** The node to highlight (default: the event's node). */
  focus?: string;
}

/** A built-in's guide: its stops and, in one place per language, their one-line captions. */
export interface Guide<Id extends string = string> {
  stops: readonly GuideStop<Id>[];
  text: Readonly<Record<GuideLang, Readonly<Record<Id, string>>>>;
}

/** Declares a guide; the captions must name exactly the stops' ids (a missing one is a type error). */
export function defineGuide<const Id extends string>(stops: readonly GuideStop<Id>[], text: Record<GuideLang, Record<Id, string>>): Guide<Id> {
  return { stops, text };
}

/** A stop found in a run: where the cursor halts (just after `step`) and what it shows. */
export interface FoundStop {
  id: string;
  /** Trace index of the matching event. */
  i: number;
  step: number;
  t: number;
  /** The node to highlight. */
  node: string;
}

/** The part of a trace the matcher reads (a TraceLog fits). */
export interface TraceReader {
  readonly length: number;
  typeAt(i: number): TraceType;
  get(i: number): TraceEvent;
}

/** Whether event `ev` is what `m` describes. */
export function matchesStop(m: GuideMatch, ev: TraceEvent): boolean {
  if (ev.type !== m.type || (m.node !== undefined && ev.node !== m.node)) return false;
  const rec = ev as unknown as Record<string, unknown>;
  for (const [k, want] of Object.entries(m.fields ?? {})) {
    const got = rec[k];
    if (Array.isArray(got) ? !got.includes(want) : got !== want) return false;
  }
  return true;
}

/**
 * Finds a guide's stops in a run's trace, each after the one before; at most one stop per
 * engine step (the cursor can halt only between steps). Pure: the same trace gives the same stops.
 */
export function findStops(guide: Guide, trace: TraceReader, end = trace.length): FoundStop[] {
  const out: FoundStop[] = [];
  let from = 0;
  let lastStep = -1;
  for (const stop of guide.stops) {
    for (let i = from; i < end; i++) {
      if (trace.typeAt(i) !== stop.on.type) continue;
      const ev = trace.get(i);
      if (!matchesStop(stop.on, ev)) continue;
      from = i + 1;
      if (ev.step !== lastStep) out.push({ id: stop.id, i, step: ev.step, t: ev.t, node: stop.focus ?? ev.node });
      lastStep = ev.step;
      break;
    }
  }
  return out;
}
