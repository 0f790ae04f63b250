import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pdel, pentries, pget, phas, pmap, pmapOf, precord, pset, psome, type PMap } from './pmap';

// Keys a record treats specially (array indices, "__proto__"), two whose FNV-1a hashes collide
// (k32728 and k261234), and plain ones.
const KEYS = ['0', '7', '10', '4294967294', '4294967295', '01', '__proto__', 'constructor', 'k32728', 'k261234', 'a', 'b', 'c/d', ''];
const op = fc.oneof(
  fc.record({ set: fc.constantFrom(...KEYS, ...Array.from({ length: 60 }, (_, i) => `s${i}`)), v: fc.integer() }),
  fc.record({ del: fc.constantFrom(...KEYS, ...Array.from({ length: 60 }, (_, i) => `s${i}`)) }),
);

const put = (rec: Record<string, number>, k: string, v: number) => Object.defineProperty(rec, k, { value: v, enumerable: true, writable: true, configurable: true });

describe('pmap', () => {
  it('matches a plain record, order included, after any run of sets and deletes, and leaves earlier maps as they were', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        let m: PMap<number> = pmap();
        const rec: Record<string, number> = {};
        const history: [PMap<number>, [string, number][]][] = [];
        for (const o of ops) {
          if ('set' in o) {
            m = pset(m, o.set, o.v);
            put(rec, o.set, o.v);
          } else {
            m = pdel(m, o.del);
            delete rec[o.del];
          }
          history.push([m, Object.entries(rec)]);
        }
        expect(pentries(m)).toEqual(Object.entries(rec));
        expect(m.size).toBe(Object.keys(rec).length);
        for (const k of KEYS) {
          expect(pget(m, k)).toBe(Object.hasOwn(rec, k) ? rec[k] : undefined);
          expect(phas(m, k)).toBe(Object.hasOwn(rec, k));
        }
        for (const [old, entries] of history) expect(pentries(old)).toEqual(entries);
      }),
    );
  });

  it('round-trips a record, survives structuredClone, and finds values without an order', () => {
    const rec = { b: 2, '3': 3, a: 1, k32728: 4, k261234: 5 };
    const m = structuredClone(pmapOf(rec));
    expect(precord(m)).toEqual(rec);
    expect(Object.keys(precord(m))).toEqual(Object.keys(rec));
    expect(psome(m, (v) => v === 5)).toBe(true);
    expect(psome(pdel(m, 'k261234'), (v) => v === 5)).toBe(false);
  });
});
