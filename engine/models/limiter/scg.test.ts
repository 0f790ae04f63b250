import { describe, expect, it } from 'vitest';
import type { LimitReq, LimitRes } from '../../clients/limit/messages';
import type { ModelDef } from '../../core/types';
import { ALL_MODELS } from '../../registry/register-all';
import { run, type Harness } from '../../testing/harness';
import { linked, peer, peerNode, type PeerState, type RawStep } from '../../testing/peer';
import { scgKeys } from './scg';

const MODELS = { ...ALL_MODELS, peer } as unknown as Readonly<Record<string, ModelDef<never, unknown>>>;

const req = (at: number, id: number, key = 'alice'): RawStep => {
  const msg: LimitReq = { type: 'limit.req', id, key, permits: 1 };
  return { at, msg };
};

const scg = { kind: 'scg-redis', replenishRate: 1, burstCapacity: 3 };

/** Two gateways on one Redis, a caller on each, 1 ms links. */
function world(steps1: RawStep[], steps2: RawStep[]): Harness {
  return run(
    linked(
      [
        { id: 'redis', type: 'redis', params: {} },
        { id: 'gw1', type: 'limiter', params: { algorithm: scg } },
        { id: 'gw2', type: 'limiter', params: { algorithm: scg } },
        peerNode('c1', 'gw1', steps1),
        peerNode('c2', 'gw2', steps2),
      ],
      [
        ['gw1', 'redis'],
        ['gw2', 'redis'],
        ['c1', 'gw1'],
        ['c2', 'gw2'],
      ],
      1,
    ),
    MODELS,
  );
}

const answers = (h: Harness, c: string) => (h.sim.node(c).state as PeerState<RawStep>).got.filter((g) => g.msg.type === 'limit.res').map((g) => g.msg as LimitRes);

describe('Spring Cloud Gateway RedisRateLimiter', () => {
  it('keys as the real one: hash-tagged per route and id', () => {
    expect(scgKeys('route', 'alice')).toEqual(['request_rate_limiter.{route.alice}.tokens', 'request_rate_limiter.{route.alice}.timestamp']);
  });

  it('two gateways share one bucket in Redis, and answer with the real headers', () => {
    // Capacity 3: c1 takes 2, c2 takes 1, then c2 is refused; a second later one token is back.
    const h = world([req(0, 1), req(10, 2)], [req(20, 1), req(30, 2), req(1500, 3)]).runUntil(3000);
    expect(answers(h, 'c1').map((a) => [a.status, a.headers?.['X-RateLimit-Remaining']])).toEqual([
      [200, '2'],
      [200, '1'],
    ]);
    expect(answers(h, 'c2').map((a) => [a.status, a.headers?.['X-RateLimit-Remaining']])).toEqual([
      [200, '0'],
      [429, '0'],
      [200, '0'],
    ]);
    expect(answers(h, 'c2')[1].headers).toEqual({
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Replenish-Rate': '1',
      'X-RateLimit-Burst-Capacity': '3',
      'X-RateLimit-Requested-Tokens': '1',
    });
    h.expectEvent('limiter.decision', { node: 'gw2', id: 2, allowed: false, algorithm: 'scg-redis' });
  });

  it('fails open when Redis is down: 200 with X-RateLimit-Remaining -1', () => {
    const h = world([req(0, 1), req(500, 2), req(600, 3), req(700, 4), req(800, 5)], []).at(100).crash('redis').runUntil(5000);
    expect(answers(h, 'c1').map((a) => [a.status, a.headers?.['X-RateLimit-Remaining']])).toEqual([
      [200, '2'],
      [200, '-1'],
      [200, '-1'],
      [200, '-1'],
      [200, '-1'],
    ]);
    expect(h.events('limiter.fail-open').map((e) => e.id)).toEqual([2, 3, 4, 5]);
  });
});
