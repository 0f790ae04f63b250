import { inEnglish } from '../i18n/english';
import { scriptBySource } from '../clients/redis/scripts';
import { describe, expect, it } from 'vitest';
import type { SimSpec } from '../core/simulation';
import { jsonInEnglish } from '../i18n/english';
import { mutualExclusion } from '../invariants/mutual-exclusion/monitor';
import type { ClientState } from '../models/client/model';
import { clientView } from '../models/client/view';
import { clientParams } from '../models/client/params';
import { NODE_PARAMS } from '../models/params-catalog';
import { ALL_MODELS as MODELS } from '../registry/register-all';
import { run } from '../testing/harness';
import { redisLockParams } from './redis-lock/params';
import { redissonLockParams } from './redisson-lock/params';
import { zkLockParams } from './zk-lock/params';

const LAN = { latency: { kind: 'uniform' as const, minMs: 10, maxMs: 20 } };

/** Clients running `program` against one server and one storage node. */
function spec(server: { id: string; type: string; params?: unknown }, programs: Record<string, Record<string, unknown>>, seed = 1): SimSpec {
  const ids = Object.keys(programs);
  return {
    seed,
    nodes: [
      ...ids.map((id) => ({ id, type: 'client', params: clientParams.parse({ program: programs[id] }) })),
      { id: server.id, type: server.type, params: NODE_PARAMS[server.type].parse(server.params ?? {}) },
      { id: 'storage', type: 'storage', params: { fencing: false } },
    ],
    links: ids.flatMap((id) => [
      { id: `${id}-${server.id}`, source: id, target: server.id, params: LAN },
      { id: `${id}-storage`, source: id, target: 'storage', params: LAN },
    ]),
    monitors: [mutualExclusion],
  };
}

/** A view, or any trace data, with its phrases read in English. */
const en = <T>(x: T): T => JSON.parse(jsonInEnglish(x)) as T;
const view = (h: ReturnType<typeof run>, id: string) => en(clientView(h.sim.node(id).state as ClientState));

describe('lock program params', () => {
  it('fill in defaults and refuse unknown fields', () => {
    const p = redisLockParams.parse({ kind: 'redis-lock', target: 'redis' });
    expect(p).toMatchObject({ lockKey: 'lock', ttlMs: 3000, retryMs: 200, watchdog: false, fencing: false, unsafeDel: false, holdMs: 1000, rounds: 1 });
    expect(redissonLockParams.parse({ kind: 'redisson-lock', target: 'r' }).watchdogTimeoutMs).toBe(30_000);
    expect(zkLockParams.parse({ kind: 'zk-lock', target: 'zk' })).toMatchObject({ lockPath: '/locks/lock', herd: false });
    expect(redisLockParams.safeParse({ kind: 'redis-lock', target: 'r', ttl: 5 }).success).toBe(false);
    expect(zkLockParams.safeParse({ kind: 'zk-lock', target: 'zk', lockPath: 'locks' }).success).toBe(false);
    expect(redisLockParams.safeParse({ kind: 'redis-lock', target: 'r', rounds: 0 }).success).toBe(false);
  });
});

describe('redis-lock', () => {
  it('takes turns over several rounds, with fencing tokens in lock order', () => {
    const prog = (d: number) => ({ kind: 'redis-lock', target: 'redis', storage: 'storage', ttlMs: 3000, retryMs: 100, holdMs: 200, rounds: 3, thinkMs: 100, fencing: true, startDelayMs: d });
    const h = run(spec({ id: 'redis', type: 'redis' }, { a: prog(0), b: prog(30) }), MODELS).runUntil(5000);
    const acq = h.events('lock.acquire');
    expect(acq).toHaveLength(6);
    expect(acq.map((e) => e.token)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(h.events('invariant.violation')).toEqual([]);
    expect(h.events('lock.release').every((e) => e.ok)).toBe(true);
    expect(view(h, 'a')).toEqual({ status: 'done', detail: '3 rounds done' });
    expect(h.sim.metrics['redis-lock.wait.requests']).toBeGreaterThan(0);
  });

  it('shows waiting and holding in its view', () => {
    const prog = (d: number) => ({ kind: 'redis-lock', target: 'redis', storage: 'storage', holdMs: 1000, startDelayMs: d });
    const h = run(spec({ id: 'redis', type: 'redis' }, { a: prog(0), b: prog(50) }), MODELS).runUntil(500);
    expect(view(h, 'a').status).toBe('holding');
    expect(view(h, 'b').status).toBe('waiting');
    expect(view(h, 'b').detail).toMatch(/polls again in 200 ms/);
  });

  it('follows a failover to the replica, where the unreplicated lock is granted again', () => {
    const prog = (d: number, hold: number) => ({ kind: 'redis-lock', target: 'primary', fallback: 'replica', storage: 'storage', ttlMs: 5000, retryMs: 200, holdMs: hold, timeoutMs: 300, startDelayMs: d });
    const s: SimSpec = {
      seed: 2,
      nodes: [
        { id: 'a', type: 'client', params: clientParams.parse({ program: prog(0, 3000) }) },
        { id: 'b', type: 'client', params: clientParams.parse({ program: prog(100, 500) }) },
        { id: 'primary', type: 'redis', params: { replicationLagMs: 1000, replPingMs: 200 } },
        { id: 'replica', type: 'redis', params: { replicaOf: 'primary', promoteOnPrimaryDownMs: 1000 } },
        { id: 'storage', type: 'storage', params: {} },
      ],
      links: [
        ...['a', 'b'].flatMap((c) => ['primary', 'replica', 'storage'].map((t) => ({ id: `${c}-${t}`, source: c, target: t, params: LAN }))),
        { id: 'primary-replica', source: 'primary', target: 'replica', params: { latency: { kind: 'fixed' as const, ms: 5 } } },
      ],
      monitors: [mutualExclusion],
    };
    const h = run(s, MODELS).at(400).crash('primary').runUntil(6000);
    const acq = h.events('lock.acquire');
    expect(acq.map((e) => [e.node, e.server])).toEqual([
      ['a', 'primary'],
      ['b', 'replica'],
    ]);
    const v = h.events('invariant.violation');
    expect(v).toHaveLength(1);
    expect(inEnglish(v[0].message)).toContain('replica was promoted to primary');
  });
});

describe('redisson-lock', () => {
  it('re-enters, renews while working past the lease, and wakes the waiter with PUBLISH', () => {
    const prog = (d: number, extra: Record<string, unknown> = {}) => ({ kind: 'redisson-lock', target: 'redis', storage: 'storage', watchdogTimeoutMs: 900, holdMs: 1500, startDelayMs: d, ...extra });
    const h = run(spec({ id: 'redis', type: 'redis' }, { a: prog(0, { reentry: 3 }), b: prog(50) }), MODELS).runUntil(5000);
    expect(h.events('invariant.violation')).toEqual([]);
    expect(h.events('lock.renew', 'a').filter((e) => e.ok).length).toBeGreaterThanOrEqual(4);
    const rlocks = h.events('redis.exec').filter((e) => e.client === 'a' && scriptBySource(e.argv[1]) === 'rlock');
    expect(rlocks.map((e) => e.reply)).toEqual([null, null, null]);
    const unlocks = h.events('redis.exec').filter((e) => e.client === 'a' && scriptBySource(e.argv[1]) === 'runlock');
    expect(unlocks.map((e) => e.reply)).toEqual([0, 0, 1]);
    const wake = h.events('lock.wake', 'b');
    expect(wake.map((e) => e.how)).toContain('push');
    expect(h.events('lock.acquire', 'b')).toHaveLength(1);
  });

  it('stops the watchdog for good when a renewal gets no reply', () => {
    const prog = { kind: 'redisson-lock', target: 'redis', storage: 'storage', watchdogTimeoutMs: 900, holdMs: 3000, timeoutMs: 200 };
    const h = run(spec({ id: 'redis', type: 'redis' }, { a: prog }), MODELS).at(250).partition('a-redis').at(900).heal('a-redis').runUntil(4000);
    const renew = h.events('lock.renew', 'a');
    expect(renew[0]).toMatchObject({ ok: false });
    expect(en(renew[0].detail)).toMatch(/stops for good/);
    expect(renew.filter((e) => e.ok)).toHaveLength(0);
    // The lease ran out with nobody renewing it.
    expect(h.events('redis.expire').length).toBeGreaterThan(0);
    expect(h.events('lock.release', 'a')[0].ok).toBe(false);
  });
});

describe('zk-lock', () => {
  it('queues contenders in sequence order, each watching its predecessor', () => {
    const prog = (d: number) => ({ kind: 'zk-lock', target: 'zk', storage: 'storage', lockPath: '/app/lock', holdMs: 200, startDelayMs: d, fencing: true });
    const h = run(spec({ id: 'zk', type: 'zookeeper' }, { a: prog(0), b: prog(300), c: prog(400) }), MODELS).runUntil(3000);
    expect(h.events('invariant.violation')).toEqual([]);
    expect(h.events('lock.acquire').map((e) => [e.node, e.token])).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
    ]);
    const watches = h.events('zk.watch.set').filter((e) => e.kind === 'data');
    expect(watches.map((e) => e.path)).toEqual(['/app/lock/_c_a-lock-0000000000', '/app/lock/_c_b-lock-0000000001']);
    expect(h.sim.metrics['zk-lock.wakeups.per.handoff']).toBe(1);
  });

  it('learns it lost the lock when its session is LOST, and stops writing', () => {
    const prog = (d: number, hold: number) => ({ kind: 'zk-lock', target: 'zk', storage: 'storage', sessionTimeoutMs: 4000, holdMs: hold, startDelayMs: d });
    const h = run(spec({ id: 'zk', type: 'zookeeper' }, { a: prog(0, 20000), b: prog(300, 200) }), MODELS).at(500).partition('a-zk').runUntil(12000);
    const lost = h.events('lock.lost', 'a');
    expect(lost).toHaveLength(1);
    expect(en(lost[0].reason)).toMatch(/LOST/);
    expect(h.events('storage.leave').map((e) => e.client)).toEqual(['a']);
    expect(h.events('storage.write').map((e) => e.client)).toEqual(['b']);
    // Between the server expiring a's session and a hearing of it, both were inside.
    expect(h.events('invariant.violation')).toHaveLength(1);
  });
});

describe('lock programs that cannot work say so', () => {
  it('a Redisson client on a key that is not a hash fails with the reason', () => {
    const h = run(
      spec({ id: 'redis', type: 'redis' }, {
        a: { kind: 'redis-lock', target: 'redis', lockKey: 'shared', holdMs: 2000 },
        b: { kind: 'redisson-lock', target: 'redis', lockKey: 'shared', startDelayMs: 200 },
      }),
      MODELS,
    ).runUntil(1000);
    expect(view(h, 'b')).toMatchObject({ status: 'failed' });
    expect(view(h, 'b').detail).toMatch(/WRONGTYPE/);
  });

  it('a ZooKeeper client whose lock path sits under an ephemeral node fails', () => {
    const sp = spec({ id: 'zk', type: 'zookeeper' }, {
      a: { kind: 'zk-lock', target: 'zk', lockPath: '/eph/lock', startDelayMs: 500 },
      w: { kind: 'zk-script', target: 'zk', ops: ['create -e /eph x', 'sleep 5000'] },
    });
    const h = run(sp, MODELS).runUntil(2000);
    expect(view(h, 'a').status).toBe('failed');
    expect(view(h, 'a').detail).toMatch(/NoChildrenForEphemerals/);
  });
});
