import { clientNode, link } from './lock-helpers';
import type { BuiltinScenario } from './types';

const WORK = { holdMs: 300, rounds: 4, thinkMs: 100 };
const REDIS = ['r1', 'r2', 'r3'];
const ZK = ['z1', 'z2', 'z3'];
// ZooKeeper in ensemble mode: three servers, each client's connect string starting at another one.
const ENSEMBLE = ['zk1', 'zk2', 'zk3'];
const ZK_AT = [
  { x: 300, y: 240 },
  { x: 300, y: 400 },
  { x: 460, y: 320 },
];
const connectString = (i: number) => [...ENSEMBLE.slice(i), ...ENSEMBLE.slice(0, i)].join(',');

const redisProgram = (i: number) => ({
  kind: 'redis-lock',
  target: 'redis',
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
  description: 'Three clients take a Redis lock (one Redis server; SET NX PX, TTL 4 s, polling every 100 ms) and three take a ZooKeeper lock (ensemble mode: three servers, so every create and delete is a proposal that commits once two have fsynced it; Curator recipe, session 4 s, scaled down from Curator’s default of 60 s), four rounds of 300 ms work each. The first holder on each side crashes 200 ms into its turn (the ZooKeeper side starts 2 s later, once its ensemble has a leader and its clients are connected).',
  watchFor: 'Compare the metrics side by side. Asking: redis-lock.acquire.p50.ms is one round trip, zk-lock.acquire.p50.ms a create through the leader (a quorum round and an fsync, zk.quorum.propose … zk.quorum.commit in the log) plus a getChildren. Waiting: redis-lock.wait.requests (a poll every 100 ms per waiter) against zk-lock.wait.requests (one watch per turn). Handoff: redis-lock.handoff.avg.ms is up to a poll interval, zk-lock.handoff.avg.ms one notification. After the crash both locks sit unusable (…unusable.ms) until the TTL or the session timeout runs out.',
  tryThis: [
    { text: 'Lower the Redis clients’ retryMs to 20: their handoff gets faster than ZooKeeper’s, at more than twice the requests.' },
    { text: 'Lower the Redis clients’ ttlMs to 1000: the crashed holder blocks the lock for 1 s instead of 4 — but a 1.5 s GC pause on a holder now lets the next client in.' },
    { text: 'Set the ZooKeeper clients’ sessionTimeoutMs to 2000: ZooKeeper notices the crash sooner. A live holder’s pings keep its session alive however long it works — but only while it runs: a GC pause longer than the session expires it, and its lock node with it.' },
  ],
  scenario: {
    version: 1,
    id: 'lock-showdown',
    title: 'Showdown: the same workload on a Redis lock and a ZooKeeper lock',
    seed: 9,
    nodes: [
      ...REDIS.map((id, i) => clientNode(id, 0, i * 80, redisProgram(i))),
      ...ZK.map((id, i) => clientNode(id, 0, 240 + i * 80, zkProgram(i))),
      { id: 'redis', type: 'redis', label: 'redis', position: { x: 330, y: 60 }, params: {} },
      { id: 'storage-r', type: 'storage', label: 'storage (redis side)', position: { x: 620, y: 60 }, params: {} },
      ...ENSEMBLE.map((id, i) => ({ id, type: 'zookeeper', label: `zookeeper ${i + 1}`, position: ZK_AT[i], params: { tickTime: 1000, serverId: i + 1 } })),
      { id: 'storage-z', type: 'storage', label: 'storage (zk side)', position: { x: 660, y: 330 }, params: {} },
    ],
    edges: [
      ...REDIS.flatMap((c) => [link(c, 'redis'), link(c, 'storage-r')]),
      ...ENSEMBLE.flatMap((a, i) => ENSEMBLE.slice(i + 1).map((b) => link(a, b))),
      ...ZK.flatMap((c) => [...ENSEMBLE.map((z) => link(c, z)), link(c, 'storage-z')]),
    ],
    monitors: ['mutual-exclusion', 'fencing-order', 'lock-progress'],
    interventions: [
      { at: 200, kind: 'crash', node: 'r1' },
      { at: 2700, kind: 'crash', node: 'z1' },
    ],
    playback: { startMs: 0, speed: 1, untilMs: 15000 },
  },
};
