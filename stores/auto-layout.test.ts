import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { LIBRARY } from '@/engine/scenario/library';
import { parseScenario } from '@/engine/scenario/parse';
import type { Scenario } from '@/engine/scenario/schema';
import { COLUMN_PITCH, layoutPositions, needsLayout, withAutoLayout } from './auto-layout';
import { loadLayoutEngine } from './layout-engine';
import { createPlaybackStore } from './playback-store';

/** A card's footprint: 240 px wide; a Redis card listing its 8 keys is about 340 px tall, a client's about 120. */
const WIDTH = 240;
const height = (id: string) => (id.startsWith('r') ? 340 : 120);

function parsed(input: unknown): Scenario {
  const r = parseScenario(input);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.scenario;
}

/** `clients` clients and `servers` Redis servers, every client linked to one server; no positions. */
function stacked(clients: number, servers: number, extra: [number, number][] = []): Scenario {
  const nodes: unknown[] = [];
  const edges: unknown[] = [];
  for (let i = 0; i < servers; i++) nodes.push({ id: `r${i}`, type: 'redis' });
  for (let i = 0; i < clients; i++) {
    const target = `r${i % servers}`;
    nodes.push({ id: `c${i}`, type: 'client', params: { program: { kind: 'redis-script', target, commands: [['PING']] } } });
    edges.push({ id: `c${i}-${target}`, source: `c${i}`, target });
  }
  extra.forEach(([a, b], k) => {
    if (a % servers !== b % servers) edges.push({ id: `x${k}`, source: `r${a % servers}`, target: `r${b % servers}` });
  });
  return parsed({ version: 1, seed: 1, nodes, edges });
}

/**
 * Pairs of nodes whose cards would overlap at their largest on a wide screen, or transposed on
 * a phone (x' = y, y' = 0.8 x: the card keeps its size, so its height now runs along x') in
 * the direction the canvas does not separate: two layers must not run into each other. Within
 * a layer a phone's cards, closer than a card's width, are moved apart by the canvas once
 * measured (components/canvas/separate.ts, e2e/overlap.spec.ts).
 */
function overlaps(pos: Record<string, { x: number; y: number }>): string[] {
  const ids = Object.keys(pos);
  const out: string[] = [];
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const [a, b] = [pos[ids[i]], pos[ids[j]]];
      const top = a.y <= b.y ? ids[i] : ids[j];
      const left = a.x <= b.x ? ids[i] : ids[j];
      const dx = Math.abs(a.x - b.x);
      const dy = Math.abs(a.y - b.y);
      const wide = dx < WIDTH && dy < height(top);
      const phone = dx > 0 && dy < WIDTH && dx * 0.8 < height(left);
      if (wide || phone) out.push(`${ids[i]}/${ids[j]}`);
    }
  }
  return out;
}

describe('auto-layout', () => {
  beforeAll(() => loadLayoutEngine());

  it('spots a scenario written without positions, and leaves the built-in layouts alone', () => {
    expect(needsLayout(stacked(3, 1))).toBe(true);
    for (const b of LIBRARY) expect(needsLayout(parsed(b.scenario)), b.id).toBe(false);
  });

  it('puts clients left of the servers they call, and a replica right of its primary', () => {
    const s = stacked(4, 2, [[0, 1]]);
    const pos = layoutPositions(s);
    for (let i = 0; i < 4; i++) expect(pos[`c${i}`].x).toBeLessThan(pos[`r${i % 2}`].x);
    expect(pos.r0.x).toBeLessThan(pos.r1.x);
    expect(overlaps(pos)).toEqual([]);
  });

  it('puts clients, coordinators and resources in three columns (a client-to-storage link spans two)', () => {
    const s = parsed({
      version: 1,
      seed: 1,
      nodes: [
        { id: 'storage', type: 'storage' },
        { id: 'zk', type: 'zookeeper' },
        ...['c1', 'c2'].map((id) => ({ id, type: 'client', params: { program: { kind: 'zk-lock', target: 'zk', storage: 'storage' } } })),
      ],
      edges: ['c1', 'c2'].flatMap((c) => [
        { id: `${c}-zk`, source: c, target: 'zk' },
        { id: `${c}-storage`, source: c, target: 'storage' },
      ]),
    });
    const pos = layoutPositions(s);
    expect(pos.c1.x).toBe(pos.c2.x);
    expect(pos.c1.x).toBeLessThan(pos.zk.x);
    expect(pos.zk.x).toBeLessThan(pos.storage.x);
  });

  it('wraps a long layer into columns so 100 nodes stay compact', () => {
    const pos = layoutPositions(stacked(90, 10));
    expect(overlaps(pos)).toEqual([]);
    const xs = Object.values(pos).map((p) => p.x);
    const ys = Object.values(pos).map((p) => p.y);
    // About as tall as 15 rows of the 260 px the layout used to give every card (3,900 px).
    expect(Math.max(...ys) - Math.min(...ys)).toBeLessThan(3900);
    expect((Math.max(...xs) - Math.min(...xs)) / COLUMN_PITCH).toBeLessThan(14);
  });

  it('lays out 300 nodes without dagre: clients, primaries, replicas in that order, compact, no overlaps', () => {
    // The browser bench's shape (bench/big-scenario.ts): 15 primaries, each with 12 replicas and 7 clients.
    const nodes: unknown[] = [];
    const edges: unknown[] = [];
    for (let p = 0; p < 15; p++) {
      nodes.push({ id: `r${p}`, type: 'redis' });
      for (let k = 0; k < 12; k++) {
        nodes.push({ id: `r${p}x${k}`, type: 'redis', params: { replicaOf: `r${p}` } });
        edges.push({ id: `r${p}-r${p}x${k}`, source: `r${p}`, target: `r${p}x${k}` });
      }
      for (let c = 0; c < 7; c++) {
        nodes.push({ id: `c${p}x${c}`, type: 'client', params: { program: { kind: 'redis-script', target: `r${p}`, commands: [['PING']] } } });
        edges.push({ id: `c${p}x${c}-r${p}`, source: `c${p}x${c}`, target: `r${p}` });
      }
    }
    const s = parsed({ version: 1, seed: 1, nodes, edges });
    const pos = layoutPositions(s);
    expect(overlaps(pos)).toEqual([]);
    for (let p = 0; p < 15; p++) {
      for (let c = 0; c < 7; c++) expect(pos[`c${p}x${c}`].x).toBeLessThan(pos[`r${p}`].x);
      for (let k = 0; k < 12; k++) expect(pos[`r${p}x${k}`].x).toBeGreaterThan(pos[`r${p}`].x);
    }
    const xs = Object.values(pos).map((q) => q.x);
    const ys = Object.values(pos).map((q) => q.y);
    expect((Math.max(...xs) - Math.min(...xs)) / COLUMN_PITCH).toBeLessThan(20);
    expect(Math.max(...ys) - Math.min(...ys)).toBeLessThan(20 * 360);
    expect(layoutPositions(structuredClone(s))).toEqual(pos);
  });

  it('never overlaps two cards, survives cycles and is deterministic', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 12 }), fc.array(fc.tuple(fc.nat(20), fc.nat(20)), { maxLength: 15 }), (c, r, extra) => {
        const s = stacked(c, r, extra);
        const a = layoutPositions(s);
        expect(Object.keys(a)).toHaveLength(c + r);
        expect(overlaps(a)).toEqual([]);
        expect(layoutPositions(structuredClone(s))).toEqual(a);
        expect(needsLayout(withAutoLayout(s))).toBe(false);
      }),
      { numRuns: 60 },
    );
  });

  it('lays out a stacked scenario when it is opened, and the command’s edit can be undone', () => {
    const store = createPlaybackStore(parsed(LIBRARY[0].scenario));
    expect(store.getState().open(stacked(5, 2))).toEqual({ ok: true });
    const opened = store.getState().scenario;
    expect(needsLayout(opened)).toBe(false);
    expect(overlaps(Object.fromEntries(opened.nodes.map((n) => [n.id, n.position])))).toEqual([]);

    const moved = { ...opened, nodes: opened.nodes.map((n, i) => (i === 0 ? { ...n, position: { x: 5000, y: 5000 } } : n)) };
    store.getState().apply(moved);
    store.getState().apply(withAutoLayout(store.getState().scenario));
    expect(store.getState().scenario.nodes[0].position).toEqual(opened.nodes[0].position);
    store.getState().undo();
    expect(store.getState().scenario.nodes[0].position).toEqual({ x: 5000, y: 5000 });
  });
});
