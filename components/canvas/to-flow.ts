import { DEFAULT_LINK, type Latency } from '@/engine/core/network';
import type { Scenario } from '@/engine/scenario/schema';
import type { AppNode, LinkEdge } from './flow-types';

const CARD_TYPES = new Set(['client', 'redis', 'zookeeper']);

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
 * The canvas's nodes and edges for a scenario. Scenarios are laid out for a wide screen; on a
 * narrow one (`vertical`) the layout is transposed so the graph runs top to bottom and the
 * cards stay large enough to read instead of shrinking to fit the width.
 */
export function toFlow(s: Scenario, vertical = false): { nodes: AppNode[]; edges: LinkEdge[] } {
  const nodes = s.nodes.map(
    (n): AppNode => ({
      id: n.id,
      type: (CARD_TYPES.has(n.type) ? n.type : 'generic') as AppNode['type'],
      position: vertical ? { x: n.position.y, y: n.position.x * VERTICAL_STRETCH } : n.position,
      data: { label: n.label ?? n.id, kind: n.type, vertical },
    }) as AppNode,
  );
  const edges = s.edges.map(
    (e): LinkEdge => ({
      id: e.id,
      type: 'link',
      source: e.source,
      target: e.target,
      data: { latency: latencyText(e.params.latency ?? DEFAULT_LINK.latency, e.params.jitterMs ?? 0) },
    }),
  );
  return { nodes, edges };
}
