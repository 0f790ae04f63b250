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
  fc.record({ ops: fc.array(fc.record({ key: fc.string({ maxLength: 2 }), entry: fc.oneof(fc.constant(null), fc.record({ v: fc.double(), at: fc.constantFrom(null, undefined, -0) })) }), { maxLength: 2 }), pubs: fc.constant([]) }),
  fc.array(fc.oneof(fc.boolean(), fc.constant(null), fc.array(fc.constantFrom(1, 'x', NaN), { maxLength: 2 })), { maxLength: 3 }),
  // A map-like object (a keyspace): stored key by key.
  fc.record({ keys: fc.dictionary(fc.string({ maxLength: 3 }), fc.oneof(fc.integer(), fc.string(), fc.record({ v: fc.string() })), { minKeys: 17, maxKeys: 20 }) }),
);
const key = fc.constantFrom('n', 'key', 'args', 'value', '0', '7', 'type2', 'constructor', '__proto__');

/**
 * `got` is `want` rebuilt: the same prototypes, keys in the same order, arrays of the same
 * length with holes in the same places, leaves equal by Object.is (so -0 and NaN count).
 */
function expectSame(got: unknown, want: unknown): void {
  if (typeof want !== 'object' || want === null) {
    expect(Object.is(got, want)).toBe(true);
    return;
  }
  expect(typeof got === 'object' && got !== null).toBe(true);
  expect(Object.getPrototypeOf(got)).toBe(Object.getPrototypeOf(want));
  const g = got as Record<string, unknown>;
  const w = want as Record<string, unknown>;
  if (Array.isArray(want)) {
    expect((got as unknown[]).length).toBe(want.length);
    for (let k = 0; k < want.length; k++) {
      expect(k in (got as unknown[])).toBe(k in want);
      expectSame(g[k], w[k]);
    }
    return;
  }
  expect(Object.keys(g)).toEqual(Object.keys(w));
  for (const k of Object.keys(w)) expectSame(g[k], w[k]);
}

/** Builds a message with fields in the given order (own data properties, like JSON.parse). */
function msgOf(type: string, fields: [string, unknown][]): Msg {
  const m: Record<string, unknown> = { type };
  for (const [k, v] of fields) Object.defineProperty(m, k, { value: v, enumerable: true, writable: true, configurable: true });
  return m as unknown as Msg;
}

describe('trace message storage', () => {
  it('gives back every delivered message equal to what was sent, nested data too, fields in the same order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('get', 'set', 'ok'), fc.array(fc.tuple(key, value), { maxLength: 5 })), { maxLength: 60 }), (specs) => {
        const log = new TraceLog(['a', 'b']);
        const sent = specs.map(([type, fields]) => msgOf(type, fields));
        sent.forEach((m, i) => log.pushDeliver(i, i, 0, 1, i / 2, m));
        sent.forEach((m, i) => {
          const ev = log.get(i);
          if (ev.type !== 'net.deliver') throw new Error('expected a delivery');
          // Holes stay holes: a message with an array that has one is kept as it is.
          expectSame(ev.msg, m);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('gives back a map-like object with a key named __proto__ as an own key, not as its prototype', () => {
    const keys: Record<string, unknown> = {};
    for (let i = 0; i < 18; i++) keys[`k${i}`] = i;
    Object.defineProperty(keys, '__proto__', { value: { v: 'y' }, enumerable: true, writable: true, configurable: true });
    const log = new TraceLog(['a', 'b']);
    const m = { type: 'set', keys } as unknown as Msg;
    log.pushDeliver(0, 0, 0, 1, 0, m);
    const ev = log.get(0);
    if (ev.type !== 'net.deliver') throw new Error('expected a delivery');
    const got = (ev.msg as unknown as { keys: Record<string, unknown> }).keys;
    expect(Object.getPrototypeOf(got)).toBe(Object.prototype);
    expect(Object.hasOwn(got, '__proto__')).toBe(true);
    expectSame(ev.msg, m);
  });

  it('gives back events\' fields equal to what was recorded, whatever their type field', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.tuple(fc.constantFrom('type', 'n', 'argv', 'to'), value), { maxLength: 4 }), { maxLength: 40 }), (specs) => {
        const log = new TraceLog(['a', 'b']);
        const data = specs.map((fields) => {
          const d: Record<string, unknown> = {};
          for (const [k, v] of fields) d[k] = v;
          return d;
        });
        data.forEach((d, i) => log.push(i, i, 0, i % 2 ? 'redis.exec' : 'fault.crash', d as never));
        data.forEach((d, i) => {
          const { i: _i, step: _s, t: _t, type: _type, node: _n, ...rest } = log.get(i) as unknown as Record<string, unknown>;
          // A `type` field is shadowed by the event's own type, as when the event was an object.
          const { type: _dt, ...want } = d;
          expectSame(rest, want);
        });
      }),
      { numRuns: 200 },
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

  it('gives back string lists stored once and reused, past the table\'s growth and past its cap (then inline)', () => {
    const log = new TraceLog(['a', 'b']);
    // 70,000 distinct lists (more than are interned), each sent twice, and one sent throughout.
    const sent: Msg[] = [];
    for (let i = 0; i < 70_000; i++) {
      sent.push({ type: 'cmd', argv: ['SET', `k${i}`, 'v'] } as unknown as Msg, { type: 'cmd', argv: ['SET', `k${i}`, 'v'] } as unknown as Msg);
      if (i % 1000 === 0) sent.push({ type: 'cmd', argv: ['GET', 'k'] } as unknown as Msg);
    }
    sent.forEach((m, i) => log.pushDeliver(i, i, 0, 1, 0, m));
    sent.forEach((m, i) => expect((log.get(i) as unknown as { msg: Msg }).msg).toStrictEqual(m));
  });
});
