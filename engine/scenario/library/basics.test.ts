import { describe, expect, it } from 'vitest';
import { play } from '../../testing/scenario';

describe('basics scenarios teach what they say', () => {
  it('redis-basics: the key is read back, then gone after its TTL', () => {
    const replies = play('redis-basics')
      .events('client.reply')
      .map((e) => e.reply);
    expect(replies[0]).toBe('OK');
    expect(replies[1]).toBe('hello');
    expect(typeof replies[2]).toBe('number');
    expect(replies[2] as number).toBeGreaterThan(0);
    expect(replies[3]).toBeNull();
  });

  it('redis-failover: an acknowledged write is missing from the promoted replica', () => {
    const r = play('redis-failover');
    const acked = r.events('client.reply').flatMap((e) => (e.reply === 'OK' ? [e.argv[1]] : []));
    expect(acked).toEqual(['order:1', 'order:2', 'order:3', 'order:4', 'order:5']);
    const replica = r.stateOf('replica', 'redis');
    expect(replica.role).toBe('primary');
    expect(Object.keys(replica.data.keys).sort()).toEqual(['order:1', 'order:2', 'order:3', 'order:4']);
  });

  it('zk-basics, try this: a server paused past a session expires it on resume (as real ZooKeeper 3.8 does, conformance 28)', () => {
    const pause = (durationMs: number) => play('zk-basics', { interventions: [{ at: 1000, kind: 'pause', node: 'zk', durationMs }] });
    const long = pause(5000);
    const expired = long.expectEvent('zk.session.expired', { node: 'zk', deleted: ['/workers/w-0000000000'] });
    // Nothing while frozen: the worker's session goes at the resume, the observer's (10 s) lives.
    expect(expired.t).toBe(6000);
    expect(long.events('zk.session.expired')).toHaveLength(1);
    pause(3000).expectNoEvent('zk.session.expired');
  });
});
