import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GAP, separate, type Placed } from '@/components/canvas/separate';

const card = (id: string, x: number, y: number, height = 100, pinned = false): Placed => ({ id, x, y, width: 240, height, pinned });

/** The cards as drawn after separating. */
function drawn(cards: Placed[]): Placed[] {
  const moved = separate(cards);
  return cards.map((c) => ({ ...c, y: moved.get(c.id) ?? c.y }));
}

const clash = (a: Placed, b: Placed) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('separate', () => {
  it('leaves a clear layout alone', () => {
    expect(separate([card('a', 0, 0), card('b', 0, 200), card('c', 400, 0)]).size).toBe(0);
  });

  it('pushes the card under a grown one down, and the one under that', () => {
    const moved = separate([card('zk', 420, 60, 400), card('storage', 420, 300), card('c1', 0, 0)]);
    expect(moved).toEqual(new Map([['storage', 60 + 400 + GAP]]));
    const chain = separate([card('a', 0, 0, 150), card('b', 0, 80), card('c', 0, 160)]);
    expect(chain.get('b')).toBe(150 + GAP);
    expect(chain.get('c')).toBe(150 + GAP + 100 + GAP);
  });

  it('never moves a card the visitor placed: the other one makes way', () => {
    const moved = separate([card('mine', 0, 50, 100, true), card('other', 0, 0)]);
    expect(moved.has('mine')).toBe(false);
    expect(moved.get('other')).toBe(50 + 100 + GAP);
  });

  it('leaves no two unpinned cards overlapping, whatever their sizes and places, deterministically', () => {
    const arb = fc.array(fc.tuple(fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 800 }), fc.integer({ min: 40, max: 500 }), fc.boolean()), { minLength: 1, maxLength: 25 });
    fc.assert(
      fc.property(arb, (xs) => {
        const cards = xs.map(([x, y, h, p], i) => card(`n${i}`, x, y, h, p && i % 3 === 0));
        const out = drawn(cards);
        for (let i = 0; i < out.length; i++)
          for (let j = i + 1; j < out.length; j++) if (!(out[i].pinned && out[j].pinned)) expect(clash(out[i], out[j]), `${out[i].id}/${out[j].id}`).toBe(false);
        expect(drawn(structuredClone(cards))).toEqual(out);
      }),
      { numRuns: 200 },
    );
  });
});
