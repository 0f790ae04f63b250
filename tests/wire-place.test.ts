import { describe, expect, it } from 'vitest';
import { edgeCurve } from '@/components/canvas/geometry';
import type { LinkCurve } from '@/components/canvas/message-canvas/link-curves';
import { TRAIL_MARKS } from '@/components/canvas/message-dot';
import { RowSlots } from '@/components/panels/row-slots';
import { placeWire } from '@/components/canvas/wire-place';
import { wireMotion } from '@/components/canvas/wire-motion';
import type { WireMessage } from '@/stores/narration';
import { Position } from '@xyflow/react';

/** Two links, a to b and c to b, 400 px long, left to right. */
const curves: Record<string, LinkCurve> = {
  ab: { curve: edgeCurve(0, 0, Position.Right, 400, 0, Position.Left), source: 'a' },
  cb: { curve: edgeCurve(0, 100, Position.Right, 400, 100, Position.Left), source: 'c' },
};
const curveOf = (link: string) => curves[link] ?? null;

function msg(seq: number, link: string, from: string, sentAt: number, arriveAt: number, lost = false): WireMessage {
  const to = from === 'b' ? link[0] : 'b';
  return { seq, link, from, to, sentAt, arriveAt, lost, msg: { type: 'x' }, text: `m${seq}` } as unknown as WireMessage;
}

describe('placeWire', () => {
  it('places each message where wire-motion has it, with its trail behind it, towards its sender', () => {
    const out = msg(1, 'ab', 'a', 0, 100);
    const back = msg(2, 'ab', 'b', 0, 100);
    const [p, q] = placeWire([out, back], curveOf, 50, false, new RowSlots());
    expect(p.m).toBe(out);
    expect(p.outbound).toBe(true);
    expect(q.outbound).toBe(false);
    expect(p.at.x).toBeCloseTo(200, 0);
    expect(p.trail).toHaveLength(TRAIL_MARKS);
    // Behind the dot, each mark further back: towards a (left) going out, towards b (right) coming back.
    p.trail.forEach((t, i) => expect(t.x).toBeLessThan(i === 0 ? p.at.x : p.trail[i - 1].x));
    q.trail.forEach((t, i) => expect(t.x).toBeGreaterThan(i === 0 ? q.at.x : q.trail[i - 1].x));
    // Reduced motion: waiting mid-wire, no trail.
    const [still] = placeWire([out], curveOf, 10, true, new RowSlots());
    expect(still.at.x).toBeCloseTo(200, 0);
    expect(still.trail).toEqual([]);
  });

  it('gives a falling lost message no trail and its fall, and skips a link with no curve yet', () => {
    const lost = msg(3, 'cb', 'c', 0, 100, true);
    const placed = placeWire([lost, msg(4, 'zz', 'z', 0, 100)], curveOf, 90, false, new RowSlots());
    expect(placed).toHaveLength(1);
    expect(placed[0].fall).toBeCloseTo(wireMotion(lost, 90, false).fall, 6);
    expect(placed[0].fall).toBeGreaterThan(0);
    expect(placed[0].trail).toEqual([]);
  });

  it('keeps a message in its slot while it flies, hands slots on, and lists them in slot order', () => {
    const slots = new RowSlots();
    const a = msg(1, 'ab', 'a', 0, 100);
    const b = msg(2, 'cb', 'c', 0, 100);
    const c = msg(3, 'ab', 'b', 0, 100);
    expect(placeWire([a, b, c], curveOf, 10, false, slots).map((p) => [p.slot, p.m.seq])).toEqual([[0, 1], [1, 2], [2, 3]]);
    // b landed, d was sent: d takes b's slot; a and c keep theirs.
    const d = msg(4, 'cb', 'b', 20, 120);
    expect(placeWire([a, c, d], curveOf, 30, false, slots).map((p) => [p.slot, p.m.seq])).toEqual([[0, 1], [1, 4], [2, 3]]);
    // A seek that replaces every message: the same slots, in order, for the new ones.
    const fresh = [msg(9, 'ab', 'a', 500, 600), msg(8, 'cb', 'c', 500, 600), msg(7, 'ab', 'b', 500, 600), msg(6, 'cb', 'b', 500, 600)];
    const placed = placeWire(fresh, curveOf, 550, false, slots);
    expect(placed.map((p) => p.slot)).toEqual([0, 1, 2, 3]);
    expect(new Set(placed.map((p) => p.m.seq))).toEqual(new Set([9, 8, 7, 6]));
    // The same seq on another link is another message.
    const twins = placeWire([msg(5, 'ab', 'a', 500, 600), msg(5, 'cb', 'c', 500, 600)], curveOf, 550, false, new RowSlots());
    expect(twins.map((p) => p.slot)).toEqual([0, 1]);
  });
});
