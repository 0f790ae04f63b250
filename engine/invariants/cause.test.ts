import { describe, expect, it } from 'vitest';
import { play } from '../testing/scenario';

/** The mutual-exclusion violation of built-in `id` with the event its `cause` points at. */
function causeOf(id: string, v: Parameters<typeof play>[1] = {}) {
  const r = play(id, v);
  const ev = r.expectEvent('invariant.violation', { monitor: 'mutual-exclusion' });
  return { ev, cause: r.sim.trace.get(ev.cause!) };
}

describe('a mutual-exclusion violation points at its cause', () => {
  it('redis-lock-unsafe-del: c1’s late plain DEL, by c1', () => {
    const { ev, cause } = causeOf('redis-lock-unsafe-del');
    expect(ev.causeNode).toBe('c1');
    expect(ev.nodes).not.toContain('c1');
    expect(cause).toMatchObject({ type: 'redis.exec', node: 'redis', client: 'c1' });
    expect(cause.type === 'redis.exec' && cause.argv[0]).toBe('DEL');
    expect(cause.t).toBeLessThan(ev.t);
  });

  it('gc-pause-fencing: the lease expiring on redis, at any seed', () => {
    for (const seed of [undefined, 7, 1234]) {
      const { ev, cause } = causeOf('gc-pause-fencing', seed === undefined ? {} : { seed });
      expect(ev.causeNode).toBe('redis');
      expect(cause).toMatchObject({ type: 'redis.expire', node: 'redis' });
    }
  });

  it('zk-lock with the holder cut off: the session expiring on ZooKeeper', () => {
    const { ev, cause } = causeOf('zk-lock', {
      interventions: [{ at: 700, kind: 'partition', edge: 'c1-zk' }],
      program: { holdMs: 8000 },
      clients: ['c1'],
    });
    expect(ev.causeNode).toBe('zk');
    expect(cause.type).toBe('zk.session.expired');
  });

  it('a violation with no known cause points at the event that broke it, naming no node', () => {
    const r = play('zk-lock', { program: { sortChildren: false } });
    const ev = r.expectEvent('invariant.violation', { monitor: 'mutual-exclusion' });
    expect(ev.causeNode).toBeUndefined();
    expect(r.sim.trace.get(ev.cause!)).toMatchObject({ type: 'storage.enter', node: 'storage', t: ev.t });
  });
});
