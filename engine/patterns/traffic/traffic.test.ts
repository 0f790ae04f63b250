import { describe, expect, it } from 'vitest';
import { ALL_MODELS as MODELS } from '../../registry/register-all';
import { run } from '../../testing/harness';
import { linked } from '../../testing/peer';
import { arrivals } from './arrivals';
import { trafficShape, type TrafficShape } from './params';
import type { TrafficState } from './program';

const shape = (s: Record<string, unknown>): TrafficShape => trafficShape.parse(s);
const times = (s: Record<string, unknown>, n: number, random = () => 0.5) => arrivals(shape(s), n, random).map((a) => Number(a.at.toFixed(6)));

describe('traffic shapes', () => {
  it('constant: one every 1000 / rate ms', () => {
    expect(times({ type: 'constant', ratePerSec: 4 }, 4)).toEqual([0, 250, 500, 750]);
  });

  it('Poisson: exponential gaps, −ln(1 − u) × mean', () => {
    // u = 0.5: each gap is ln 2 × 100 ms.
    expect(times({ type: 'poisson', ratePerSec: 10 }, 3)).toEqual([69.314718, 138.629436, 207.944154]);
  });

  it('bursts: rate while on, silence while off', () => {
    expect(times({ type: 'bursts', ratePerSec: 10, onMs: 300, offMs: 700 }, 7)).toEqual([0, 100, 200, 1000, 1100, 1200, 2000]);
  });

  it('boundary: perSide just before and just after each boundary', () => {
    expect(times({ type: 'boundary', perSide: 3, spreadMs: 30, firstBoundaryMs: 1000 }, 10)).toEqual([970, 980, 990, 1000, 1010, 1020]);
    expect(times({ type: 'boundary', perSide: 1, spreadMs: 10, firstBoundaryMs: 1000, everyMs: 2000 }, 4)).toEqual([990, 1000, 2990, 3000]);
  });

  it('ramp: the gap shrinks as the rate grows, then stays', () => {
    expect(times({ type: 'ramp', fromPerSec: 1, toPerSec: 10, overMs: 1000 }, 4)).toEqual([0, 1000, 1100, 1200]);
  });

  it('scripted: the list, in time order', () => {
    expect(arrivals(shape({ type: 'scripted', arrivals: [{ at: 50, permits: 2 }, { at: 10 }] }), 5, () => 0)).toEqual([
      { at: 10, permits: 1 },
      { at: 50, permits: 2 },
    ]);
  });
});

describe('traffic program', () => {
  const world = (program: Record<string, unknown>, clients = ['c1']) =>
    run(
      linked(
        [
          { id: 'rl', type: 'limiter', params: { algorithm: { kind: 'token-bucket', capacity: 2, ratePerSec: 1 } } },
          { id: 'rl2', type: 'limiter', params: { algorithm: { kind: 'fixed-window', limit: 2, windowMs: 1000 } } },
          ...clients.map((id) => ({ id, type: 'client', params: { program: { kind: 'traffic', ...program } } })),
        ],
        clients.flatMap((c) => [
          [c, 'rl'],
          [c, 'rl2'],
        ]) as [string, string][],
        1,
      ),
      MODELS,
    );

  it('sends the same arrivals to every linked limiter, keyed by the client', () => {
    const h = world({ shape: { type: 'constant', ratePerSec: 4 }, stopMs: 1000 }).runUntil(2000);
    const d = h.events('limiter.decision');
    expect(d.filter((e) => e.node === 'rl').map((e) => [e.id, Math.round(e.t), e.allowed])).toEqual([
      [1, 1, true],
      [2, 251, true],
      // 0.25 tokens left at 251; 0.5 at 501 and 0.75 at 751: not a whole token.
      [3, 501, false],
      [4, 751, false],
    ]);
    expect(d.filter((e) => e.node === 'rl2').map((e) => [e.id, e.key, e.allowed])).toEqual([
      [1, 'c1', true],
      [2, 'c1', true],
      [3, 'c1', false],
      [4, 'c1', false],
    ]);
    const s = (h.sim.node('c1').state as { prog: TrafficState }).prog;
    expect([s.sent, s.ok, s.refused]).toEqual([4, 4, 4]);
  });

  it('a seeded Poisson source gives the same arrivals whatever else draws from the run', () => {
    const a = world({ shape: { type: 'poisson', ratePerSec: 20 }, seed: 7, stopMs: 500 }).runUntil(1000).events('limiter.decision').filter((e) => e.node === 'rl').map((e) => e.t);
    const b = run(
      { ...linked([{ id: 'rl', type: 'limiter', params: {} }, { id: 'c1', type: 'client', params: { program: { kind: 'traffic', shape: { type: 'poisson', ratePerSec: 20 }, seed: 7, stopMs: 500 } } }], [['c1', 'rl']], 1), seed: 99 },
      MODELS,
    )
      .runUntil(1000)
      .events('limiter.decision')
      .map((e) => e.t);
    expect(a.length).toBeGreaterThan(3);
    expect(b).toEqual(a);
  });

  it('several clients keep their own keys: per-user limits', () => {
    const h = world({ shape: { type: 'constant', ratePerSec: 10 }, stopMs: 300 }, ['alice', 'bob']).runUntil(1000);
    const rl2 = h.events('limiter.decision').filter((e) => e.node === 'rl2');
    expect(new Set(rl2.map((e) => e.key))).toEqual(new Set(['alice', 'bob']));
    // Each user has a limit of 2 per window: 3 each sent, 2 each let through.
    for (const u of ['alice', 'bob']) expect(rl2.filter((e) => e.key === u).map((e) => e.allowed)).toEqual([true, true, false]);
  });
});
