import { describe, expect, it } from 'vitest';
import { trailShadow, TRAIL_MARKS } from '@/components/canvas/message-dot';

/** The shadows of a trail as numbers: offset, spread and the colour's share, in order. */
const parse = (css: string) =>
  css.split(/(?<=transparent\)),\s*/).map((s) => {
    const m = /^(-?[\d.]+)px (-?[\d.]+)px 0 (-?[\d.]+)px color-mix\(in srgb, var\(--color-wire-(out|back)\) (\d+)%, transparent\)$/.exec(s.trim());
    if (!m) throw new Error(`not a trail mark: ${s}`);
    return { dx: Number(m[1]), dy: Number(m[2]), radius: 7 + Number(m[3]), dir: m[4], alpha: Number(m[5]) };
  });

describe('trailShadow', () => {
  it('draws each mark where its point is, relative to the dot, smaller and fainter further back', () => {
    const at = { x: 100, y: 50 };
    const points = Array.from({ length: TRAIL_MARKS }, (_, i) => ({ x: 100 - 6 * (i + 1), y: 50 + 0.5 * (i + 1) }));
    const marks = parse(trailShadow(at, points, true));
    expect(marks).toHaveLength(TRAIL_MARKS);
    marks.forEach((m, i) => {
      expect(m.dx).toBeCloseTo(points[i].x - at.x, 1);
      expect(m.dy).toBeCloseTo(points[i].y - at.y, 1);
      expect(m.dir).toBe('out');
    });
    // The same sizes and fading as the five elements it replaced: radius 5 down to 2.6 px, 45% down to 9%.
    [5, 4.4, 3.8, 3.2, 2.6].forEach((r, i) => expect(marks[i].radius).toBeCloseTo(r, 5));
    expect(marks.map((m) => m.alpha)).toEqual([45, 36, 27, 18, 9]);
  });

  it('takes the reply colour going back, and has no marks for no points', () => {
    expect(parse(trailShadow({ x: 0, y: 0 }, [{ x: 6, y: 0 }], false))[0]).toMatchObject({ dx: 6, dy: 0, dir: 'back', alpha: 45 });
    expect(trailShadow({ x: 0, y: 0 }, [], true)).toBe('');
  });
});
