import type { TraceLog } from '../core/trace-log';
import type { TraceEventOf } from '../core/trace-types';

/**
 * Why a violation happened, as far as the run can tell: the events that happened-before it
 * (Lamport's relation, read from the trace) among the nodes it involves and the nodes that
 * talked to them, from the faults and timeouts that made it possible up to the violation.
 */
export interface CausalChain {
  /** Trace index of the violation. */
  violation: number;
  /** Trace indexes of the chain's events, ascending (the violation last). */
  events: number[];
  /** The faults and timeouts the chain goes back to (a subset of `events`). */
  anchors: number[];
  /** Nodes whose events the chain may hold: the violation's own and the ones that talked to them. */
  nodes: string[];
  /** Where the chain starts (ms): the earliest anchor, or the earliest event kept. */
  start: number;
}

/** A timeout or expiry the run's own timers caused (any model's: the names say so). */
const TIMEOUT = /(^|[.-])(expire|expired|timeout)($|[.-])/;

/** Whether trace event `type` is a fault or a timeout: what a chain goes back to. */
export function isAnchorType(type: string): boolean {
  return type.startsWith('fault.') || TIMEOUT.test(type) || type === 'net.stall';
}

/**
 * The index of the last event on `node` (its indexes ascending in `list`) that came before a
 * step `step` at time `t`: the moment the node sent what reached another node then.
 */
function lastBefore(trace: TraceLog, list: readonly number[] | undefined, t: number, step: number): number {
  if (!list) return -1;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const j = list[mid];
    if (trace.timeAt(j) < t || (trace.timeAt(j) === t && trace.stepAt(j) < step)) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? list[lo - 1] : -1;
}

/** How long a fault event keeps acting: until its matching end, or for the rest of the run. */
function faultEnd(trace: TraceLog, i: number, upTo: number): number {
  const type = trace.typeAt(i);
  const ends: Record<string, string> = { 'fault.pause': 'fault.resume', 'fault.crash': 'fault.restart', 'fault.partition': 'fault.heal' };
  const end = ends[type];
  if (!end) return Infinity;
  const node = trace.nodeAt(i);
  const edge = type === 'fault.partition' ? (trace.get(i) as TraceEventOf<'fault.partition'>).edge : null;
  for (let k = i + 1; k < upTo; k++) {
    if (trace.typeAt(k) !== end || trace.nodeAt(k) !== node) continue;
    if (edge === null || (trace.get(k) as TraceEventOf<'fault.heal'>).edge === edge) return trace.timeAt(k);
  }
  return Infinity;
}

/**
 * The causal chain of violation `v` (a trace index of an `invariant.violation`), computed from
 * the trace alone, so it works for any scenario. Happens-before is walked backwards: an event
 * follows the one before it on its node and the one before it in its step; a delivery follows
 * its send (the sender's last event at the send time); a connection closed by its peer
 * follows the peer. The walk keeps to the violation's nodes (and the node the monitor blames)
 * and to the nodes that exchanged messages with them before it, so traffic that only passed
 * through a shared node is left out. Faults still acting on those nodes when the violation
 * happens count too: a pause causes by what it stops, which no message records.
 */
export function causalChain(trace: TraceLog, v: number): CausalChain {
  const ev = trace.get(v);
  if (ev.type !== 'invariant.violation') throw new Error(`trace event ${v} is a ${ev.type}, not a violation`);
  const core = new Set<string>([...ev.nodes, ev.node]);
  if (ev.causeNode) core.add(ev.causeNode);
  if (ev.cause !== undefined && ev.cause < v) core.add(trace.nodeAt(ev.cause));
  core.delete('');

  // Each node's events up to the violation, and who talked to the core nodes.
  const byNode = new Map<string, number[]>();
  const allowed = new Set(core);
  for (let i = 0; i <= v; i++) {
    const node = trace.nodeAt(i);
    let list = byNode.get(node);
    if (!list) byNode.set(node, (list = []));
    list.push(i);
    const type = trace.typeAt(i);
    if (type === 'net.deliver' || type === 'net.closed') {
      const e = trace.get(i) as TraceEventOf<'net.deliver'> | TraceEventOf<'net.closed'>;
      const other = e.type === 'net.deliver' ? e.from : e.peer;
      if (core.has(node)) allowed.add(other);
      if (core.has(other)) allowed.add(node);
    }
  }
  const prevOnNode = new Int32Array(v + 1).fill(-1);
  for (const list of byNode.values()) for (let k = 1; k < list.length; k++) prevOnNode[list[k]] = list[k - 1];

  // Walk happens-before backwards from the violation (and the event the monitor blames).
  const seen = new Uint8Array(v + 1);
  const stack = [v];
  if (ev.cause !== undefined && ev.cause >= 0 && ev.cause < v) stack.push(ev.cause);
  const visit = (j: number) => {
    if (j >= 0 && !seen[j] && allowed.has(trace.nodeAt(j))) stack.push(j);
  };
  while (stack.length > 0) {
    const i = stack.pop()!;
    if (seen[i]) continue;
    seen[i] = 1;
    if (i > 0 && trace.stepAt(i - 1) === trace.stepAt(i)) visit(i - 1);
    visit(prevOnNode[i]);
    const type = trace.typeAt(i);
    if (type === 'net.deliver') {
      const e = trace.get(i) as TraceEventOf<'net.deliver'>;
      if (allowed.has(e.from)) visit(lastBefore(trace, byNode.get(e.from), e.sentAt, e.step));
    } else if (type === 'net.closed') {
      const e = trace.get(i) as TraceEventOf<'net.closed'>;
      if (e.reason !== 'timeout' && allowed.has(e.peer)) visit(lastBefore(trace, byNode.get(e.peer), e.t, e.step));
    }
  }

  const tv = trace.timeAt(v);
  const anchors = new Set<number>();
  for (let i = 0; i < v; i++) {
    const type = trace.typeAt(i);
    if (seen[i] && isAnchorType(type)) anchors.add(i);
    else if (type.startsWith('fault.') && allowed.has(trace.nodeAt(i)) && faultEnd(trace, i, v) >= tv) anchors.add(i);
  }
  const cone: number[] = [];
  for (let i = 0; i <= v; i++) if (seen[i]) cone.push(i);
  let start: number;
  if (anchors.size > 0) start = Math.min(...[...anchors].map((a) => trace.timeAt(a)));
  else start = unanchoredStart(trace, cone, ev.cause !== undefined && ev.cause < v ? ev.cause : v);
  const events = new Set<number>(anchors);
  for (const i of cone) if (trace.timeAt(i) >= start) events.add(i);
  return {
    violation: v,
    events: [...events].sort((a, b) => a - b),
    anchors: [...anchors].sort((a, b) => a - b),
    nodes: [...allowed].sort(),
    start,
  };
}

/**
 * Where a chain with no fault or timeout to go back to starts: at the latest message each
 * pair of nodes exchanged within it (the last hand-off from each to each, so a one-off like a
 * leaked token is kept however long ago it was), or at the event the monitor blames, whichever
 * is earlier.
 */
function unanchoredStart(trace: TraceLog, cone: readonly number[], cause: number): number {
  const last = new Map<string, number>();
  for (const i of cone) {
    if (trace.typeAt(i) !== 'net.deliver') continue;
    const e = trace.get(i) as TraceEventOf<'net.deliver'>;
    if (e.from !== e.node) last.set(`${e.from}>${e.node}`, e.sentAt);
  }
  return Math.min(trace.timeAt(cause), ...last.values());
}
