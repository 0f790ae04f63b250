import { clientNode, link, mesh } from './lock-helpers';
import type { BuiltinScenario } from './types';

const WORK = { holdMs: 300, rounds: 4, thinkMs: 100 };
const REDIS = ['r1', 'r2', 'r3'];
const ZK = ['z1', 'z2', 'z3'];
// ZooKeeper in ensemble mode: three servers, each client's connect string starting at another one.
const ENSEMBLE = ['zk1', 'zk2', 'zk3'];
const ZK_TOP = 400;
const ZK_AT = [
  { x: 300, y: ZK_TOP },
  { x: 300, y: ZK_TOP + 170 },
  { x: 470, y: ZK_TOP + 85 },
];
// Redis as production runs it: a primary, a replica and three sentinels (quorum 2) that the
// clients ask for the primary. Replication is asynchronous: a write reaches the replica 200 ms
// after the primary acknowledged it (a replica a little behind, as under load).
const SENTINELS = ['s1', 's2', 's3'];
const REDIS_NODES = ['primary', 'replica'];
const sentinel = (id: string, i: number) => ({
  id,
  type: 'sentinel' as const,
  position: { x: 250, y: i * 110 },
  // masterName 'mymaster', quorum 2 and parallelSyncs 1 are the defaults.
  params: { monitor: 'primary', downAfterMs: 1000, failoverTimeoutMs: 10_000 },
});
// Each side's bench client locks and unlocks another key back to back, alone: its rounds give
// the uncontended acquire latency a real sample and set the pace of lock operations at saturation.
const BENCH = { lockKey: 'lock:stock', lockPath: '/locks/stock', holdMs: 0, thinkMs: 0, rounds: 30 };
const connectString = (i: number) => [...ENSEMBLE.slice(i), ...ENSEMBLE.slice(0, i)].join(',');

const redisProgram = (i: number) => ({
  kind: 'redis-lock',
  sentinels: SENTINELS,
  storage: 'storage-r',
  lockKey: 'lock:orders',
  ttlMs: 4000,
  retryMs: 100,
  startDelayMs: i * 40,
  ...WORK,
});

const zkProgram = (i: number) => ({
  kind: 'zk-lock',
  target: connectString(i),
  storage: 'storage-z',
  lockPath: '/locks/orders',
  sessionTimeoutMs: 4000,
  // Two seconds after the start: the ensemble has elected its leader and the clients are connected.
  startDelayMs: 2000 + (i === 0 ? 0 : 450 + i * 40),
  ...WORK,
});

export const lockShowdown: BuiltinScenario = {
  id: 'lock-showdown',
  topic: 'locks',
  title: 'Showdown: the same workload on a Redis lock and a ZooKeeper lock',
  description:
    'Four clients use a Redis lock (SET NX PX, TTL 4 s, polling every 100 ms) on Redis as production runs it: a primary whose replica is 200 ms behind and three sentinels (quorum 2, down-after 1 s) that the clients ask for the primary; four use a ZooKeeper lock (ensemble mode: three servers, so every create and delete is a proposal that commits once two have fsynced it; Curator recipe, session 4 s, scaled down from Curator’s default of 60 s). On each side three clients share one lock for four rounds of 300 ms work, and a bench client locks and unlocks another lock 30 times back to back, alone. The first holder on each side crashes 200 ms into its turn (the ZooKeeper side starts 2 s later, once its ensemble has a leader and its clients are connected).',
  watchFor:
    'Compare the metrics side by side. Asking: redis-lock.acquire.p50.ms is one round trip, zk-lock.acquire.p50.ms a create through the leader (a quorum round and an fsync, zk.quorum.propose … zk.quorum.commit in the log) plus a getChildren. Pace: ….ops.per.s, the lock operations of the busiest second, set by the bench clients — Redis locks and unlocks about twice as often, ZooKeeper pays a quorum round for every create and every delete (that is the note’s “average concurrency: strong consistency”). Waiting: redis-lock.wait.requests (a poll every 100 ms per waiter) against zk-lock.wait.requests (one watch per turn). Handoff, timed from the holder letting go (lock.unlock): Redis’s DEL plus up to one poll interval, ZooKeeper’s delete through the quorum plus one notification and a getChildren. After the crash both locks sit unusable (…unusable.ms) until the TTL or the session timeout runs out.',
  tryThis: [
    { text: 'Lower the Redis clients’ retryMs to 20: their handoff gets much faster than ZooKeeper’s, at more than twice the requests.' },
    { text: 'Raise the ZooKeeper servers’ fsyncMs to 20 (a spinning disk): every create and delete waits for it, so the ZooKeeper side’s acquire latency and handoff grow and its pace drops; Redis, which answers from memory, is unchanged.' },
    {
      text: 'Crash the primary on both sides mid-section: give the contending clients 3 s of work, crash the Redis primary at 4.2 s (r3 has just taken the lock; the replica, 200 ms behind, has not) and zookeeper 3, the ZooKeeper leader, at 7.2 s (z2 holding). Sentinel promotes the replica after its second of down-after and an election, and r2, told the new primary, takes the same lock while r3 still works: the monitor flags it. ZooKeeper elects a new leader from the two that logged every commit, the clients keep their sessions, and nobody holds the lock twice.',
      change: {
        program: Object.fromEntries(['r2', 'r3', 'z2', 'z3'].map((c) => [c, { holdMs: 3000 }])),
        add: [
          { at: 4200, kind: 'crash', node: 'primary' },
          { at: 7200, kind: 'crash', node: 'zk3' },
        ],
      },
    },
  ],
  scenario: {
    version: 1,
    id: 'lock-showdown',
    title: 'Showdown: the same workload on a Redis lock and a ZooKeeper lock',
    seed: 9,
    nodes: [
      ...REDIS.map((id, i) => clientNode(id, 0, i * 80, redisProgram(i))),
      clientNode('rb', 0, 240, { kind: 'redis-lock', target: 'primary', ttlMs: 4000, retryMs: 100, startDelayMs: 0, lockKey: BENCH.lockKey, holdMs: BENCH.holdMs, thinkMs: BENCH.thinkMs, rounds: BENCH.rounds }, 'bench (redis)'),
      ...ZK.map((id, i) => clientNode(id, 0, ZK_TOP + i * 80, zkProgram(i))),
      clientNode('zb', 0, ZK_TOP + 240, { kind: 'zk-lock', target: connectString(2), lockPath: BENCH.lockPath, sessionTimeoutMs: 4000, startDelayMs: 2000, holdMs: BENCH.holdMs, thinkMs: BENCH.thinkMs, rounds: BENCH.rounds }, 'bench (zk)'),
      ...SENTINELS.map(sentinel),
      { id: 'primary', type: 'redis', position: { x: 500, y: 20 }, params: { replicationLagMs: 200, replPingMs: 200 } },
      { id: 'replica', type: 'redis', position: { x: 500, y: 200 }, params: { replicaOf: 'primary' } },
      { id: 'storage-r', type: 'storage', label: 'storage (redis side)', position: { x: 740, y: 110 }, params: {} },
      ...ENSEMBLE.map((id, i) => ({ id, type: 'zookeeper', label: `zookeeper ${i + 1}`, position: ZK_AT[i], params: { tickTime: 1000, serverId: i + 1 } })),
      { id: 'storage-z', type: 'storage', label: 'storage (zk side)', position: { x: 700, y: ZK_TOP + 90 }, params: {} },
    ],
    edges: [
      ...REDIS.flatMap((c) => [...SENTINELS.map((x) => link(c, x)), ...REDIS_NODES.map((r) => link(c, r))]),
      // The bench client is done within two seconds, long before any failover: it talks to the primary directly.
      link('rb', 'primary'),
      ...REDIS.map((c) => link(c, 'storage-r')),
      ...SENTINELS.flatMap((x) => REDIS_NODES.map((r) => link(x, r))),
      ...mesh(SENTINELS),
      link('primary', 'replica', { latency: { kind: 'fixed', ms: 5 } }),
      ...mesh(ENSEMBLE),
      ...ZK.flatMap((c) => [...ENSEMBLE.map((z) => link(c, z)), link(c, 'storage-z')]),
      ...ENSEMBLE.map((z) => link('zb', z)),
    ],
    monitors: ['mutual-exclusion', 'fencing-order', 'lock-progress'],
    interventions: [
      { at: 200, kind: 'crash', node: 'r1' },
      { at: 2700, kind: 'crash', node: 'z1' },
    ],
    playback: { startMs: 0, speed: 1, untilMs: 15000 },
  },
};
