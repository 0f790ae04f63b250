import { currentFormatter } from '../i18n/use-i18n';
import { DEFAULT_LINK, type Latency } from '@/engine/core/network';
import { isNodeType } from '@/engine/models/catalog';
import type { Formatter } from '@/engine/i18n/formatter';
import type { Scenario } from '@/engine/scenario/schema';
import type { AppNode, LinkEdge } from './flow-types';

/** Cards are wider than tall: a transposed layout needs less room along the links. */
const VERTICAL_STRETCH = 0.8;

const ms = (n: number) => `${Math.round(n * 10) / 10}`;

/** A link's latency in a few characters. */
export function latencyText(l: Latency, jitterMs = 0): string {
  const jitter = jitterMs > 0 ? ` ±${ms(jitterMs)}` : '';
  switch (l.kind) {
    case 'fixed':
      return `${ms(l.ms)} ms${jitter}`;
    case 'uniform':
      return `${ms(l.minMs)}–${ms(l.maxMs)} ms${jitter}`;
    case 'normal':
      return `~${ms(l.meanMs)} ms σ${ms(l.stdMs)}${jitter}`;
    case 'exponential':
      return `~${ms(l.meanMs)} ms (exp)${jitter}`;
  }
}

/**
 * The scenario's default latency: the one most of its links have (the first link's on a tie).
 * Only links that differ from it show their latency all the time; the rest on hover.
 */
export function usualLatency(latencies: readonly string[]): string | null {
  const count = new Map<string, number>();
  let best: string | null = null;
  for (const l of latencies) {
    const n = (count.get(l) ?? 0) + 1;
    count.set(l, n);
    if (best === null || n > count.get(best)!) best = l;
  }
  return best;
}

/** Canvas position of a scenario position (transposed on a narrow screen). */
export function toCanvas(p: { x: number; y: number }, vertical: boolean): { x: number; y: number } {
  return vertical ? { x: p.y, y: p.x * VERTICAL_STRETCH } : p;
}

/** Scenario position of a canvas position: the inverse of toCanvas, so a drag on a phone lands right on a desktop. */
export function fromCanvas(p: { x: number; y: number }, vertical: boolean): { x: number; y: number } {
  return vertical ? { x: p.y / VERTICAL_STRETCH, y: p.x } : p;
}

const MARK = '\u0000';

/**
 * Message `id` as a function of its plain-text arguments `keys`, formatted once with markers in
 * their places: a big scenario's hundreds of cards and links each need a label for screen
 * readers, and formatting each one took tens of µs. When an argument does not stand verbatim
 * in the text (a plural or a select on it), each label is formatted in full instead.
 */
export function labelFiller<K extends string>(fmt: Formatter, id: string, keys: readonly K[]): (values: Readonly<Record<K, string>>) => string {
  const parts = fmt.t(id, Object.fromEntries(keys.map((k) => [k, `${MARK}${k}${MARK}`]))).split(MARK);
  const placed = parts.filter((_, i) => i % 2 === 1);
  if (parts.length % 2 === 0 || !placed.every((k) => (keys as readonly string[]).includes(k)) || !keys.every((k) => placed.includes(k))) return (values) => fmt.t(id, values);
  return (values) => {
    let out = parts[0];
    for (let i = 1; i < parts.length; i += 2) out += values[parts[i] as K] + parts[i + 1];
    return out;
  };
}

/**
 * The canvas's nodes and edges for a scenario. Scenarios are laid out for a wide screen; on a
 * narrow one (`vertical`) the layout is transposed so the graph runs top to bottom and the
 * cards stay large enough to read instead of shrinking to fit the width. The scenario is a
 * validated one, whose node types are all catalog kinds: another type throws, as a bug. `labels`
 * are the nodes' names in the reader's language (the playback store's).
 */
export function toFlow(s: Scenario, vertical: boolean, labels: Readonly<Record<string, string>>): { nodes: AppNode[]; edges: LinkEdge[] } {
  // Labels for screen readers in the language chosen now (a language switch re-draws the scenario's flow).
  const fmt = currentFormatter();
  const nodeAria = labelFiller(fmt, 'ui.canvas.nodeAria', ['label', 'type']);
  const linkAria = labelFiller(fmt, 'ui.canvas.linkAria', ['from', 'to', 'latency']);
  const label = (id: string) => labels[id] ?? id;
  const nodes = s.nodes.map((n): AppNode => {
    const type = n.type;
    if (!isNodeType(type)) throw new Error(`node ${n.id} has the unknown type "${type}": scenarios are validated before they are drawn`);
    return {
      id: n.id,
      type,
      position: toCanvas(n.position, vertical),
      ariaLabel: nodeAria({ label: label(n.id), type }),
      data: { label: label(n.id), kind: type, vertical },
    };
  });
  const latencies = s.edges.map((e) => latencyText(e.params.latency ?? DEFAULT_LINK.latency, e.params.jitterMs ?? 0));
  const usual = usualLatency(latencies);
  const edges = s.edges.map(
    (e, i): LinkEdge => ({
      id: e.id,
      type: 'link',
      source: e.source,
      target: e.target,
      ariaLabel: linkAria({ from: label(e.source), to: label(e.target), latency: latencies[i] }),
      data: { latency: latencies[i], unusual: latencies[i] !== usual },
    }),
  );
  return { nodes, edges };
}

const sameData = (a: Record<string, unknown>, b: Record<string, unknown>) => Object.keys(a).length === Object.keys(b).length && Object.keys(a).every((k) => a[k] === b[k]);

/**
 * `next` with what React Flow keeps on its elements (selection, measured size) carried over
 * from `prev`, and unchanged elements kept as the same objects so their components do not
 * re-render or re-measure after an edit elsewhere.
 */
export function carryOver<T extends AppNode | LinkEdge>(prev: readonly T[], next: readonly T[]): T[] {
  const byId = new Map(prev.map((x) => [x.id, x]));
  return next.map((n) => {
    const p = byId.get(n.id);
    if (!p) return n;
    const samePlace = !('position' in n) || ((p as AppNode).position.x === (n as AppNode).position.x && (p as AppNode).position.y === (n as AppNode).position.y);
    const sameEnds = !('source' in n) || ((p as LinkEdge).source === (n as LinkEdge).source && (p as LinkEdge).target === (n as LinkEdge).target);
    if (samePlace && sameEnds && p.type === n.type && p.ariaLabel === n.ariaLabel && sameData(p.data ?? {}, n.data ?? {})) return p;
    return { ...n, selected: p.selected, ...('measured' in p ? { measured: (p as AppNode).measured } : {}) } as T;
  });
}
