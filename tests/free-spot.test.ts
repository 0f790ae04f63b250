import { describe, expect, it } from 'vitest';
import { freeSpot } from '@/components/canvas/free-spot';

describe('freeSpot', () => {
  const size = { w: 240, h: 160 };
  it('keeps the wanted place when it is free', () => {
    expect(freeSpot([], { x: 100, y: 100 }, size)).toEqual({ x: 100, y: 100 });
  });
  it('moves off a card in the way, to the nearest free place, clear of every card', () => {
    const cards = [
      { x: 0, y: 0, w: 240, h: 160 },
      { x: 300, y: 0, w: 240, h: 160 },
    ];
    const c = freeSpot(cards, { x: 120, y: 80 }, size);
    const box = { x: c.x - 120, y: c.y - 80, w: 240, h: 160 };
    for (const r of cards) expect(box.x >= r.x + r.w + 24 || r.x >= box.x + box.w + 24 || box.y >= r.y + r.h + 24 || r.y >= box.y + box.h + 24).toBe(true);
    expect(Math.hypot(c.x - 120, c.y - 80)).toBeLessThanOrEqual(200);
  });
});
