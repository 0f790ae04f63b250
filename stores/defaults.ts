import { NODE_KINDS } from '@/engine/models/catalog';
import type { Scenario } from '@/engine/scenario/schema';

/** A link's parameters when the visitor draws one: a LAN-ish latency slow enough to watch. */
export const NEW_LINK_PARAMS = { latency: { kind: 'uniform', minMs: 20, maxMs: 40 } } as const;

/**
 * Parameters for a node the visitor drops on the canvas: what its kind picks for the canvas as
 * it is (a client needs a program), otherwise none. The parser fills in its schema's defaults
 * when the edit is applied, so the palette needs no schema (nor zod) to add a node.
 */
export function defaultParams(type: string, s: Scenario): Record<string, unknown> {
  return NODE_KINDS[type]?.newParams?.(s.nodes) ?? {};
}

/** An id not yet used in the scenario: `redis`, then `redis2`, `redis3`… */
export function freshId(s: Scenario, base: string): string {
  const taken = new Set([...s.nodes.map((n) => n.id), ...s.edges.map((e) => e.id)]);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
}
