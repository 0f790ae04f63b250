import { describe, expect, it } from 'vitest';
import type { LimitReq, LimitRes } from '../../clients/limit/messages';
import type { ModelDef } from '../../core/types';
import { narrateEn } from '../../testing/english';
import { run, type Harness } from '../../testing/harness';
import { linked, peer, peerNode, type PeerState, type RawStep } from '../../testing/peer';
import { limiterModel } from './model';
import type { LimiterParams } from './params';
import { limiterView } from './view';

const MODELS = { limiter: limiterModel, peer } as unknown as Readonly<Record<string, ModelDef<never, unknown>>>;

const req = (at: number, id: number, key = 'u1', permits = 1): RawStep => {
  const msg: LimitReq = { type: 'limit.req', id, key, permits };
  return { at, msg };
};

/** A limiter and one scripted caller 1 ms away. */
function world(p: LimiterParams, steps: RawStep[]): Harness {
  return run(linked([{ id: 'rl', type: 'limiter', params: p }, peerNode('c', 'rl', steps)], [['c', 'rl']], 1), MODELS);
}

const answers = (h: Harness) =>
  (h.sim.node('c').state as PeerState<RawStep>).got.filter((g) => g.msg.type === 'limit.res').map((g) => ({ at: g.at, ...(g.msg as LimitRes) }));

describe('limiter node', () => {
  it('answers 200 or 429 and traces each decision with its wait', () => {
    const h = world({ algorithm: { kind: 'fixed-window', limit: 2, windowMs: 1000 } }, [req(0, 1), req(10, 2), req(20, 3), req(1000, 4)]).runUntil(2000);
    expect(answers(h).map((a) => [a.id, a.status])).toEqual([
      [1, 200],
      [2, 200],
      [3, 429],
      [4, 200],
    ]);
    h.expectEvent('limiter.decision', { node: 'rl', client: 'c', id: 3, allowed: false, waitMs: 0, permits: 1, algorithm: 'fixed-window' });
    expect(h.sim.metrics['limiter.rejected']).toBe(1);
  });

  it('Guava acquire(): holds a request for its wait and releases it then', () => {
    // create(5): arrivals at 0 (1 ms on the wire) wait 0, 200 and 400 ms.
    const h = world({ algorithm: { kind: 'guava-bursty', permitsPerSecond: 5 } }, [req(0, 1), req(0, 2), req(0, 3)]).runUntil(2000);
    expect(h.events('limiter.decision').map((e) => [e.id, e.waitMs])).toEqual([
      [1, 0],
      [2, 200],
      [3, 400],
    ]);
    expect(h.events('limiter.release').map((e) => [e.id, Math.round(e.t)])).toEqual([
      [2, 201],
      [3, 401],
    ]);
    expect(answers(h).map((a) => [a.id, a.waitMs, Math.round(a.at)])).toEqual([
      [1, 0, 2],
      [2, 200, 202],
      [3, 400, 402],
    ]);
  });

  it('the card sees the queue while requests wait, and per-key limiters', () => {
    const h = world({ algorithm: { kind: 'leaky-queue', ratePerSec: 10, maxQueueMs: 1000 } }, [req(0, 1), req(0, 2), req(0, 3), req(0, 4, 'u2')]).runUntil(50);
    const v = limiterView(h.sim.node('rl').state as never);
    expect(v.queue.map((q) => q.id)).toEqual([2, 3]);
    expect(v.keys.map((k) => [k.key, k.state.shape])).toEqual([
      ['u1', 'pace'],
      ['u2', 'pace'],
    ]);
  });

  it('a shared limiter counts every key together', () => {
    const h = world({ algorithm: { kind: 'token-bucket', capacity: 2, ratePerSec: 1 }, perKey: false }, [req(0, 1, 'a'), req(0, 2, 'b'), req(0, 3, 'c')]).runUntil(100);
    expect(answers(h).map((a) => a.status)).toEqual([200, 200, 429]);
  });

  it('a crash forgets the counters and drops the queue', () => {
    const h = world({ algorithm: { kind: 'fixed-window', limit: 1, windowMs: 10_000 } }, [req(0, 1), req(100, 2), req(600, 3)])
      .at(300)
      .crash('rl')
      .at(400)
      .restart('rl')
      .runUntil(1000);
    expect(answers(h).map((a) => [a.id, a.status])).toEqual([
      [1, 200],
      [2, 429],
      [3, 200],
    ]);
  });

  it('narrates decisions in one line', () => {
    const h = world({ algorithm: { kind: 'token-bucket', capacity: 1, ratePerSec: 1 } }, [req(0, 1), req(0, 2)]).runUntil(100);
    const lines = h.events('limiter.decision').map((e) => narrateEn(h.sim, e));
    expect(lines.some((l) => /lets c's request #1 through: 0 of 1 tokens left/.test(l))).toBe(true);
    expect(lines.some((l) => /refuses c's request #2: 429/.test(l))).toBe(true);
  });
});
