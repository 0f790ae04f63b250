import { inEnglish } from '../i18n/english';
import { describe, expect, it } from 'vitest';
import type { MonitorCtx, MonitorDef } from '../core/monitor';
import type { TraceEvent } from '../core/trace-types';
import { fencingOrder } from './fencing-order/monitor';
import { lockProgress } from './lock-progress/monitor';
import { mutualExclusion } from './mutual-exclusion/monitor';

/** Folds hand-written events through a monitor and collects what it reports. */
function fold<S>(m: MonitorDef<S>, events: Record<string, unknown>[]) {
  const violations: { message: string; nodes: string[]; cause?: number; causeNode?: string }[] = [];
  const metrics: Record<string, number> = {};
  const ctx: MonitorCtx = {
    name: (id) => id,
    violate: (message, nodes, cause, causeNode) => violations.push({ message: inEnglish(message), nodes, cause, causeNode }),
    metric: (name, d = 1) => {
      metrics[name] = (metrics[name] ?? 0) + d;
    },
    setMetric: (name, v) => {
      metrics[name] = v;
    },
  };
  let s = m.init();
  events.forEach((e, i) => {
    s = m.onEvent(s, { i, step: i, ...e } as TraceEvent, ctx);
    // Monitor state must stay plain data (it is snapshotted with the world).
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });
  return { violations, metrics, state: s };
}

const acquire = (t: number, node: string, extra: Record<string, unknown> = {}) => ({
  t,
  node,
  type: 'lock.acquire' as const,
  lock: 'lock',
  via: 'redis-lock',
  server: 'redis',
  token: null,
  leaseMs: 1000,
  waitedMs: t,
  znode: null,
  section: `${node}#1`,
  ...extra,
});
const enter = (t: number, client: string, token: number | null = null) => ({ t, node: 'storage', type: 'storage.enter' as const, client, section: `${client}#1`, token });
const write = (t: number, client: string, token: number | null = null) => ({ t, node: 'storage', type: 'storage.write' as const, client, section: `${client}#1`, token, value: 'v', last: true });

describe('mutual-exclusion', () => {
  it('flags a second section entering while the first is open, and says why', () => {
    const { violations } = fold(mutualExclusion, [
      acquire(10, 'c1'),
      enter(20, 'c1'),
      { t: 1100, node: 'redis', type: 'redis.expire', keys: ['lock'], how: 'passive' },
      acquire(1110, 'c2'),
      enter(1120, 'c2'),
      write(2000, 'c1'),
    ]);
    expect(violations).toHaveLength(1);
    expect(violations[0].message).toBe(
      "c2 entered its critical section on storage at 1120 ms while c1's section (started 20 ms) was still open: c1's lock had expired on redis at 1100 ms (its 1000 ms lease ran out) while c1 was still working",
    );
    expect(violations[0].nodes).toEqual(['c2', 'c1', 'storage']);
    // The cause is the expiry (event 2) on redis, not c2's enter that revealed it.
    expect(violations[0].cause).toBe(2);
    expect(violations[0].causeNode).toBe('redis');
  });

  it('accepts sections one after another, and a crashed holder is out of its section', () => {
    const { violations, metrics } = fold(mutualExclusion, [
      acquire(10, 'c1'),
      enter(20, 'c1'),
      write(500, 'c1'),
      { t: 510, node: 'c1', type: 'lock.release', lock: 'lock', via: 'redis-lock', server: 'redis', ok: true, heldMs: 500, detail: '' },
      acquire(530, 'c2'),
      enter(540, 'c2'),
      { t: 600, node: 'c2', type: 'fault.crash' },
      acquire(1700, 'c3', { waitedMs: 1500 }),
      enter(1710, 'c3'),
    ]);
    expect(violations).toEqual([]);
    expect(metrics['redis-lock.handoff.avg.ms']).toBe(20);
    expect(metrics['redis-lock.unusable.ms']).toBe(1100);
  });

  it('a crashed resource ends the sections open on it; a write that reaches it later still counts', () => {
    const { violations } = fold(mutualExclusion, [
      acquire(10, 'c1'),
      enter(20, 'c1'),
      { t: 100, node: 'storage', type: 'fault.crash' },
      acquire(1200, 'c2', { waitedMs: 1100 }),
      enter(1210, 'c2'),
    ]);
    expect(violations).toEqual([]);
    const late = fold(mutualExclusion, [acquire(10, 'c1'), enter(20, 'c1'), { t: 100, node: 'storage', type: 'fault.crash' }, acquire(1200, 'c2', { waitedMs: 1100 }), enter(1210, 'c2'), write(1300, 'c1')]);
    expect(late.violations.map((v) => v.nodes)).toEqual([['c1', 'c2', 'storage']]);
  });

  it('treats a fenced-off section as closed, and names a foreign DEL and a pause', () => {
    const fenced = fold(mutualExclusion, [
      enter(20, 'c1', 1),
      { t: 900, node: 'storage', type: 'storage.fence', client: 'c2', section: 'c2#1', token: 2, fenced: [{ section: 'c1#1', client: 'c1', token: 1 }] },
      enter(900, 'c2', 2),
    ]);
    expect(fenced.violations).toEqual([]);
    const del = fold(mutualExclusion, [
      acquire(10, 'c2'),
      enter(20, 'c2'),
      { t: 50, node: 'c2', type: 'fault.pause', durationMs: 100 },
      { t: 60, node: 'redis', type: 'redis.exec', client: 'c1', argv: ['DEL', 'lock'], reply: 1 },
      acquire(70, 'c3'),
      enter(80, 'c3'),
    ]);
    expect(del.violations[0].message).toContain("c1's plain DEL removed c2's lock on redis at 60 ms");
    const zk = fold(mutualExclusion, [
      acquire(10, 'c1', { via: 'zk-lock', server: 'zk', znode: '/l/n1', leaseMs: null }),
      enter(20, 'c1'),
      { t: 30, node: 'c1', type: 'fault.pause', durationMs: 9000 },
      { t: 5000, node: 'zk', type: 'zk.session.expired', session: '0x1', zxid: 9, deleted: ['/l/n1'] },
      acquire(5100, 'c2', { via: 'zk-lock', server: 'zk', znode: '/l/n2', leaseMs: null }),
      enter(5110, 'c2'),
    ]);
    expect(zk.violations[0].message).toContain("c1's ZooKeeper session expired on zk at 5000 ms, deleting its lock node while c1 was frozen (paused since 30 ms)");
  });

  it('ignores an enter that arrives after its client crashed, but not a late write', () => {
    const late = fold(mutualExclusion, [acquire(10, 'c1'), { t: 15, node: 'c1', type: 'fault.crash' }, enter(20, 'c1'), acquire(1200, 'c2'), enter(1210, 'c2'), write(1500, 'c2')]);
    expect(late.violations).toEqual([]);
    const delayed = fold(mutualExclusion, [acquire(10, 'c1'), enter(20, 'c1'), { t: 400, node: 'c1', type: 'fault.crash' }, acquire(1200, 'c2'), enter(1210, 'c2'), write(1300, 'c1')]);
    expect(delayed.violations).toHaveLength(1);
    expect(delayed.violations[0].message).toMatch(/^c1 wrote on storage at 1300 ms while c2's section/);
  });

  it('explains two holders after a failover', () => {
    const { violations } = fold(mutualExclusion, [
      acquire(10, 'c1', { server: 'primary' }),
      enter(20, 'c1'),
      { t: 1300, node: 'replica', type: 'redis.promote', primary: 'primary', offset: 3, silentMs: 1000 },
      acquire(1400, 'c2', { server: 'replica' }),
      enter(1410, 'c2'),
    ]);
    expect(violations[0].message).toContain('replica was promoted to primary at 1300 ms without c1');
  });
});

describe('fencing-order', () => {
  it('flags an accepted token smaller than one already seen, once per access', () => {
    const { violations } = fold(fencingOrder, [enter(10, 'c1', 1), enter(900, 'c2', 2), write(1000, 'c2', 2), write(1500, 'c1', 1)]);
    expect(violations).toHaveLength(1);
    expect(violations[0].message).toContain("storage accepted c1's write \"v\" with token 1 at 1500 ms, after it had seen token 2 from c2 at 900 ms");
  });

  it('ignores accesses without a token', () => {
    expect(fold(fencingOrder, [enter(10, 'c1'), enter(20, 'c2', 5), write(30, 'c1')]).violations).toEqual([]);
  });
});

describe('lock-progress', () => {
  const wait = (t: number, node: string, how = 'poll', retryInMs: number | null = 250) => ({ t, node, type: 'lock.wait' as const, lock: 'lock', via: 'redis-lock', how, retryInMs, detail: '' });
  const release = (t: number, node: string) => ({ t, node, type: 'lock.release' as const, lock: 'lock', via: 'redis-lock', server: 'redis', ok: true, heldMs: 0, detail: '' });
  const tick = (t: number) => ({ t, node: 'x', type: 'timer.fire' as const, id: 0, payload: null });

  it('flags a lock left free past the waiters’ bound (poll interval + slack), once, naming them', () => {
    const { violations, metrics } = fold(lockProgress, [acquire(0, 'c1'), wait(10, 'c2'), wait(20, 'c3'), release(500, 'c1'), tick(1700), tick(1760), tick(5000)]);
    // Due at 500 + 250 + 1000: the 1700 tick is inside, 1760 is past it.
    expect(violations).toHaveLength(1);
    expect(violations[0].message).toBe(
      "lock on redis has been free since 500 ms (released by c1) and nobody took it: c2 (poll, waiting since 10 ms), c3 (poll, waiting since 20 ms) still waiting at 1760 ms, past their recipe's own bound; a notification or a reply was lost, or the queue is blocked",
    );
    expect(violations[0].nodes).toEqual(['c2', 'c3', 'redis']);
    expect(metrics['lock-progress.stalls']).toBe(1);
  });

  it('does not flag a waiter that was woken and is trying, nor a lock taken in time', () => {
    const woken = fold(lockProgress, [acquire(0, 'c1'), wait(10, 'c2'), release(500, 'c1'), { t: 600, node: 'c2', type: 'lock.wake', lock: 'lock', via: 'redis-lock', how: 'push', detail: '' }, tick(3000)]);
    expect(woken.violations).toEqual([]);
    const taken = fold(lockProgress, [acquire(0, 'c1'), wait(10, 'c2'), release(500, 'c1'), acquire(900, 'c2'), tick(5000)]);
    expect(taken.violations).toEqual([]);
  });

  it('counts a crashed holder’s lock as free only once its lease ran out at the server', () => {
    const events = [acquire(0, 'c1'), wait(10, 'c2'), { t: 100, node: 'c1', type: 'fault.crash' }, tick(3000), { t: 3100, node: 'redis', type: 'redis.expire', keys: ['lock'], how: 'active' }, tick(4300), tick(4400)];
    const { violations } = fold(lockProgress, events);
    expect(violations).toHaveLength(1);
    expect(violations[0].message).toMatch(/^lock on redis has been free since 3100 ms \(c1's lease ran out\) .* still waiting at 4400 ms/);
  });

  it('gives a ZooKeeper queue one and a half session timeouts (a dead session’s node may stand in it)', () => {
    const open = { t: 0, node: 'zk', type: 'zk.session.open' as const, session: 's2', client: 'c2', requestedMs: 4000, timeoutMs: 4000, zxid: 1 };
    const events = [open, acquire(0, 'c1', { server: 'zk', via: 'zk-lock', znode: '/l/a' }), { ...wait(10, 'c2', 'watch', null), via: 'zk-lock' }, { ...release(500, 'c1'), via: 'zk-lock', server: 'zk' }, tick(7400), tick(7600)];
    const { violations } = fold(lockProgress, events);
    expect(violations.map((v) => v.message.slice(0, 60))).toEqual(['lock on zk has been free since 500 ms (released by c1) and n']);
    expect(violations[0].message).toMatch(/still waiting at 7600 ms/);
  });
});
