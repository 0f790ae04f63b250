import { describe, expect, it } from 'vitest';
import type { RedisReply } from '../../clients/redis/protocol';
import type { ModelDef } from '../../core/types';
import { inEnglish } from '../../i18n/english';
import { run } from '../../testing/harness';
import { linked } from '../../testing/peer';
import { redisClient, redisPeer, repliesOf } from '../../testing/redis';
import { fromScenario } from '../../testing/scenario';
import { redisModel } from '../redis/model';
import type { RedisState } from '../redis/state';
import { sentinelModel } from './model';
import { sentinelParams } from './params';
import type { SentinelState } from './state';
import { sentinelView } from './view';

const ID = 'redis-sentinel-failover-lock-loss';
const SENTINELS = ['s1', 's2', 's3'];
/** The scenario's crash of the primary. */
const CRASH = 1400;
const MODELS = { redis: redisModel, sentinel: sentinelModel, tclient: redisPeer } as unknown as Readonly<Record<string, ModelDef<never, unknown>>>;

const sentinelOf = (h: { sim: { node(id: string): { state: unknown } } }, id: string) => h.sim.node(id).state as SentinelState;
const redisOf = (h: { sim: { node(id: string): { state: unknown } } }, id: string) => h.sim.node(id).state as RedisState;
/** Cuts (or heals) every link of the primary but its clients': to the sentinels and to the replicas. */
const isolate = (kind: 'partition' | 'heal', at: number) => [...SENTINELS.map((s) => `${s}-primary`), 'primary-replica1', 'primary-replica2'].map((edge) => ({ at, kind, edge }) as const);

describe('sentinel: SDOWN and ODOWN', () => {
  it('marks the crashed primary SDOWN after down-after-milliseconds without a valid reply, then ODOWN once the quorum agrees', () => {
    const h = fromScenario(ID).runUntil(6000);
    const sdown = h.events('sentinel.sdown').filter((e) => e.instance === 'primary' && e.down && e.kind === 'master');
    expect(sdown.map((e) => e.node).sort()).toEqual(SENTINELS);
    for (const e of sdown) {
      // Not before down-after (1000 ms) of silence, and the silence began at most one ping period before the crash.
      expect(e.silentMs).toBeGreaterThan(1000);
      expect(e.t).toBeGreaterThan(CRASH);
      expect(e.t - CRASH).toBeLessThan(1000 + 1000 + 100);
    }
    const odown = h.events('sentinel.odown').filter((e) => e.down);
    expect(odown.length).toBeGreaterThan(0);
    for (const e of odown) {
      expect(e.votes).toBeGreaterThanOrEqual(2);
      // ODOWN follows this sentinel's own SDOWN.
      expect(e.t).toBeGreaterThanOrEqual(sdown.find((x) => x.node === e.node)!.t);
    }
  });

  it('never goes SDOWN while the primary answers', () => {
    const h = fromScenario(ID, { interventions: [] }).runUntil(8000);
    expect(h.events('sentinel.sdown').filter((e) => e.down)).toEqual([]);
    expect(h.events('sentinel.try-failover')).toEqual([]);
    expect(SENTINELS.map((s) => sentinelView(sentinelOf(h, s)).masterState)).toEqual(['ok', 'ok', 'ok']);
  });

  it('does not fail over without the quorum: with s2 and s3 down, s1 sees SDOWN but never ODOWN', () => {
    const h = fromScenario(ID, { interventions: [{ at: 200, kind: 'crash', node: 's2' }, { at: 200, kind: 'crash', node: 's3' }, { at: CRASH, kind: 'crash', node: 'primary' }] }).runUntil(10_000);
    expect(h.events('sentinel.sdown').some((e) => e.node === 's1' && e.instance === 'primary' && e.down)).toBe(true);
    expect(h.events('sentinel.odown')).toEqual([]);
    expect(h.events('sentinel.try-failover')).toEqual([]);
    expect(redisOf(h, 'replica1').role).toBe('replica');
    expect(redisOf(h, 'replica2').role).toBe('replica');
    expect(sentinelView(sentinelOf(h, 's1'))).toMatchObject({ masterState: 'sdown', primary: 'primary', failover: 'none' });
  });
});

describe('sentinel: leader election', () => {
  /** A sentinel monitoring r, asked by two clients for their vote. */
  function voting(steps: { who: string; at: number; epoch: number; runid: string }[]) {
    const s = { id: 's', type: 'sentinel', params: sentinelParams.parse({ monitor: 'r', downAfterMs: 1000 }) };
    const clients = ['a', 'b'].map((who) =>
      redisClient(
        who,
        's',
        steps.filter((x) => x.who === who).map((x) => ({ at: x.at, argv: ['SENTINEL', 'is-master-down-by-addr', 'r', '6379', String(x.epoch), x.runid] })),
      ),
    );
    return run(
      linked([s, { id: 'r', type: 'redis', params: {} }, ...clients], [
        ['s', 'r'],
        ['a', 's'],
        ['b', 's'],
      ], 5),
      MODELS,
    );
  }

  it('votes once per epoch: a second candidate in the same epoch gets the first one’s name back', () => {
    const h = voting([
      { who: 'a', at: 100, epoch: 1, runid: 'a' },
      { who: 'b', at: 200, epoch: 1, runid: 'b' },
      { who: 'b', at: 300, epoch: 2, runid: 'b' },
      { who: 'a', at: 400, epoch: 2, runid: 'a' },
      { who: 'a', at: 500, epoch: 2, runid: '*' },
    ]);
    h.runUntil(1000);
    const a = repliesOf(h, 'a');
    const b = repliesOf(h, 'b');
    // The primary answers, so "down" is 0; the vote is [down, leader, leader epoch].
    expect(a[0].reply).toEqual([0, 'a', 1]);
    expect(b[0].reply).toEqual([0, 'a', 1]);
    expect(b[1].reply).toEqual([0, 'b', 2]);
    expect(a[1].reply).toEqual([0, 'b', 2]);
    // "*" asks only whether it is down, without seeking a vote.
    expect(a[2].reply).toEqual([0, '*', 0]);
    expect(h.events('sentinel.vote').map((e) => [e.leader, e.epoch])).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect(sentinelOf(h, 's')).toMatchObject({ currentEpoch: 2, leader: 'b', leaderEpoch: 2 });
  });

  it('a request for an older epoch gets no new vote', () => {
    const h = voting([
      { who: 'a', at: 100, epoch: 3, runid: 'a' },
      { who: 'b', at: 200, epoch: 2, runid: 'b' },
    ]);
    h.runUntil(1000);
    expect(repliesOf(h, 'b')[0].reply).toEqual([0, 'a', 3]);
  });

  it('a minority cannot fail over: a sentinel cut off from the others sees ODOWN alone (quorum 1) but is never elected', () => {
    const cut = ['s1-primary', 's1-s2', 's1-s3'].map((edge) => ({ at: 1200, kind: 'partition' as const, edge }));
    const h = fromScenario(ID, { interventions: cut, params: Object.fromEntries(SENTINELS.map((s) => [s, { quorum: 1 }])) }).runUntil(16_000);
    expect(h.events('sentinel.odown').filter((e) => e.down).map((e) => e.node)).toEqual(['s1']);
    expect(h.events('sentinel.try-failover').map((e) => e.node)).toEqual(['s1']);
    expect(h.events('sentinel.elected')).toEqual([]);
    // It gives up after min(10 s election timeout, failover-timeout) and promotes nobody.
    expect(h.events('sentinel.abort').map((e) => [e.node, e.reason])).toEqual([['s1', 'not-elected']]);
    expect(h.events('sentinel.slaveof')).toEqual([]);
    expect(redisOf(h, 'primary').role).toBe('primary');
  });

  it('the elected leader had a majority of all sentinels and at least the quorum', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const h = fromScenario(ID, { seed }).runUntil(8000);
      const el = h.events('sentinel.elected');
      expect(el).toHaveLength(1);
      expect(el[0].votes).toBeGreaterThanOrEqual(2);
      const votes = h.events('sentinel.vote').filter((v) => v.epoch === el[0].epoch && v.leader === el[0].node);
      expect(new Set(votes.map((v) => v.node)).size).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('sentinel: failover', () => {
  it('promotes the best replica, repoints the other, and every sentinel then names it', () => {
    const h = fromScenario(ID).runUntil(8000);
    const selected = h.events('sentinel.selected');
    expect(selected).toHaveLength(1);
    const winner = selected[0].replica;
    const other = winner === 'replica1' ? 'replica2' : 'replica1';
    // Equal priority and offset: the smaller run id (here the node id) wins.
    expect(winner).toBe('replica1');
    expect(redisOf(h, winner).role).toBe('primary');
    expect(redisOf(h, other)).toMatchObject({ role: 'replica', primary: winner });
    expect(h.events('sentinel.slaveof').map((e) => [e.instance, e.primary, e.why])).toEqual([
      [winner, null, 'promote'],
      [other, winner, 'reconf'],
    ]);
    for (const s of SENTINELS) expect(sentinelView(sentinelOf(h, s))).toMatchObject({ primary: winner, failover: 'none', configEpoch: 1 });
    const how = h.events('sentinel.switch-master').map((e) => e.how);
    expect(how.filter((x) => x === 'failover')).toHaveLength(1);
    expect(how.filter((x) => x === 'hello')).toHaveLength(2);
  });

  it('prefers the replica with the lower replica-priority, and never one with priority 0', () => {
    const h = fromScenario(ID, { params: { replica1: { replicaPriority: 0 }, replica2: { replicaPriority: 50 } } }).runUntil(8000);
    expect(h.events('sentinel.selected').map((e) => [e.replica, e.priority, e.candidates])).toEqual([['replica2', 50, 1]]);
    expect(redisOf(h, 'replica2').role).toBe('primary');
  });

  it('turns the returning old primary into a replica of the new one, which wipes the lock it never replicated', () => {
    // The primary is cut off from the sentinels and the replicas before c1 locks: it keeps serving
    // c1 (split brain) until the links heal and a sentinel reaches it. c2 starts after the
    // failover, so it is told the new primary while c1 holds the lock on the old one.
    const h = fromScenario(ID, { interventions: [...isolate('partition', 900), ...isolate('heal', 6000)], program: { startDelayMs: 5000 }, clients: ['c2'], untilMs: 30_000 }).runUntil(30_000);
    expect(h.violations.map((v) => v.monitor)).toContain('mutual-exclusion');
    expect(h.events('lock.acquire').map((e) => [e.node, e.server])).toEqual([
      ['c1', 'primary'],
      ['c2', 'replica1'],
    ]);
    const convert = h.events('sentinel.slaveof').filter((e) => e.why === 'convert');
    expect(convert.length).toBeGreaterThan(0);
    expect(convert[0]).toMatchObject({ instance: 'primary', primary: 'replica1' });
    // sentinel.c waits 4 hello periods (8 s) of it claiming to be a primary before converting it.
    expect(convert[0].t).toBeGreaterThan(6000 + 8000);
    const demoted = h.events('redis.replicaof').find((e) => e.node === 'primary');
    expect(demoted).toMatchObject({ primary: 'replica1', was: null });
    expect(redisOf(h, 'primary')).toMatchObject({ role: 'replica', primary: 'replica1' });
    // Before the demotion the old primary still held c1's token; after the full sync it holds the new primary's keys.
    expect(redisOf(h, 'primary').data.keys['lock:orders']?.value).not.toBe('c1#1');
    expect(h.events('redis.sync').some((e) => e.node === 'primary' && e.primary === 'replica1')).toBe(true);
  });

  it('a crashed old primary that restarts (empty, no persistence) is turned into a replica of the promoted one', () => {
    const h = fromScenario(ID, { interventions: [{ at: CRASH, kind: 'crash', node: 'primary' }, { at: 6000, kind: 'restart', node: 'primary' }], untilMs: 25_000 }).runUntil(25_000);
    const convert = h.events('sentinel.slaveof').filter((e) => e.why === 'convert');
    expect(convert.map((e) => [e.instance, e.primary])).toEqual([['primary', 'replica1']]);
    // It answers again at once but must claim to be a primary for 8 s, and the replica INFO period is 10 s.
    expect(convert[0].t - 6000).toBeGreaterThan(8000);
    expect(convert[0].t - 6000).toBeLessThan(12_000);
    expect(redisOf(h, 'primary')).toMatchObject({ role: 'replica', primary: 'replica1' });
    for (const s of SENTINELS) expect(sentinelView(sentinelOf(h, s)).replicas.map((r) => [r.id, r.down])).toEqual([
      ['replica2', false],
      ['primary', false],
    ]);
  });

  it('keeps its epochs and vote across a restart (sentinel.conf), but not a failover in progress', () => {
    const h = fromScenario(ID).runUntil(8000);
    const before = sentinelOf(h, 's1');
    h.at(8000).crash('s1').at(8100).restart('s1').runUntil(9000);
    const after = sentinelOf(h, 's1');
    expect(after).toMatchObject({ currentEpoch: before.currentEpoch, configEpoch: before.configEpoch, leader: before.leader, leaderEpoch: before.leaderEpoch, failover: 'none' });
    expect(after.master.id).toBe(before.master.id);
  });
});

describe('sentinel: what clients ask', () => {
  it('answers get-master-addr-by-name with the primary before the failover and the promoted replica after it; nil for an unknown name', () => {
    const q = redisClient('q', 's1', [
      { at: 1000, argv: ['SENTINEL', 'get-master-addr-by-name', 'mymaster'] },
      { at: 9000, argv: ['SENTINEL', 'get-master-addr-by-name', 'mymaster'] },
      { at: 9000, argv: ['SENTINEL', 'get-master-addr-by-name', 'other'] },
      { at: 9000, argv: ['SENTINEL', 'get-master-addr-by-name'] },
    ]);
    const s1 = { id: 's1', type: 'sentinel', params: sentinelParams.parse({ monitor: 'p', quorum: 1, downAfterMs: 1000, sentinels: [] }) };
    const h = run(
      linked([s1, { id: 'p', type: 'redis', params: {} }, { id: 'r', type: 'redis', params: { replicaOf: 'p' } }, q], [
        ['s1', 'p'],
        ['s1', 'r'],
        ['p', 'r'],
        ['q', 's1'],
      ], 5),
      MODELS,
    );
    h.at(2000).crash('p').runUntil(10_000);
    const got = repliesOf(h, 'q');
    const replies: RedisReply[] = [0, 1, 2, 3].map((i) => got[i].reply);
    expect(replies).toEqual([['p', '6379'], ['r', '6379'], null, { error: "ERR wrong number of arguments for 'sentinel|get-master-addr-by-name' command" }]);
    expect(h.events('sentinel.lookup').map((e) => e.primary)).toEqual(['p', 'r', null]);
  });

  it('the lock client asks again after the primary fails it, and its second answer names the new primary', () => {
    const h = fromScenario(ID).runToEnd();
    const asked = h.events('lock.discover').filter((e) => e.node === 'c2');
    expect(asked[0]).toMatchObject({ primary: 'primary' });
    expect(inEnglish(asked[0].why)).toBe('first command');
    expect(asked.at(-1)).toMatchObject({ primary: 'replica1' });
    expect(asked.slice(1).map((e) => inEnglish(e.why)).every((why) => why.startsWith('connection to primary lost') || why.startsWith('no reply'))).toBe(true);
    const got = h.events('lock.acquire').filter((e) => e.node === 'c2');
    expect(got.map((e) => e.server)).toEqual(['replica1']);
  });
});
