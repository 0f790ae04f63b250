import { describe, expect, it } from 'vitest';
import { farNode, unmeasured } from '@/components/canvas/far-nodes';
import { firstView } from '@/components/canvas/first-view';
import type { AppNode } from '@/components/canvas/flow-types';
import { FAR_CARD } from '@/components/nodes/zoom-levels';

const node = (id: string, x: number, y: number, vertical = false): AppNode => ({ id, type: 'redis', position: { x, y }, data: { label: id, kind: 'redis', vertical } });
/** `n` cards in columns of 20, laid out as auto-layout.ts spaces them. */
const grid = (n: number, vertical = false) => Array.from({ length: n }, (_, i) => node(`n${i}`, Math.floor(i / 20) * 460, (i % 20) * 190, vertical));
const canvas = { width: 880, height: 660 };
const fit = { padding: 0.1 };

describe('firstView', () => {
  it('opens a big scenario with far cards of a given size, which are the very nodes the canvas draws', () => {
    const nodes = grid(300);
    const view = firstView(nodes, canvas, fit, 0.25, 2);
    expect(view.far).toBe(true);
    // Nothing overlaps at the layout's pitch, so every node is the far node the canvas would make of it.
    view.nodes.forEach((n, i) => expect(n).toBe(farNode(nodes[i])));
    expect(view.nodes[0]).toMatchObject({ width: FAR_CARD.width, height: FAR_CARD.height, measured: FAR_CARD });
  });

  it('opens a small scenario with full cards, sized only for the first fit (they are measured)', () => {
    const view = firstView(grid(6), canvas, fit, 0.25, 2);
    expect(view.far).toBe(false);
    expect(view.nodes[0]).toMatchObject({ initialWidth: 240, initialHeight: 80 });
    expect(view.nodes[0].measured).toBeUndefined();
    expect(view.nodes[0].handles).toBeUndefined();
  });

  it('places far cards clear of each other where the layout packs them closer than a far card is tall', () => {
    const nodes = [node('a', 0, 0), node('b', 100, 100), ...grid(300).map((n) => ({ ...n, position: { x: n.position.x + 2000, y: n.position.y } }))];
    const view = firstView(nodes, canvas, fit, 0.25, 2);
    const [a, b] = view.nodes;
    expect(b.position.y).toBeGreaterThanOrEqual(a.position.y + FAR_CARD.height);
  });
});

describe('farNode', () => {
  it('gives a far card handles on its sides, centred, across or down as the layout runs', () => {
    const across = farNode(node('a', 0, 0)).handles!;
    expect(across.map((h) => [h.type, h.position, h.x + h.width! / 2, h.y + h.height! / 2])).toEqual([
      ['target', 'left', 0, FAR_CARD.height / 2],
      ['source', 'right', FAR_CARD.width, FAR_CARD.height / 2],
    ]);
    const down = farNode(node('a', 0, 0, true)).handles!;
    expect(down.map((h) => [h.type, h.position, h.x + h.width! / 2, h.y + h.height! / 2])).toEqual([
      ['target', 'top', FAR_CARD.width / 2, 0],
      ['source', 'bottom', FAR_CARD.width / 2, FAR_CARD.height],
    ]);
  });

  it('returns the same far node for the same node, so React Flow re-renders none', () => {
    const n = node('a', 0, 0);
    expect(farNode(n)).toBe(farNode(n));
    expect(farNode({ ...n })).not.toBe(farNode(n));
  });

  it('unmeasured drops a size React Flow measured, and nothing else', () => {
    const n = { ...node('a', 5, 6), measured: { width: 240, height: 300 }, selected: true };
    const u = unmeasured(n);
    expect(u.measured).toBeUndefined();
    expect(u).toMatchObject({ id: 'a', position: { x: 5, y: 6 }, selected: true });
    const bare = node('b', 0, 0);
    expect(unmeasured(bare)).toBe(bare);
  });
});
