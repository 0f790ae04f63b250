import { inEnglish } from '../../i18n/english';
import { galleryEntry } from '../../testing/gallery';
import fc from 'fast-check';
import { narrateEn } from '../../testing/english';
import { scriptBySource } from '../../clients/redis/scripts';
import { describe, expect, it } from 'vitest';
import type { Intervention } from '../../core/faults';
import { buildSimulation } from '../build';
import { fromScenario, play, scenarioOf } from '../../testing/scenario';
import { applyChange } from '../change';

const LOCKS = ['redis-lock-polling', 'redis-lock-watchdog', 'redis-lock-unsafe-del', 'redis-lock-expiry', 'zk-lock', 'zk-lock-herd', 'gc-pause-fencing', 'gc-pause-fencing-safe', 'redis-failover-lock-loss', 'lock-showdown'];

describe('lock scenarios are in the library', () => {
  it.each(LOCKS)('%s: topic locks, notes filled in, monitors attached', (id) => {
    // The showdown puts two whole setups on one canvas, one above the other.
    const b = galleryEntry(id, 'locks', id === 'lock-showdown' ? { maxX: 900, maxY: 700 } : { maxX: 700, maxY: 400 });
    expect(b.scenario.monitors).toContain('mutual-exclusion');
  });
});

describe('lock scenarios replay exactly', () => {
  it.each(['gc-pause-fencing-safe', 'zk-lock', 'redis-lock-watchdog'])('%s: the same trace twice, and seeking back and forth lands on the same world', (id) => {
    const s = scenarioOf(id);
    const a = buildSimulation(s, { snapshotEvery: 50 });
    const b = buildSimulation(s, { snapshotEvery: 0 });
    a.runUntil(s.playback.untilMs);
    b.runUntil(s.playback.untilMs);
    expect(JSON.stringify(a.trace.slice())).toBe(JSON.stringify(b.trace.slice()));
    const end = a.capture();
    a.seekTime(s.playback.untilMs / 3);
    a.seekTime(s.playback.untilMs);
    expect(a.capture()).toEqual(end);
  });
});

describe('lock scenarios teach what they say', () => {
  it('redis-lock-polling: waiters poll; a crashed holder blocks the lock for most of its TTL', () => {
    const r = play('redis-lock-polling');
    expect(r.violations).toEqual([]);
    expect(r.metrics['redis-lock.acquisitions']).toBe(5);
    expect(r.metrics['redis-lock.wait.requests']).toBeGreaterThan(30);
    // c2 crashed at 1300 holding a 4 s lease taken at ~930: nobody has the lock until ~4930.
    expect(r.metrics['redis-lock.unusable.ms']).toBeGreaterThan(3400);
    expect(r.metrics['redis-lock.unusable.ms']).toBeLessThan(4000);
    expect(r.metrics['redis-lock.wakeups.per.handoff']).toBe(0);
  });

  it('redis-lock-watchdog: renewals keep a lease shorter than the work alive; waiters are woken by PUBLISH', () => {
    const r = play('redis-lock-watchdog');
    expect(r.violations).toEqual([]);
    expect(r.metrics['redisson-lock.acquisitions']).toBe(3);
    expect(r.metrics['redisson-lock.renewals']).toBeGreaterThanOrEqual(9);
    expect(r.events('lock.wake').filter((e) => e.how === 'push').length).toBeGreaterThanOrEqual(3);
    expect(r.metrics['redisson-lock.handoff.avg.ms']).toBeLessThan(100);
    expect(r.metrics['redisson-lock.wait.requests']).toBeLessThan(20);
    // c1 takes the lock twice (re-entry) and releases it with two runlock calls.
    // As Redisson does, the script goes with EVAL and its source (shown by name in the log).
    const runlocks = r.events('redis.exec').filter((e) => e.client === 'c1' && e.argv[0] === 'EVAL' && scriptBySource(e.argv[1]) === 'runlock');
    expect(narrateEn(r.sim, runlocks[0])).toMatch(/^redis runs EVAL <runlock\.lua> 2 lock:orders redisson_lock__channel:\{lock:orders\} 0 3000 c1:1 for c1 → /);
    expect(runlocks.map((e) => e.reply)).toEqual([0, 1]);
  });

  it('redis-lock-watchdog: a fixed lease (no watchdog) shorter than the work lets c2 in', () => {
    const r = play('redis-lock-watchdog', { program: { leaseMs: 2000 }, clients: ['c1'] });
    expect(r.violations.map((v) => v.monitor)).toEqual(['mutual-exclusion']);
    expect(r.violations[0].message).toMatch(/^c[23] entered .* c1's lock had expired on redis at \d+ ms \(its 2000 ms lease ran out\)/);
  });

  it('redis-lock-unsafe-del: the late plain DEL frees c2’s lock and c3 walks in', () => {
    const r = play('redis-lock-unsafe-del');
    expect(r.violations).toHaveLength(1);
    const v = r.violations[0];
    expect(v.monitor).toBe('mutual-exclusion');
    expect(v.t).toBeGreaterThan(1300);
    expect(v.t).toBeLessThan(1600);
    expect(v.nodes.slice(0, 2)).toEqual(['c3', 'c2']);
    expect(v.message).toContain("c1's plain DEL removed c2's lock on redis");
    const del = r.events('redis.exec').find((e) => e.client === 'c1' && e.argv[0] === 'DEL')!;
    expect(del.reply).toBe(1);
  });

  it('redis-lock-unsafe-del: compare-and-delete leaves c2’s lock alone', () => {
    const r = play('redis-lock-unsafe-del', { program: { unsafeDel: false } });
    expect(r.violations).toEqual([]);
    const unlock = r.events('redis.exec').find((e) => e.client === 'c1' && scriptBySource(e.argv[1]) === 'unlock')!;
    expect(unlock.reply).toBe(0);
  });

  it('redis-lock-expiry: the key expires mid-work and c2 enters c1’s section', () => {
    const r = play('redis-lock-expiry');
    expect(r.violations).toHaveLength(1);
    const v = r.violations[0];
    expect(v.t).toBeGreaterThan(1500);
    expect(v.t).toBeLessThan(1800);
    expect(v.message).toMatch(/^c2 entered its critical section on storage at \d+ ms while c1's section \(started \d+ ms\) was still open: c1's lock had expired on redis at \d+ ms \(its 1500 ms lease ran out\) while c1 was still working$/);
    const rel = r.events('lock.release').find((e) => e.node === 'c1')!;
    expect(rel.ok).toBe(false);
  });

  it('redis-lock-expiry: with the watchdog on, the key never expires while c1 works', () => {
    const r = play('redis-lock-expiry', { program: { watchdog: true } });
    expect(r.violations).toEqual([]);
    expect(r.metrics['redis-lock.renewals']).toBeGreaterThan(2);
  });

  it('zk-lock: the crashed holder’s znode goes with its session; one watcher is woken per release', () => {
    const r = play('zk-lock');
    expect(r.violations).toEqual([]);
    expect(r.metrics['zk-lock.acquisitions']).toBe(4);
    expect(r.metrics['zk-lock.wakeups.per.handoff']).toBe(1);
    // Crash at 700; the 4 s session expires in the 6000 ms tick bucket.
    expect(r.metrics['zk-lock.unusable.ms']).toBeGreaterThan(4000);
    expect(r.metrics['zk-lock.unusable.ms']).toBeLessThan(6000);
    const expired = r.events('zk.session.expired');
    expect(expired).toHaveLength(1);
    expect(expired[0].deleted[0]).toMatch(/^\/locks\/orders\/_c_c1-lock-\d{10}$/);
    // Each release (a delete) fires exactly one delivered watch.
    const fired = r.events('zk.watch.fired').filter((e) => e.delivered && e.event === 'NodeDeleted');
    expect(fired).toHaveLength(3);
    expect(r.metrics['zk-lock.wait.requests']).toBeLessThanOrEqual(6);
  });

  it('zk-lock-herd: every release wakes every waiter; without the herd, one', () => {
    const herd = play('zk-lock-herd');
    expect(herd.violations).toEqual([]);
    expect(herd.metrics['zk-lock.wakeups.per.handoff']).toBeGreaterThanOrEqual(4);
    const curator = play('zk-lock-herd', { program: { herd: false } });
    expect(curator.violations).toEqual([]);
    expect(curator.metrics['zk-lock.wakeups.per.handoff']).toBe(1);
    expect(herd.metrics['zk-lock.wait.requests']).toBeGreaterThan(2 * curator.metrics['zk-lock.wait.requests']);
  });

  it('gc-pause-fencing: two writers, then the stale token is accepted', () => {
    const r = play('gc-pause-fencing');
    expect(r.violations.map((v) => v.monitor)).toEqual(['mutual-exclusion', 'fencing-order']);
    const [me, fo] = r.violations;
    expect(me.t).toBeGreaterThan(2100);
    expect(me.t).toBeLessThan(2400);
    expect(me.message).toContain('while c1 was frozen (paused since 300 ms)');
    expect(fo.t).toBeGreaterThan(3300);
    expect(fo.t).toBeLessThan(3400);
    expect(fo.message).toContain("storage accepted c1's write \"c1#1 done\" with token 1");
  });

  it('gc-pause-fencing-safe: the storage fences c1 off and refuses its late write', () => {
    const r = play('gc-pause-fencing-safe');
    expect(r.violations).toEqual([]);
    expect(r.events('storage.fence')).toHaveLength(1);
    const rej = r.events('storage.reject');
    expect(rej.map((e) => [e.client, e.token, e.maxToken])).toEqual([['c1', 1, 2]]);
    expect(r.events('lock.lost').map((e) => e.node)).toEqual(['c1']);
  });
});

describe('failover and showdown', () => {
  it('redis-failover-lock-loss: the promoted replica grants c1’s lock to c2 again', () => {
    const r = play('redis-failover-lock-loss');
    expect(r.violations).toHaveLength(1);
    const v = r.violations[0];
    expect(v.t).toBeGreaterThan(1200);
    expect(v.t).toBeLessThan(1600);
    expect(v.message).toContain('replica was promoted to primary at');
    expect(r.events('lock.acquire').map((e) => [e.node, e.server])).toEqual([
      ['c1', 'primary'],
      ['c2', 'replica'],
    ]);
    expect(r.events('redis.promote')).toHaveLength(1);
  });

  it('redis-failover-lock-loss: without replication lag, or with a later crash, c2 waits', () => {
    expect(play('redis-failover-lock-loss', { params: { primary: { replicationLagMs: 0 } } }).violations).toEqual([]);
    expect(play('redis-failover-lock-loss', { interventions: [{ at: 1100, kind: 'crash', node: 'primary' }] }).violations).toEqual([]);
  });

  it('lock-showdown: Redis asks faster and keeps a higher pace; ZooKeeper pays a quorum round and waits quietly; both sit out the crash', () => {
    const r = play('lock-showdown');
    const m = r.metrics;
    expect(r.violations).toEqual([]);
    // Three clients × 4 rounds (one crashed in its first) + the bench client's 30.
    expect(m['redis-lock.acquisitions']).toBe(39);
    expect(m['zk-lock.acquisitions']).toBe(39);
    expect(m['redis-lock.acquire.p50.ms'] * 3).toBeLessThan(m['zk-lock.acquire.p50.ms']);
    expect(m['redis-lock.ops.per.s']).toBeGreaterThan(2 * m['zk-lock.ops.per.s']);
    expect(m['redis-lock.wait.requests']).toBeGreaterThan(4 * m['zk-lock.wait.requests']);
    expect(m['zk-lock.handoff.p50.ms']).toBeLessThanOrEqual(m['zk-lock.handoff.p99.ms']);
    expect(m['zk-lock.wakeups.per.handoff']).toBe(1);
    expect(m['redis-lock.wakeups.per.handoff']).toBe(0);
    expect(m['redis-lock.unusable.ms']).toBeGreaterThan(3500);
    expect(m['zk-lock.unusable.ms']).toBeGreaterThan(3500);
    // ZooKeeper's extra cost is in the trace: between a holder letting go and the next holder,
    // the delete is proposed, fsynced and committed by a quorum.
    const zkHandoff = r.events('lock.unlock').find((e) => e.via === 'zk-lock' && e.node !== 'zb')!;
    const next = r.events('lock.acquire').find((e) => e.via === 'zk-lock' && e.t > zkHandoff.t && e.node !== 'zb')!;
    const between = r.events().filter((e) => e.t >= zkHandoff.t && e.t <= next.t).map((e) => e.type);
    expect(between).toEqual(expect.arrayContaining(['zk.quorum.propose', 'zk.quorum.fsync', 'zk.quorum.commit']));
  });

  it('lock-showdown tryThis: a slow disk slows ZooKeeper only; the leader crashing grants nothing twice', () => {
    const base = play('lock-showdown').metrics;
    const slow = play('lock-showdown', { params: { zk1: { fsyncMs: 20 }, zk2: { fsyncMs: 20 }, zk3: { fsyncMs: 20 } } }).metrics;
    expect(slow['zk-lock.acquire.p50.ms']).toBeGreaterThan(base['zk-lock.acquire.p50.ms'] + 15);
    expect(slow['zk-lock.ops.per.s']).toBeLessThan(base['zk-lock.ops.per.s']);
    // Redis is untouched (it only moves with the shared random stream: a link's latency draw or two).
    expect(Math.abs(slow['redis-lock.acquire.p50.ms'] - base['redis-lock.acquire.p50.ms'])).toBeLessThan(5);
  });

  it('lock-showdown tryThis: the primary crashes on both sides; Sentinel hands the lock out twice, ZooKeeper does not', () => {
    const entry = galleryEntry('lock-showdown', 'locks', { maxX: 900, maxY: 700 });
    const item = entry.tryThis.find((t) => t.text.startsWith('Crash the primary on both sides'))!;
    const r = fromScenario(applyChange(scenarioOf('lock-showdown'), item.change!)).runToEnd();
    // Redis: one double grant, r2 from the promoted replica while r3 still works.
    expect(r.violations).toHaveLength(1);
    expect(r.violations[0].nodes.slice(0, 2)).toEqual(['r2', 'r3']);
    expect(r.violations[0].message).toContain('was promoted to primary');
    expect(r.events('redis.replicaof').some((e) => e.node === 'replica' && e.primary === null)).toBe(true);
    // ZooKeeper: a new leader in a later epoch, and every z-client's section alone.
    expect(r.events('zk.quorum.elected').filter((e) => e.t > 7200).length).toBeGreaterThan(0);
    expect(r.violations.filter((v) => v.nodes.some((n) => n.startsWith('z')))).toEqual([]);
    expect(r.events('lock.acquire').filter((e) => e.via === 'zk-lock' && e.t > 7200 && e.node !== 'zb').length).toBeGreaterThan(0);
  });

  it('lock-showdown: faster polls, a short TTL and a short session', () => {
    const fast = play('lock-showdown', { program: { retryMs: 20 }, clients: ['r1', 'r2', 'r3'] }).metrics;
    expect(fast['redis-lock.handoff.avg.ms']).toBeLessThan(fast['zk-lock.handoff.avg.ms']);
    expect(fast['redis-lock.wait.requests']).toBeGreaterThan(2 * play('lock-showdown').metrics['redis-lock.wait.requests']);
    const shortTtl = { program: { ttlMs: 1000 }, clients: ['r1', 'r2', 'r3'] };
    expect(play('lock-showdown', shortTtl).metrics['redis-lock.unusable.ms']).toBeLessThan(1000);
    const crashes = [{ at: 200, kind: 'crash' as const, node: 'r1' }, { at: 200, kind: 'crash' as const, node: 'z1' }];
    // Pause r2 just after it takes the lock (found from the same run without the pause).
    const grabbed = play('lock-showdown', { ...shortTtl, interventions: crashes }).events('lock.acquire').find((e) => e.node === 'r2')!.t;
    const paused = play('lock-showdown', { ...shortTtl, interventions: [...crashes, { at: Math.ceil(grabbed), kind: 'pause', node: 'r2', durationMs: 1500 }] });
    expect(new Set(paused.violations.map((v) => v.nodes[1]))).toEqual(new Set(['r2']));
    const session = play('lock-showdown', { program: { sessionTimeoutMs: 2000 }, clients: ['z1', 'z2', 'z3'] });
    expect(session.violations).toEqual([]);
    expect(session.metrics['zk-lock.unusable.ms']).toBeLessThan(3000);
  });
});

describe('the tryThis experiments do what the notes promise', () => {
  const monitors = (r: ReturnType<typeof play>) => r.violations.map((v) => v.monitor);
  it('redis-lock-polling: a shorter TTL frees a crashed holder sooner; faster polling costs requests', () => {
    const base = play('redis-lock-polling').metrics;
    const short = play('redis-lock-polling', { program: { ttlMs: 1500 } }).metrics;
    const fast = play('redis-lock-polling', { program: { retryMs: 50 } }).metrics;
    expect(short['redis-lock.unusable.ms']).toBeLessThan(base['redis-lock.unusable.ms'] / 2);
    expect(fast['redis-lock.wait.requests']).toBeGreaterThan(3 * base['redis-lock.wait.requests']);
  });
  it('redis-lock-watchdog: a pause freezes the watchdog; a crash frees the lock within one lease', () => {
    const paused = play('redis-lock-watchdog', { interventions: [{ at: 1000, kind: 'pause', node: 'c1', durationMs: 4000 }] });
    expect(paused.violations[0].message).toContain('while c1 was frozen (paused since 1000 ms)');
    const crashed = play('redis-lock-watchdog', { interventions: [{ at: 1000, kind: 'crash', node: 'c1' }] });
    expect(crashed.violations).toEqual([]);
    expect(crashed.metrics['redisson-lock.unusable.ms']).toBeLessThanOrEqual(3100);
  });
  it('redis-lock-watchdog: a renewal that finds the lock gone tells the application nothing, as in Redisson', () => {
    // c1 works 8 s and is paused 4 s: on resume its overdue renewal answers 0.
    const v = { interventions: [{ at: 1000, kind: 'pause' as const, node: 'c1', durationMs: 4000 }], clients: ['c1'] };
    const faithful = play('redis-lock-watchdog', { ...v, program: { holdMs: 8000 } });
    const failed = faithful.events('lock.renew').filter((e) => e.node === 'c1' && !e.ok);
    expect(failed.map((e) => inEnglish(e.detail))).toContain('our hash field is gone: the watchdog cancels itself; Redisson tells the application nothing');
    faithful.expectNoEvent('lock.lost', { node: 'c1' });
    // So c1 goes on and writes at the end of its work, long after c3 took the lock.
    const late = faithful.expectEvent('storage.write', { client: 'c1' });
    expect(late.t).toBeGreaterThan(faithful.expectEvent('storage.enter', { client: 'c3' }).t);
    expect(faithful.violations.map((x) => x.monitor)).toContain('mutual-exclusion');
    // The check the application would have to write itself stops c1 before that write.
    const checked = play('redis-lock-watchdog', { ...v, program: { holdMs: 8000, abortOnLost: true } });
    expect(checked.events('lock.lost').filter((e) => e.node === 'c1').map((e) => inEnglish(e.reason))).toContain("the application's own isHeldByCurrentThread() check found the lock gone (it had expired)");
    checked.expectNoEvent('storage.write', { client: 'c1' });
  });
  it('the violation names the real cause: a clock jump on the server, renewals cut off by a partition', () => {
    const jumped = play('redis-lock-polling', { interventions: [{ at: 1100, kind: 'skew', node: 'redis', deltaMs: 3000 }], program: { holdMs: 3000 }, clients: ['c1'] });
    expect(jumped.expectViolation('mutual-exclusion').message).toMatch(/its 4000 ms lease ran out after only 1\d{3} ms of real time, because redis's clock jumped \+3000 ms at 1100 ms\)/);
    const cut = play('redis-lock-watchdog', { interventions: [{ at: 1000, kind: 'partition', edge: 'c1-redis' }], program: { holdMs: 8000 }, clients: ['c1'] });
    expect(cut.expectViolation('mutual-exclusion').message).toMatch(/while c1 was still working; its renewals could not reach redis: a partition cut them off \(the first at 10\d\d ms\)$/);
  });
  it('zk-lock: c2 cut off from zk for 300 ms as NodeDeleted is sent still gets the lock, and so does everyone after it (TCP delays the event)', () => {
    const plain = play('zk-lock').expectNoViolation();
    const expiry = plain.expectEvent('zk.session.expired').t;
    const cut = [{ at: expiry - 100, kind: 'partition' as const, edge: 'c2-zk' }, { at: expiry + 200, kind: 'heal' as const, edge: 'c2-zk' }];
    for (const seed of [1, 7, 42, 1234]) {
      const r = play('zk-lock', { seed, interventions: [...scenarioOf('zk-lock').interventions, ...cut], untilMs: 20000 }).expectNoViolation();
      expect(r.events('net.retransmit').some((e) => e.ok && e.from === 'zk' && e.to === 'c2')).toBe(true);
      expect(new Set(r.events('lock.acquire').map((e) => e.node))).toEqual(new Set(['c1', 'c2', 'c3', 'c4']));
    }
  });
  it("zk-lock: a create whose reply is lost with the connection is found again by Curator's protection prefix, not created twice", () => {
    for (const seed of [1, 7, 42]) {
      const plain = play('zk-lock', { seed });
      const c2 = plain.events('zk.session.open').find((e) => e.client === 'c2')!.session;
      const created = plain.events('zk.create').find((e) => e.session === c2)!;
      // Cut as the server executes the create: the reply waits in its send buffer until c2's read
      // timeout (2/3 of 4 s) gives up the connection; the heal comes before the session expires.
      const cut = [{ at: created.t, kind: 'partition' as const, edge: 'c2-zk' }, { at: created.t + 3000, kind: 'heal' as const, edge: 'c2-zk' }];
      const r = play('zk-lock', { seed, interventions: [...scenarioOf('zk-lock').interventions, ...cut], untilMs: 20000 }).expectNoViolation();
      expect(r.events('zk.create').filter((e) => e.session === c2).map((e) => e.path)).toEqual([created.path]);
      const back = r.expectEvent('zk.client.state', { node: 'c2', curator: 'RECONNECTED' }).t;
      expect(back).toBeGreaterThan(created.t + 3000);
      // The first thing c2 asks after the reconnect is the listing that finds its own node.
      const next = r.events('net.deliver').find((e) => e.t > back && e.node === 'zk' && e.from === 'c2')!;
      expect(next.msg.type).toBe('zk.request');
      expect(JSON.stringify(next.msg)).toContain('getChildren');
      expect(new Set(r.events('lock.acquire').map((e) => e.node))).toEqual(new Set(['c1', 'c2', 'c3', 'c4']));
    }
  });
  it('lock-progress notices a queue stuck on a lost watch event: the same cut on a datagram link loses NodeDeleted, and c2, c3, c4 wait forever', () => {
    const plain = play('zk-lock').expectNoViolation();
    const expiry = plain.expectEvent('zk.session.expired').t;
    const cut = [{ at: expiry - 100, kind: 'partition' as const, edge: 'c2-zk' }, { at: expiry + 200, kind: 'heal' as const, edge: 'c2-zk' }];
    const r = play('zk-lock', { interventions: [...scenarioOf('zk-lock').interventions, ...cut], links: { 'c2-zk': { transport: 'datagram' } }, untilMs: 20000 });
    const v = r.expectViolation('lock-progress');
    expect(v.message).toMatch(new RegExp(`^/locks/orders on zookeeper has been free since ${Math.round(expiry)} ms \\(c1's session expired\\) and nobody took it: c2 \\(watch`));
    expect(r.events('lock.acquire').map((e) => e.node)).toEqual(['c1']);
  });
  it('zk-lock: a naive recipe that reads getChildren’s (hash) order as the queue lets a second client in', () => {
    for (const id of ['zk-lock', 'zk-lock-herd']) {
      play(id).expectNoViolation();
      const naive = play(id, { program: { sortChildren: false } });
      expect(naive.expectViolation('mutual-exclusion').t).toBeLessThan(1000);
    }
  });
  it('redis-lock-unsafe-del: no harm from the plain DEL when it arrives in time', () => {
    expect(play('redis-lock-unsafe-del', { interventions: [] }).violations).toEqual([]);
    expect(play('redis-lock-unsafe-del', { program: { unsafeDel: false }, clients: ['c1'] }).violations).toEqual([]);
  });
  it('redis-lock-expiry: a TTL longer than the work is safe; a crashed holder blocks c2 until the TTL', () => {
    expect(play('redis-lock-expiry', { program: { ttlMs: 4000 } }).violations).toEqual([]);
    const crashed = play('redis-lock-expiry', { interventions: [{ at: 500, kind: 'crash', node: 'c1' }] });
    expect(crashed.violations).toEqual([]);
    expect(crashed.metrics['redis-lock.unusable.ms']).toBeGreaterThan(900);
  });
  it('zk-lock: a partitioned holder still works while its session expires (two holders)', () => {
    const r = play('zk-lock', { interventions: [{ at: 700, kind: 'partition', edge: 'c1-zk' }], program: { holdMs: 8000 }, clients: ['c1'], untilMs: 20000 });
    expect(monitors(r)).toEqual(['mutual-exclusion']);
    expect(r.violations[0].message).toContain("c1's ZooKeeper session expired on zookeeper");
    expect(r.events('lock.lost').map((e) => e.node)).toEqual(['c1']);
    const quick = play('zk-lock', { program: { sessionTimeoutMs: 2000 }, params: { zk: { tickTime: 1000 } } });
    expect(quick.metrics['zk-lock.unusable.ms']).toBeLessThan(play('zk-lock').metrics['zk-lock.unusable.ms'] / 2);
  });
  it('gc-pause-fencing: the watchdog does not help; a short pause does no harm; fencing refuses any stale write', () => {
    expect(monitors(play('gc-pause-fencing', { program: { watchdog: true }, clients: ['c1'] }))).toEqual(['mutual-exclusion', 'fencing-order']);
    expect(play('gc-pause-fencing', { interventions: [{ at: 300, kind: 'pause', node: 'c1', durationMs: 1500 }] }).violations).toEqual([]);
    const long = play('gc-pause-fencing-safe', { interventions: [{ at: 300, kind: 'pause', node: 'c1', durationMs: 8000 }], untilMs: 12000 });
    expect(long.violations).toEqual([]);
    expect(long.metrics['storage.rejects']).toBe(1);
  });
});

describe('lock scenarios, on random seeds and fault times', () => {
  const seed = fc.integer({ min: 0, max: 2 ** 32 - 1 });
  const params = { numRuns: 60 };

  it('the broken variants break on every seed', () => {
    fc.assert(
      fc.property(seed, (s) => {
        expect(play('redis-lock-expiry', { seed: s }).violations.length).toBeGreaterThan(0);
        const gc = play('gc-pause-fencing', { seed: s }).violations.map((v) => v.monitor);
        expect(gc).toContain('mutual-exclusion');
        expect(gc).toContain('fencing-order');
      }),
      params,
    );
  });

  it('gc-pause-fencing-safe: no pause of either client, however long, breaks the resource', () => {
    const pause = fc.record({ at: fc.integer({ min: 0, max: 4000 }), node: fc.constantFrom('c1', 'c2'), durationMs: fc.integer({ min: 1, max: 6000 }) });
    fc.assert(
      fc.property(seed, fc.array(pause, { maxLength: 3 }), (s, pauses) => {
        const interventions: Intervention[] = pauses.map((p) => ({ kind: 'pause', ...p }));
        const r = play('gc-pause-fencing-safe', { seed: s, interventions, untilMs: 15000 });
        expect(r.violations).toEqual([]);
      }),
      params,
    );
  });

  it('redis-lock-polling, redis-lock-watchdog and zk-lock: crashing and restarting clients never breaks mutual exclusion', () => {
    const crash = fc.record({ at: fc.integer({ min: 0, max: 6000 }), node: fc.constantFrom('c1', 'c2', 'c3'), downMs: fc.integer({ min: 1, max: 4000 }) });
    fc.assert(
      fc.property(fc.constantFrom('redis-lock-polling', 'redis-lock-watchdog', 'zk-lock'), seed, fc.array(crash, { maxLength: 3 }), (id, s, crashes) => {
        const interventions: Intervention[] = crashes.flatMap((c) => [
          { at: c.at, kind: 'crash', node: c.node } as Intervention,
          { at: c.at + c.downMs, kind: 'restart', node: c.node } as Intervention,
        ]);
        const r = play(id, { seed: s, interventions, untilMs: 20000 });
        expect(r.violations).toEqual([]);
      }),
      params,
    );
  });

  it('crashing a client within moments of its acquiring (messages still in flight) never breaks mutual exclusion', () => {
    fc.assert(
      fc.property(fc.constantFrom('redis-lock-polling', 'redis-lock-watchdog', 'zk-lock', 'lock-showdown'), seed, fc.nat(), fc.integer({ min: 0, max: 40 }), (id, s, pick, offset) => {
        const acq = play(id, { seed: s, interventions: [] }).events('lock.acquire');
        const a = acq[pick % acq.length];
        const r = play(id, { seed: s, interventions: [{ at: a.t + offset, kind: 'crash', node: a.node }], untilMs: 20000 });
        expect(r.violations).toEqual([]);
      }),
      params,
    );
  });

  it('zk-lock with or without the herd: slow links never break mutual exclusion', () => {
    const spike = fc.record({ at: fc.integer({ min: 0, max: 5000 }), client: fc.constantFrom('c1', 'c2', 'c3', 'c4'), extraLatencyMs: fc.integer({ min: 0, max: 800 }) });
    fc.assert(
      fc.property(fc.boolean(), seed, fc.array(spike, { maxLength: 4 }), (herd, s, spikes) => {
        const interventions: Intervention[] = spikes.map((x) => ({ at: x.at, kind: 'link', edge: `${x.client}-zk`, extraLatencyMs: x.extraLatencyMs }));
        const r = play('zk-lock', { seed: s, interventions, program: { herd }, untilMs: 20000 });
        expect(r.violations).toEqual([]);
        expect(r.metrics['zk-lock.acquisitions']).toBeGreaterThanOrEqual(3);
      }),
      params,
    );
  });
});
