import { describe, expect, it } from 'vitest';
import { Freezer } from './freezer';
import type { NodeRuntime } from './types';

const node = (id: string, state: unknown): NodeRuntime => ({ id, type: 'kv', params: {}, status: 'up', incarnation: 0, pauseId: 0, pausedUntil: 0, clock: { base: 0, monoBase: 0, t0: 0, drift: 0 }, state, deferred: [] });

describe('Freezer', () => {
  it('takes plain states and messages out of what it packs, and leaves other data (a class instance, a payload not asked for) in place', () => {
    class Opaque {
      n = 1;
    }
    const opaque = new Opaque();
    const states = [{ keys: { a: { v: '1' } }, offset: 3, lag: 0.5, role: 'primary' }, null, opaque, { keys: {}, offset: -0, lag: NaN, role: 'replica' }];
    const nodes = states.map((s, i) => node(`n${i}`, s));
    const ping = { type: 'ping' };
    const pong = { type: 'pong' };
    const batch = { type: 'repl', batch: { offset: 4, argv: ['SET', 'a', '2'], ops: [{ key: 'a', entry: { v: '2' } }] } };
    const payload = { owner: 'x', timer: 'next' };
    const refs: unknown[] = [ping, pong, batch, payload, batch, ping];
    const packed = new Freezer().freeze(nodes, refs, (i) => i !== 3);
    // Packed ones are taken out of the records the caller owns.
    expect(nodes.map((n) => n.state)).toEqual([null, null, opaque, null]);
    expect(refs).toEqual([null, null, null, payload, null, null]);
    expect(packed.stateShape[2]).toBe(0);
    expect(packed.refShape[3]).toBe(0);
  });

  it('round-trips through the freezer that packed', () => {
    const fz = new Freezer();
    const states = [{ keys: { a: { v: '1' } }, offset: 3, lag: 0.5 }, { keys: {}, offset: -0, lag: NaN }];
    const ping = { type: 'ping' };
    const pong = { type: 'pong' };
    const batch = { type: 'repl', batch: { offset: 4, argv: ['SET', 'a', '2'] } };
    const refs: unknown[] = [ping, pong, batch, batch, ping];
    const original = [...refs];
    const nodes = states.map((s, i) => node(`n${i}`, s));
    const packed = fz.freeze(nodes, refs, () => true);
    const back = states.map((_, i) => node(`n${i}`, null));
    fz.thawStates(packed, back);
    expect(back.map((n) => n.state)).toStrictEqual(states);
    const msgs = fz.thawRefs(packed, refs);
    expect(msgs).toStrictEqual(original);
    // Field-less messages take no words: each still comes back as itself, not its neighbour.
    expect(msgs[0]).toEqual({ type: 'ping' });
    expect(msgs[1]).toEqual({ type: 'pong' });
    expect(msgs[2]).toBe(msgs[3]);
    expect(msgs[0]).toBe(msgs[4]);
  });
});
