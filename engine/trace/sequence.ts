import type { TraceLog } from '../core/trace-log';
import type { TraceEventOf } from '../core/trace-types';

/**
 * How a message's arrow ends: handed to its receiver; lost on the link (a datagram vanishing
 * half-way); or refused (it reached a crashed node, the link was cut or missing, or its
 * connection was gone).
 */
export const MsgEnd = { Delivered: 0, Lost: 1, Refused: 2 } as const;
export type MsgEnd = (typeof MsgEnd)[keyof typeof MsgEnd];

/**
 * One message of the run as the sequence diagram draws it. Times are true (virtual) ms; `from`
 * and `to` are node indexes in the trace's node order. Only a delivery records when its
 * message was sent; for a message that never arrived the send time is estimated from the
 * latency its link showed (marked by `estimated`).
 */
export interface SeqMessage {
  /** Trace index of the delivery or drop that ends it. */
  i: number;
  step: number;
  from: number;
  to: number;
  sent: number;
  end: number;
  kind: MsgEnd;
  /** How long it waited in its sender's TCP buffer (retransmission), 0 when it went at once. */
  stalled: number;
  estimated: boolean;
}

/** A local event drawn as a mark on a lifeline. */
export interface SeqMark {
  i: number;
  t: number;
  node: number;
  type: string;
}

/** A stretch during which a node was crashed or paused (shaded). */
export interface SeqSpan {
  node: number;
  from: number;
  /** Infinity while it lasts to the end of the trace. */
  to: number;
  kind: 'crash' | 'pause';
}

/** Everything the diagram draws, read once from a trace and extended as the trace grows. */
export interface SequenceData {
  nodes: readonly string[];
  /** Trace events read so far. */
  read: number;
  /** Messages in order of the event that ends them (so `end` never decreases). */
  messages: SeqMessage[];
  marks: SeqMark[];
  spans: SeqSpan[];
  /** TCP stalls read so far ("from>to@t"): a delivery sent at such a moment was retransmitted. */
  stalls: Set<string>;
}

/** Event types that are plumbing, not something that happened to a node: never marks. */
const NOT_MARKS = new Set(['net.deliver', 'timer.fire', 'node.start', 'metric.note']);

/** Fallback one-way latency (ms) for estimating a lost message's send time on a link never seen to deliver. */
const DEFAULT_LATENCY = 5;

/**
 * Reads `trace` into sequence-diagram data, from event `prev.read` on when `prev` is given (the
 * trace only grows while a run plays forward; a shorter trace means a new run, read afresh).
 * Pure: the same trace gives the same data.
 */
export function readSequence(trace: TraceLog, nodes: readonly string[], prev?: SequenceData): SequenceData {
  const d: SequenceData = prev && prev.read <= trace.length && prev.nodes === nodes ? prev : { nodes, read: 0, messages: [], marks: [], spans: [], stalls: new Set() };
  const index = new Map(nodes.map((n, k) => [n, k]));
  const idx = (id: string) => index.get(id) ?? -1;
  // Latest one-way latency seen per directed pair (to estimate when a lost message was sent).
  const latency = new Map<number, number>();
  const stalls = d.stalls;
  for (const m of d.messages) if (m.kind === MsgEnd.Delivered && m.stalled === 0) latency.set(m.from * 65536 + m.to, m.end - m.sent);
  const open = new Map<string, SeqSpan>();
  for (const s of d.spans) if (s.to === Infinity) open.set(`${s.kind}:${s.node}`, s);
  const estimate = (from: number, to: number) => latency.get(from * 65536 + to) ?? latency.get(to * 65536 + from) ?? DEFAULT_LATENCY;
  for (let i = d.read; i < trace.length; i++) {
    const type = trace.typeAt(i);
    const t = trace.timeAt(i);
    if (type === 'net.deliver') {
      const ev = trace.get(i) as TraceEventOf<'net.deliver'>;
      const from = idx(ev.from);
      const to = idx(ev.node);
      const key = `${from}>${to}@${ev.sentAt}`;
      const stalled = stalls.has(key) ? t - ev.sentAt : 0;
      if (stalled === 0) latency.set(from * 65536 + to, t - ev.sentAt);
      d.messages.push({ i, step: ev.step, from, to, sent: ev.sentAt, end: t, kind: MsgEnd.Delivered, stalled, estimated: false });
      continue;
    }
    if (!NOT_MARKS.has(type)) d.marks.push({ i, t, node: idx(trace.nodeAt(i)), type });
    if (type === 'net.stall') {
      const ev = trace.get(i) as TraceEventOf<'net.stall'>;
      stalls.add(`${idx(ev.from)}>${idx(ev.to)}@${t}`);
    } else if (type === 'net.drop') {
      const ev = trace.get(i) as TraceEventOf<'net.drop'>;
      const from = idx(ev.from);
      const to = idx(ev.to);
      if (from < 0 || to < 0) continue;
      // Dropped as it was sent (cut or missing link): a stub at the sender. Lost: it vanished half-way.
      // At a crashed node or refused by a reset: it made the whole trip.
      const atSend = ev.reason === 'partition' || ev.reason === 'no-link';
      const trip = ev.reason === 'loss' ? estimate(from, to) / 2 : atSend ? 0 : estimate(from, to);
      d.messages.push({ i, step: ev.step, from, to, sent: t - trip, end: t, kind: ev.reason === 'loss' ? MsgEnd.Lost : MsgEnd.Refused, stalled: 0, estimated: !atSend });
    } else if (type === 'fault.crash' || type === 'fault.pause') {
      const node = idx(trace.nodeAt(i));
      const kind = type === 'fault.crash' ? 'crash' : 'pause';
      if (!open.has(`${kind}:${node}`)) {
        const span: SeqSpan = { node, from: t, to: Infinity, kind };
        d.spans.push(span);
        open.set(`${kind}:${node}`, span);
      }
    } else if (type === 'fault.restart' || type === 'fault.resume') {
      const node = idx(trace.nodeAt(i));
      const key = `${type === 'fault.restart' ? 'crash' : 'pause'}:${node}`;
      const span = open.get(key);
      if (span) {
        span.to = t;
        open.delete(key);
      }
    }
  }
  d.read = trace.length;
  return d;
}

/** Index of the first item of `list` (sorted by `key`) whose key is >= `t`. */
export function lowerBound<T>(list: readonly T[], key: (x: T) => number, t: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(list[mid]) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
