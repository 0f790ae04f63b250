import { describe, expect, it } from 'vitest';
import { play } from '@/engine/testing/scenario';
import { binMsFor } from './rate-chart';
import { lookAhead } from './timeline';

describe('rate chart', () => {
  it('picks the shortest slice that keeps a run within 100 slices', () => {
    expect([binMsFor(4500), binMsFor(7500), binMsFor(10_000), binMsFor(60_000)]).toEqual([50, 100, 100, 1000]);
  });

  it('counts each limiter’s decisions per slice: through, after a wait, refused', () => {
    const h = play('rate-limit-leaky-bucket');
    const chart = lookAhead(h.sim, 6000).rates!;
    expect(chart.binMs).toBe(100);
    expect(chart.series.map((s) => s.node).sort()).toEqual(['meter', 'queue']);
    const total = (node: string, k: 'accepted' | 'queued' | 'rejected') => chart.series.find((s) => s.node === node)!.bins.reduce((n, b) => n + b[k], 0);
    const d = h.events('limiter.decision');
    expect(total('queue', 'queued')).toBe(d.filter((e) => e.node === 'queue' && e.allowed && e.waitMs > 0).length);
    expect(total('meter', 'rejected')).toBe(d.filter((e) => e.node === 'meter' && !e.allowed).length);
    expect(total('meter', 'queued')).toBe(0);
  });

  it('is null for a run without limiters', () => {
    expect(lookAhead(play('redis-basics').sim, 4000).rates).toBeNull();
  });
});
