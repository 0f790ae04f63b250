import type { ScenarioInput } from '../schema';

type Node = ScenarioInput['nodes'][number];
type Edge = NonNullable<ScenarioInput['edges']>[number];

/** The links in the lock scenarios: a LAN, slow enough to watch. */
export const LAN = { latency: { kind: 'uniform', minMs: 10, maxMs: 20 } } as const;

/** A client node running `program`. */
export function clientNode(id: string, x: number, y: number, program: Record<string, unknown>, label = id): Node {
  return { id, type: 'client', label, position: { x, y }, params: { program } };
}

/** A link from `a` to `b` (ids joined by "-"). */
export function link(a: string, b: string, params: Edge['params'] = LAN): Edge {
  return { id: `${a}-${b}`, source: a, target: b, params };
}

/** A link between every pair of `ids`, in order (an ensemble's servers, a set of sentinels). */
export function mesh(ids: readonly string[], params: Edge['params'] = LAN): Edge[] {
  return ids.flatMap((a, i) => ids.slice(i + 1).map((b) => link(a, b, params)));
}

/** Evenly spread y positions for `n` clients in 0..400. */
export function column(n: number, top = 0, bottom = 400): number[] {
  if (n === 1) return [(top + bottom) / 2];
  return Array.from({ length: n }, (_, i) => Math.round(top + ((bottom - top) * i) / (n - 1)));
}
