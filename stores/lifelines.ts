import type { Lifelines } from './ui-store';

/**
 * The diagram's rows top to bottom, as indexes into `nodeIds`: the ids `lifelines.order`
 * names first (those still in the run), then the rest in the run's order, without the hidden
 * ones. Nodes added later simply join at the bottom; removed ones drop out.
 */
export function lifelineOrder(nodeIds: readonly string[], lifelines: Lifelines): number[] {
  const index = new Map(nodeIds.map((id, k) => [id, k]));
  const hidden = new Set(lifelines.hidden);
  const out: number[] = [];
  const placed = new Set<string>();
  for (const id of [...lifelines.order, ...nodeIds]) {
    const k = index.get(id);
    if (k === undefined || placed.has(id)) continue;
    placed.add(id);
    if (!hidden.has(id)) out.push(k);
  }
  return out;
}

/** Every node id of the run in the diagram's order, hidden ones included (where they would be). */
export function lifelineIds(nodeIds: readonly string[], lifelines: Lifelines): string[] {
  return lifelineOrder(nodeIds, { order: lifelines.order, hidden: [] }).map((k) => nodeIds[k]);
}

/** `lifelines` with node `id` moved to position `to` of the full order (hidden rows counted). */
export function moveLifeline(nodeIds: readonly string[], lifelines: Lifelines, id: string, to: number): Lifelines {
  const ids = lifelineIds(nodeIds, lifelines).filter((x) => x !== id);
  ids.splice(Math.max(0, Math.min(ids.length, to)), 0, id);
  return { ...lifelines, order: ids };
}

/** `lifelines` with node `id` shown if it was hidden and hidden if it was shown. */
export function toggleLifeline(lifelines: Lifelines, id: string): Lifelines {
  const hidden = lifelines.hidden.includes(id) ? lifelines.hidden.filter((x) => x !== id) : [...lifelines.hidden, id];
  return { ...lifelines, hidden };
}
