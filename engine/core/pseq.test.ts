import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parray, pat, pfind, ppush, premove, pseq, type PSeq } from './pseq';

describe('pseq', () => {
  it('matches a plain array after any run of pushes and removals, and leaves earlier sequences as they were', () => {
    const op = fc.oneof(fc.record({ push: fc.integer() }), fc.record({ remove: fc.nat() }), fc.record({ find: fc.integer({ min: 0, max: 20 }) }));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
        let q: PSeq<number> = pseq();
        let arr: number[] = [];
        const history: [PSeq<number>, number[]][] = [];
        for (const o of ops) {
          if ('push' in o) {
            q = ppush(q, o.push);
            arr = [...arr, o.push];
          } else if ('remove' in o) {
            if (arr.length === 0) continue;
            const i = o.remove % arr.length;
            q = premove(q, i);
            arr = arr.filter((_, j) => j !== i);
          } else expect(pfind(q, (x) => Math.abs(x) % 21 === o.find)).toBe(arr.findIndex((x) => Math.abs(x) % 21 === o.find));
          history.push([q, arr]);
        }
        expect(parray(q)).toEqual(arr);
        expect(q.length).toBe(arr.length);
        arr.forEach((x, i) => expect(pat(q, i)).toBe(x));
        for (const [old, a] of history) expect(parray(structuredClone(old))).toEqual(a);
      }),
    );
  });
});
