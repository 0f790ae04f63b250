import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TraceLog } from './trace-log';
import type { Msg } from './msg';

const value = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(-0, NaN, Infinity, true, false, null, undefined, '', 'ping', '0'),
  fc.string({ maxLength: 6 }),
  fc.array(fc.integer(), { maxLength: 2 }),
  fc.array(fc.string({ maxLength: 3 }), { maxLength: 3 }),
  fc.constantFrom([], ['a', 'a'], [undefined], Object.assign(new Array<string>(2), { 1: 'x' })),
  fc.record({ x: fc.integer() }),
);
const key = fc.constantFrom('n', 'key', 'args', 'value', '0', '7', 'type2', 'constructor', '__proto__');

/** Builds a message with fields in the given order (own data properties, like JSON.parse). */
function msgOf(type: string, fields: [string, unknown][]): Msg {
  const m: Record<string, unknown> = { type };
  for (const [k, v] of fields) Object.defineProperty(m, k, { value: v, enumerable: true, writable: true, configurable: true });
  return m as unknown as Msg;
}

describe('trace message storage', () => {
  it('gives back every delivered message equal to what was sent, fields in the same order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('get', 'set', 'ok'), fc.array(fc.tuple(key, value), { maxLength: 5 })), { maxLength: 60 }), (specs) => {
        const log = new TraceLog(['a', 'b']);
        const sent = specs.map(([type, fields]) => msgOf(type, fields));
        sent.forEach((m, i) => log.pushDeliver(i, i, 0, 1, i / 2, m));
        sent.forEach((m, i) => {
          const ev = log.get(i);
          if (ev.type !== 'net.deliver') throw new Error('expected a delivery');
          // Field by field with Object.is (so -0 and NaN count), in the same order; an array of
          // strings comes back as an equal copy (holes stay holes: such an array is kept as it is).
          const got = ev.msg as unknown as Record<string, unknown>;
          const want = m as unknown as Record<string, unknown>;
          expect(Object.getPrototypeOf(got)).toBe(Object.getPrototypeOf(want));
          expect(Object.keys(got)).toEqual(Object.keys(want));
          for (const k of Object.keys(want)) {
            const w = want[k];
            if (Array.isArray(w) && Array.from(w).every((x) => typeof x === 'string')) {
              expect(Array.isArray(got[k])).toBe(true);
              expect([...(got[k] as string[])]).toEqual([...w]);
              expect((got[k] as string[]).length).toBe(w.length);
            } else expect(Object.is(got[k], w)).toBe(true);
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('keeps messages that are not plain objects as they are', () => {
    class Req {
      readonly type = 'req';
      constructor(readonly n: number) {}
    }
    const log = new TraceLog(['a', 'b']);
    const odd = [new Req(1), Object.assign(Object.create(null) as object, { type: 'bare' }), Object.create({ type: 'inherited', hidden: 1 }) as Msg];
    odd.forEach((m, i) => log.pushDeliver(i, i, 0, 1, 0, m as Msg));
    odd.forEach((m, i) => {
      const ev = log.get(i);
      expect(ev.type === 'net.deliver' && ev.msg).toBe(m);
    });
  });
});
