import { describe, expect, it } from 'vitest';
import { narrateEn } from '../../testing/english';
import { run } from '../../testing/harness';
import type { RedisState } from './state';
import { redisParams } from './params';
import { linked } from '../../testing/peer';
import { REDIS_MODELS, redisClient, repliesOf, type RedisStep } from '../../testing/redis';

const client = (id: string, steps: RedisStep[]) => redisClient(id, 'r', steps);
const redis = { id: 'r', type: 'redis', params: redisParams.parse({}) };
const replies = repliesOf;

/** Clients `a` and `b` on one Redis node over 5 ms links. */
function pair(a: RedisStep[], b: RedisStep[] = []) {
  return run(
    linked(
      [client('a', a), client('b', b), redis],
      [
        ['a', 'r'],
        ['b', 'r'],
      ],
    ),
    REDIS_MODELS,
  );
}

describe('redis node: blocking pops', () => {
  it('times a held client out at the first 10 Hz tick after its deadline', () => {
    // BLPOP arrives at 5 with 0.25 s: deadline 255, noticed at the 300 ms serverCron tick.
    const h = pair([{ at: 0, argv: ['BLPOP', 'q', '0.25'] }]);
    h.runUntil(299);
    expect(replies(h, 'a')[0]).toBeUndefined();
    expect((h.sim.node('r').state as RedisState).blocked).toHaveLength(1);
    h.runUntil(400);
    expect(replies(h, 'a')[0]).toEqual({ at: 305, reply: null });
    expect((h.sim.node('r').state as RedisState).blocked).toBeUndefined();
    const [blocked, unblocked] = [h.events('redis.block', 'r'), h.events('redis.unblock', 'r')];
    expect(blocked[0]).toMatchObject({ t: 5, keys: ['q'], deadline: 255 });
    expect(unblocked[0]).toMatchObject({ t: 300, how: 'timeout', reply: null, waitedMs: 295 });
    expect(narrateEn(h.sim, unblocked[0])).toBe("r answers a's BLPOP q 0.25 after 295 ms (timed out) → (nil)");
  });

  it('a held client whose process dies is dropped when its host resets the connection: a later push stays in the list', () => {
    const h = pair([{ at: 0, argv: ['BLPOP', 'q', '0'] }], [{ at: 100, argv: ['RPUSH', 'q', 'job'] }, { at: 150, argv: ['LLEN', 'q'] }]);
    h.at(50).crash('a').runUntil(300);
    const dropped = h.events('redis.unblock', 'r');
    expect(dropped).toMatchObject([{ client: 'a', how: 'disconnected', t: 55 }]);
    expect(narrateEn(h.sim, dropped[0])).toBe("r drops a's BLPOP q 0: its connection is gone (waited 50 ms)");
    expect(Object.values(replies(h, 'b')).map((r) => r.reply)).toEqual([1, 1]);
  });

  it('serves held clients after the push that filled the list, in the order they blocked', () => {
    const h = pair(
      [
        { at: 0, argv: ['BLPOP', 'q', '5'] },
        { at: 20, argv: ['RPUSH', 'q', '1', '2', '3'] },
      ],
      [{ at: 10, argv: ['BRPOP', 'q', '5'] }],
    );
    h.runUntil(100);
    expect(replies(h, 'a')[1]).toEqual({ at: 30, reply: 3 });
    expect(replies(h, 'a')[0]).toEqual({ at: 30, reply: ['q', '1'] });
    expect(replies(h, 'b')[0]).toEqual({ at: 30, reply: ['q', '3'] });
    const served = h.events('redis.unblock', 'r');
    expect(served.map((e) => [e.client, e.how])).toEqual([
      ['a', 'served'],
      ['b', 'served'],
    ]);
    // The push replies first: the served pops come after it.
    const order = h.events(undefined, 'r').filter((e) => e.type === 'redis.exec' || e.type === 'redis.unblock');
    expect(order.map((e) => e.type)).toEqual(['redis.exec', 'redis.unblock', 'redis.unblock']);
  });

  it("answers a timeout when another client's command wakes the server before the tick", () => {
    // Deadline 155; b's PING arrives at 175, before the 200 ms tick.
    const h = pair([{ at: 0, argv: ['BLPOP', 'q', '0.15'] }], [{ at: 170, argv: ['PING'] }]);
    h.runUntil(400);
    expect(replies(h, 'a')[0]).toEqual({ at: 180, reply: null });
    expect(h.events('redis.unblock', 'r')[0]).toMatchObject({ t: 175, how: 'timeout' });
  });

  it('holds a client forever with timeout 0, and a crash forgets it', () => {
    const h = pair([{ at: 0, argv: ['BLPOP', 'q', '0'] }]);
    h.runUntil(10_000);
    expect(replies(h, 'a')[0]).toBeUndefined();
    h.at(10_001).crash('r').runUntil(10_002);
    expect((h.sim.node('r').state as RedisState).blocked).toBeUndefined();
  });
});
