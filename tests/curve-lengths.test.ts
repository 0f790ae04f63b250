import { Position } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { curveLength, edgeCurve, pointAlong } from '@/components/canvas/geometry';

describe('curve arc lengths', () => {
  it('are made only when a point is placed by distance, then kept', () => {
    const c = edgeCurve(0, 0, Position.Right, 400, 0, Position.Left);
    expect(c.lengths).toBeNull();
    // A straight link: its length is the distance between its ends, its middle half-way.
    expect(curveLength(c)).toBeCloseTo(400, 1);
    const kept = c.lengths;
    expect(kept).toHaveLength(49);
    expect(pointAlong(c, 0.5).x).toBeCloseTo(200, 0);
    expect(c.lengths).toBe(kept);
  });

  it('place points by distance travelled, not by the curve parameter', () => {
    // A bent link: a quarter of the way along is a quarter of its length from the start.
    const c = edgeCurve(0, 100, Position.Right, 300, 400, Position.Left);
    const total = curveLength(c);
    let walked = 0;
    let prev = pointAlong(c, 0);
    for (let i = 1; i <= 250; i++) {
      const p = pointAlong(c, (0.25 * i) / 250);
      walked += Math.hypot(p.x - prev.x, p.y - prev.y);
      prev = p;
    }
    expect(walked / total).toBeCloseTo(0.25, 2);
  });
});
