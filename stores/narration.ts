import { p, type Say } from '@/engine/core/phrase';
import { describeMessage, narrate } from '@/engine/core/narrate';
import type { InFlight, Simulation } from '@/engine/core/simulation';
import type { TraceEvent } from '@/engine/core/trace-types';
import { kindOf, LOG_KINDS, type LogKind } from './log-groups';

/** A line of narration: a trace event, or a message the step sent. */
export interface NarratedEvent {
  /** Stable React key. */
  key: string;
  /** Index in the trace (for a sent message: the step's first event). */
  i: number;
  t: number;
  step: number;
  type: string;
  node: string;
  text: Say;
}

/** A message on the wire with the short phrase the canvas draws beside its dot. */
export interface WireMessage extends InFlight {
  text: Say;
}

/** How many events the log shows; older ones are reached by moving the cursor. */
export const LOG_LIMIT = 150;
/** How far back the log looks for events that pass its filter. */
const SCAN_LIMIT = 20_000;

function narrated(sim: Simulation, i: number, labels: Readonly<Record<string, string>>): NarratedEvent {
  const ev = sim.trace.get(i);
  return { key: `e${i}`, i, t: ev.t, step: ev.step, type: ev.type, node: ev.node, text: narrate(sim, ev, labels) };
}

/** Every node a trace event involves: where it happened, a message's ends, a violation's nodes. */
export function involvedNodes(ev: TraceEvent): string[] {
  const out = new Set<string>();
  if (ev.node) out.add(ev.node);
  const x = ev as unknown as { from?: unknown; to?: unknown; nodes?: unknown };
  if (typeof x.from === 'string') out.add(x.from);
  if (typeof x.to === 'string') out.add(x.to);
  if (Array.isArray(x.nodes)) for (const n of x.nodes) if (typeof n === 'string') out.add(n);
  return [...out];
}

/**
 * The events of the latest processed step (one scheduler event may emit several trace events,
 * e.g. a delivery and the command it ran), then the messages that step put on the wire. The
 * trace may run ahead of the cursor after a seek back, so the range is found by step, never
 * by trace length.
 */
export function captionAt(sim: Simulation, labels: Readonly<Record<string, string>>, wire: readonly WireMessage[]): NarratedEvent[] {
  if (sim.steps === 0) return [];
  const from = sim.trace.firstIndexOfStep(sim.steps - 1);
  const to = sim.trace.firstIndexOfStep(sim.steps);
  const out: NarratedEvent[] = [];
  for (let i = from; i < to; i++) out.push(narrated(sim, i, labels));
  if (out.length === 0) return out;
  const { t, step } = out[0];
  const actors = new Set(out.map((e) => e.node));
  const name = (id: string) => labels[id] ?? id;
  for (const m of wire) {
    if (m.sentAt !== t || !actors.has(m.from)) continue;
    out.push({ key: `m${m.seq}`, i: from, t, step, type: 'net.send', node: m.from, text: p('core.send', { from: name(m.from), what: m.text, to: name(m.to) }) });
  }
  return out;
}

const captions = new WeakMap<Simulation, { steps: number; labels: Readonly<Record<string, string>>; wire: readonly WireMessage[]; lines: readonly NarratedEvent[] }>();

/**
 * `captionAt` for the cursor after `steps` steps, made when first asked for and then the same
 * array until the step, the labels or the wire change: while playing, the panel reads it a
 * few times a second, not on each of the frames that move the cursor.
 */
export function captionOf(sim: Simulation, steps: number, labels: Readonly<Record<string, string>>, wire: readonly WireMessage[]): readonly NarratedEvent[] {
  const hit = captions.get(sim);
  if (hit && hit.steps === steps && hit.labels === labels && hit.wire === wire) return hit.lines;
  const lines = captionAt(sim, labels, wire);
  captions.set(sim, { steps, labels, wire, lines });
  return lines;
}

/** Which events the log shows. */
export interface LogFilter {
  /** Only events involving this node; null = every node. */
  node: string | null;
  /** Kinds shown; every kind when it holds them all. */
  kinds: ReadonlySet<LogKind>;
}

/**
 * The last `limit` events of the first `steps` steps that pass `filter`, newest first. `steps`
 * is the cursor (sim.steps), passed so callers recompute when it moves. Lines of `reuse` (an
 * earlier log of the same run, narrated with the same labels) are kept as they are, so a log
 * that moved on by a few lines re-renders only those.
 */
export function logAt(sim: Simulation, steps: number, labels: Readonly<Record<string, string>>, filter: LogFilter, limit = LOG_LIMIT, reuse: readonly NarratedEvent[] = []): NarratedEvent[] {
  const end = sim.trace.firstIndexOfStep(steps);
  const all = filter.kinds.size === LOG_KINDS.length;
  const known = new Map(reuse.map((e) => [e.i, e]));
  const out: NarratedEvent[] = [];
  for (let i = end - 1; i >= Math.max(0, end - SCAN_LIMIT) && out.length < limit; i--) {
    if (!all && !filter.kinds.has(kindOf(sim.trace.typeAt(i)))) continue;
    if (filter.node !== null && sim.trace.nodeAt(i) !== filter.node && !involvedNodes(sim.trace.get(i)).includes(filter.node)) continue;
    out.push(known.get(i) ?? narrated(sim, i, labels));
  }
  return out;
}

/**
 * Every message on the wire now, labelled for the canvas. A message still on the wire from
 * `before` (the list shown until now) keeps its object: thousands fly on a big run, and the
 * list is made again on every frame that moves the cursor.
 */
export function wireMessages(sim: Simulation, before: readonly WireMessage[] = []): WireMessage[] {
  const now = sim.inFlight();
  const out: WireMessage[] = new Array(now.length);
  // Both lists are in the order the messages were sent (by seq): one walk pairs them.
  let j = 0;
  for (let i = 0; i < now.length; i++) {
    const m = now[i];
    while (j < before.length && before[j].seq < m.seq) j++;
    const old = before[j];
    out[i] = old instanceof Wire && old.is(sim, m) ? old : new Wire(sim, m);
  }
  return out;
}

/**
 * A message on the wire whose phrase is made when first read: a seek re-reads every message in
 * flight (thousands on a big run), and only the few drawn with a label or sent by the step in
 * the caption are ever read.
 */
class Wire implements WireMessage {
  readonly from: string;
  readonly to: string;
  readonly link: string;
  readonly sentAt: number;
  readonly arriveAt: number;
  readonly msg: InFlight['msg'];
  readonly lost: boolean;
  readonly seq: number;
  #text: Say | undefined;
  readonly #sim: Simulation;
  readonly #record: InFlight;

  constructor(sim: Simulation, m: InFlight) {
    this.#sim = sim;
    this.#record = m;
    this.from = m.from;
    this.to = m.to;
    this.link = m.link;
    this.sentAt = m.sentAt;
    this.arriveAt = m.arriveAt;
    this.msg = m.msg;
    this.lost = m.lost;
    this.seq = m.seq;
  }

  /**
   * Whether this is message `m` of `sim`, as it is on the wire now: the engine keeps a message's
   * record while it flies (engine/core/sim/in-flight.ts), so the same record is the same message.
   */
  is(sim: Simulation, m: InFlight): boolean {
    return this.#sim === sim && this.#record === m;
  }

  get text(): Say {
    return (this.#text ??= describeMessage(this.#sim, this.msg, this.from, this.to));
  }
}
