import { clientNode, link, mesh } from './lock-helpers';
import type { BuiltinScenario } from './types';

const SENTINELS = ['s1', 's2', 's3'];
const REDIS = ['primary', 'replica1', 'replica2'];
/** The primary's links to the sentinels and the replicas: cut, they leave it serving its clients alone. */
const ISOLATE = [...SENTINELS.map((x) => `${x}-primary`), 'primary-replica1', 'primary-replica2'];

const program = (startDelayMs: number, holdMs: number) => ({
  kind: 'redis-lock',
  sentinels: SENTINELS,
  masterName: 'mymaster',
  storage: 'storage',
  lockKey: 'lock:orders',
  ttlMs: 10_000,
  retryMs: 300,
  holdMs,
  timeoutMs: 300,
  rounds: 1,
  startDelayMs,
});

const sentinel = (id: string, y: number) => ({
  id,
  type: 'sentinel' as const,
  label: id,
  position: { x: 330, y },
  params: { masterName: 'mymaster', monitor: 'primary', quorum: 2, downAfterMs: 1000, failoverTimeoutMs: 10_000, parallelSyncs: 1 },
});


export const redisSentinelFailoverLockLoss: BuiltinScenario = {
  id: 'redis-sentinel-failover-lock-loss',
  topic: 'locks',
  title: 'Redis Sentinel failover: the new primary grants the lock again',
  description:
    'Three sentinels (quorum 2, down-after 1 s) watch a primary whose two replicas lag 1 s behind. c1 takes a lock; the primary dies before replicating it; the sentinels agree it is down, elect a leader and promote a replica; c2 asks them for the primary and takes the same lock while c1 still works.',
  watchFor:
    'The sentinel cards go sdown, then odown; one wins epoch 1 and promotes a replica ("mymaster → replica…"). c2’s polls to the dead primary fail, it asks s1 again and gets the new primary, where SET NX succeeds: the monitor flags two holders. Automatic failover makes asynchronous replication’s lost writes visible: a lock is a write.',
  tryThis: [
    { text: 'Set the primary’s replicationLagMs to 0: the lock reaches the replicas before the crash, the promoted one holds c1’s lock and c2 waits.', change: { params: { primary: { replicationLagMs: 0 } } } },
    {
      text: 'Do not crash the primary: from 0.9 s to 6 s cut it off from the sentinels and the replicas, but not from the clients, and start c2 at 5 s. The sentinels promote a replica while the old primary still serves c1: two primaries, and c2 gets the lock from the new one. After the links heal a sentinel turns the old primary into a replica (once it has claimed to be a primary for 8 s), wiping its keys.',
      change: { interventions: [...ISOLATE.map((edge) => ({ at: 900, kind: 'partition' as const, edge })), ...ISOLATE.map((edge) => ({ at: 6000, kind: 'heal' as const, edge }))], program: { c2: { startDelayMs: 5000 } }, untilMs: 25_000 },
    },
    {
      text: 'Crash s2 and s3 before the primary: s1 alone sees it down but reaches neither quorum nor a majority, so nobody fails over and c2 waits. Redlock (a majority of independent masters) or fencing tokens at the storage are the remedies for the lost lock itself.',
      change: { add: [{ at: 1000, kind: 'crash', node: 's2' }, { at: 1000, kind: 'crash', node: 's3' }] },
    },
  ],
  scenario: {
    version: 1,
    id: 'redis-sentinel-failover-lock-loss',
    title: 'Redis Sentinel failover: the new primary grants the lock again',
    seed: 1,
    nodes: [
      clientNode('c1', 0, 60, program(1000, 6000)),
      clientNode('c2', 0, 330, program(1100, 800)),
      sentinel('s1', 0),
      sentinel('s2', 200),
      sentinel('s3', 400),
      { id: 'primary', type: 'redis', label: 'primary', position: { x: 660, y: 0 }, params: { replicationLagMs: 1000, replPingMs: 200 } },
      { id: 'replica1', type: 'redis', label: 'replica1', position: { x: 660, y: 200 }, params: { replicaOf: 'primary' } },
      { id: 'replica2', type: 'redis', label: 'replica2', position: { x: 660, y: 400 }, params: { replicaOf: 'primary' } },
      { id: 'storage', type: 'storage', label: 'storage', position: { x: 660, y: 600 }, params: {} },
    ],
    edges: [
      ...['c1', 'c2'].flatMap((c) => [...SENTINELS.map((s) => link(c, s)), ...REDIS.map((r) => link(c, r)), link(c, 'storage')]),
      ...SENTINELS.flatMap((s) => REDIS.map((r) => link(s, r))),
      // Sentinels usually sit close to each other: a vote request crosses in 2 ms.
      ...mesh(SENTINELS, { latency: { kind: 'fixed', ms: 2 } }),
      ...mesh(REDIS, { latency: { kind: 'fixed', ms: 5 } }),
    ],
    monitors: ['mutual-exclusion', 'fencing-order'],
    interventions: [{ at: 1400, kind: 'crash', node: 'primary' }],
    playback: { startMs: 0, speed: 0.5, untilMs: 10_000 },
  },
};
