import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue, ItemKind, type QueueItem } from '../queue';
import { packQueue, unpackQueue } from './packed-queue';

const item = (k: ItemKind, node: number, from: number, link: number, sentAt: number, id: number, inc: number, ref: unknown): QueueItem => ({
  k,
  node,
  from,
  link,
  sentAt: k === ItemKind.Msg || k === ItemKind.Lost ? sentAt : 0,
  id: k === ItemKind.Msg || k === ItemKind.Lost ? 0 : id,
  inc,
  msg: ref as QueueItem['msg'],
  payload: ref,
});

describe('packQueue', () => {
  it('gives back every event as it was scheduled, its times, seqs and numbers exact (-0 and shared sentAts among them)', () => {
    const num = fc.oneof(fc.constantFrom(0, -0, 1.5, 2 ** 40, 0.1 + 0.2), fc.double({ noNaN: true, min: -1e9, max: 1e9 }));
    const ev = fc.record({
      t: fc.oneof(fc.constantFrom(0, 5, 5.000000000000001), fc.double({ noNaN: true, min: 0, max: 1e7 })),
      k: fc.constantFrom(ItemKind.Msg, ItemKind.Lost, ItemKind.Timer, ItemKind.Start, ItemKind.Retransmit),
      node: fc.integer({ min: 0, max: 70_000 }),
      from: fc.integer({ min: 0, max: 300 }),
      link: fc.integer({ min: 0, max: 300 }),
      other: num,
      inc: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 5 })),
    });
    fc.assert(
      fc.property(fc.array(ev, { maxLength: 60 }), fc.boolean(), (evs, bigSeq) => {
        const q = new EventQueue();
        const refs = evs.map((_, i) => ({ type: 'm', i }));
        evs.forEach((e, i) => q.push(e.t, bigSeq ? 2 ** 33 + i : i, item(e.k, e.node, e.from, e.link, e.other, e.other, e.inc, refs[i])));
        const before = q.entries();
        const back = new EventQueue();
        unpackQueue(packQueue(q), back);
        const after = back.entries();
        expect(after.length).toBe(before.length);
        after.forEach((a, i) => {
          const b = before[i];
          expect(Object.is(a.time, b.time) && a.seq === b.seq).toBe(true);
          expect(a.item).toEqual(b.item);
          expect(Object.is((a.item as { sentAt?: number }).sentAt, (b.item as { sentAt?: number }).sentAt)).toBe(true);
        });
      }),
      { numRuns: 200 },
    );
  });
});
