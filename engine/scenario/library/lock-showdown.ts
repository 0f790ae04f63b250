import { clientNode, link } from './lock-helpers';
import type { BuiltinScenario } from './types';

const WORK = { holdMs: 300, rounds: 4, thinkMs: 100 };
const REDIS = ['r1', 'r2', 'r3'];
const ZK = ['z1', 'z2', 'z3'];

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
  target: 'zk',
  storage: 'storage-z',
  lockPath: '/locks/orders',
  sessionTimeoutMs: 4000,
  startDelayMs: i === 0 ? 0 : 150 + i * 40,
  ...WORK,
});

export const lockShowdown: BuiltinScenario = {
  id: 'lock-showdown',
  topic: 'locks',
  title: 'Showdown: the same workload on a Redis lock and a ZooKeeper lock',
  description: 'Three clients take a Redis lock (SET NX PX, TTL 4 s, polling every 100 ms) and three take a ZooKeeper lock (Curator recipe, session 4 s, scaled down from Curator’s default of 60 s), four rounds of 300 ms work each. At 200 ms the first holder on each side crashes.',
  watchFor: 'Compare the metrics side by side. Waiting: redis-lock.wait.requests (a poll every 100 ms per waiter) against zk-lock.wait.requests (one watch per turn). Handoff: redis-lock.handoff.avg.ms is up to a poll interval, zk-lock.handoff.avg.ms one notification. After the crash both locks sit unusable (…unusable.ms) until the TTL or the session timeout runs out.',
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
      { id: 'zk', type: 'zookeeper', label: 'zookeeper', position: { x: 330, y: 300 }, params: { tickTime: 1000 } },
      { id: 'storage-z', type: 'storage', label: 'storage (zk side)', position: { x: 620, y: 300 }, params: {} },
    ],
    edges: [...REDIS.flatMap((c) => [link(c, 'redis'), link(c, 'storage-r')]), ...ZK.flatMap((c) => [link(c, 'zk'), link(c, 'storage-z')])],
    monitors: ['mutual-exclusion', 'fencing-order', 'lock-progress'],
    interventions: [
      { at: 200, kind: 'crash', node: 'r1' },
      { at: 200, kind: 'crash', node: 'z1' },
    ],
    playback: { startMs: 0, speed: 1, untilMs: 15000 },
  },
};
