import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventHeap } from './heap';

describe('EventHeap', () => {
  it('pops random inserts in (time, seq) order, with pops interleaved', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.record({ push: fc.integer({ min: 0, max: 50 }) }), fc.constant({ pop: true as const })), { maxLength: 400 }),
        (ops) => {
          const heap = new EventHeap<number>(2);
          const model: { time: number; seq: number }[] = [];
          let seq = 0;
          for (const op of ops) {
            if ('push' in op) {
              heap.push(op.push, seq, seq);
              model.push({ time: op.push, seq });
              seq++;
            } else {
              model.sort((a, b) => a.time - b.time || a.seq - b.seq);
              const want = model.shift();
              expect(heap.peekTime()).toBe(want ? want.time : Infinity);
              expect(heap.pop()).toBe(want?.seq);
            }
          }
          model.sort((a, b) => a.time - b.time || a.seq - b.seq);
          const rest: number[] = [];
          while (heap.size > 0) rest.push(heap.pop()!);
          expect(rest).toEqual(model.map((m) => m.seq));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('stays in (time, seq) order at engine-like sizes, with +Infinity and repeated times', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double({ min: 0, max: 20, noNaN: true }), fc.constantFrom(0, 1, Infinity)), { minLength: 1, maxLength: 3000 }), fc.integer({ min: 1, max: 3 }), (times, popEvery) => {
        const heap = new EventHeap<number>(4);
        const model: { time: number; seq: number }[] = [];
        const got: number[] = [];
        const want: number[] = [];
        const popOne = () => {
          model.sort((a, b) => a.time - b.time || a.seq - b.seq);
          const m = model.shift()!;
          want.push(m.seq);
          got.push(heap.pop()!);
        };
        times.forEach((t, seq) => {
          heap.push(t, seq, seq);
          model.push({ time: t, seq });
          if (seq % popEvery === 0 && seq % 7 !== 0) popOne();
        });
        while (model.length > 0) popOne();
        expect(got).toEqual(want);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps equal times in insertion order', () => {
    const heap = new EventHeap<string>(1);
    ['a', 'b', 'c', 'd'].forEach((x, i) => heap.push(5, i, x));
    heap.push(1, 10, 'first');
    expect([heap.pop(), heap.pop(), heap.pop(), heap.pop(), heap.pop()]).toEqual(['first', 'a', 'b', 'c', 'd']);
  });

  it('round-trips through entries/load', () => {
    const heap = new EventHeap<number>();
    [9, 3, 7, 3, 1].forEach((t, i) => heap.push(t, i, i));
    const copy = new EventHeap<number>();
    copy.load(heap.entries());
    const a: number[] = [];
    const b: number[] = [];
    while (heap.size) a.push(heap.pop()!);
    while (copy.size) b.push(copy.pop()!);
    expect(b).toEqual(a);
    expect(a).toEqual([4, 1, 3, 2, 0]);
  });
});
