import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layerOrder, type RankEdge } from './layer-order';

describe('layerOrder', () => {
  it('puts each link at least minlen layers forward, except those closing a cycle, and orders each layer as a permutation', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.array(fc.tuple(fc.nat(59), fc.nat(59), fc.integer({ min: 1, max: 2 })), { maxLength: 120 }), (n, raw) => {
        const edges: RankEdge[] = raw.filter(([a, b]) => a < n && b < n).map(([source, target, minlen]) => ({ source, target, minlen }));
        const { layer, order } = layerOrder(n, edges);
        expect(layer).toHaveLength(n);
        expect(Math.min(...layer)).toBe(0);
        // Links from a lower index to a higher one never close a cycle among themselves: those must point forward.
        for (const e of edges) if (e.source < e.target && edges.every((f) => f.source < f.target)) expect(layer[e.target] - layer[e.source]).toBeGreaterThanOrEqual(e.minlen);
        const byLayer = new Map<number, number[]>();
        layer.forEach((l, v) => byLayer.set(l, [...(byLayer.get(l) ?? []), order[v]]));
        for (const orders of byLayer.values()) expect([...orders].sort((a, b) => a - b)).toEqual(orders.map((_, i) => i));
        expect(layerOrder(n, structuredClone(edges))).toEqual({ layer, order });
      }),
      { numRuns: 100 },
    );
  });

  it('survives a cycle and keeps a chain in consecutive layers', () => {
    const { layer } = layerOrder(3, [
      { source: 0, target: 1, minlen: 1 },
      { source: 1, target: 2, minlen: 1 },
      { source: 2, target: 0, minlen: 1 },
    ]);
    expect(layer).toEqual([0, 1, 2]);
  });

  it('orders a layer to follow the layer before it (no crossings where none are needed)', () => {
    // Sources 0, 1 in layer 0; their targets 2 (of 1) and 3 (of 0) in layer 1: 3 goes above 2.
    const { order } = layerOrder(4, [
      { source: 1, target: 2, minlen: 1 },
      { source: 0, target: 3, minlen: 1 },
    ]);
    expect(order[3]).toBeLessThan(order[2]);
  });
});
