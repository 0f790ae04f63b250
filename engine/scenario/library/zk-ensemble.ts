import { clientNode, link, mesh } from './lock-helpers';
import type { BuiltinScenario } from './types';

// The ZooKeeper ensemble built-ins: three servers linked to each other (each link a real link
// that can be cut), clients with a connect string naming all three.

const SERVERS = ['z1', 'z2', 'z3'];
const server = (id: string, i: number) => ({ id, type: 'zookeeper', label: id, position: { x: 330, y: 40 + i * 170 }, params: { tickTime: 1000, serverId: i + 1 } });

const lockClient = (connect: string, startDelayMs: number) => ({
  kind: 'zk-lock',
  target: connect,
  storage: 'storage',
  lockPath: '/locks/orders',
  sessionTimeoutMs: 4000,
  fencing: true,
  holdMs: 300,
  rounds: 2,
  thinkMs: 200,
  startDelayMs,
});
const LOCKERS = [
  { id: 'c1', connect: 'z3,z1,z2', delay: 600 },
  { id: 'c2', connect: 'z1,z2,z3', delay: 700 },
  { id: 'c3', connect: 'z2,z3,z1', delay: 800 },
];

export const zkEnsembleFailover: BuiltinScenario = {
  id: 'zk-ensemble-failover',
  topic: 'locks',
  title: 'ZooKeeper ensemble: the leader crashes during a lock handoff',
  description:
    'Ensemble mode: three ZooKeeper servers elect a leader (z3: equal logs, highest id), and every write goes through it as a proposal that commits once two of the three have it on disk. Three clients take a Curator lock with fencing tokens; their connect strings name all three servers. As c1 releases the lock, the leader crashes with c1’s delete proposed but not yet committed.',
  watchFor:
    'z1 and z2 go LOOKING and close their clients’ connections, then elect z2 in epoch 2 (zk.quorum.elected): both had logged the delete, so the new leader commits it (Zab keeps what a quorum logged). The clients reconnect with the same sessions (zk.session.resume); c1’s guaranteed delete finds its node already gone; c3, woken by its restored watch, gets the lock with a higher fencing token. No double grant: mutual-exclusion and fencing-order hold. The handoff that crossed the crash takes an election and a reconnect (about a second) instead of one proposal.',
  tryThis: [
    { text: 'Cut z3’s links to z1 and z2 instead of crashing it: z3 keeps its clients until syncLimit (5 ticks) passes without a quorum, then steps down; no client can take the lock through it meanwhile, because no write commits without a quorum.' },
    { text: 'Crash z2 as well a second later: one server of three is no quorum, nobody serves, and the lock waits (lock-progress) until one of them restarts.' },
  ],
  scenario: {
    version: 1,
    id: 'zk-ensemble-failover',
    title: 'ZooKeeper ensemble: the leader crashes during a lock handoff',
    seed: 3,
    nodes: [
      ...LOCKERS.map((c, i) => clientNode(c.id, 0, 40 + i * 170, lockClient(c.connect, c.delay))),
      ...SERVERS.map(server),
      { id: 'storage', type: 'storage', label: 'storage', position: { x: 640, y: 210 }, params: { fencing: true } },
    ],
    edges: [...mesh(SERVERS), ...LOCKERS.flatMap((c) => [...SERVERS.map((z) => link(c.id, z)), link(c.id, 'storage')])],
    monitors: ['mutual-exclusion', 'fencing-order', 'lock-progress'],
    interventions: [{ at: 1420, kind: 'crash', node: 'z3' }],
    playback: { startMs: 0, speed: 1, untilMs: 10000 },
  },
};

const SLOW = { latency: { kind: 'fixed', ms: 250 } } as const;

export const zkStaleRead: BuiltinScenario = {
  id: 'zk-stale-read',
  topic: 'watch',
  title: 'ZooKeeper ensemble: a stale read from a lagging follower, and sync()',
  description:
    'Ensemble mode: three servers, z3 leads; z1’s link to the leader is slow (250 ms), so z1 hears of commits late. A writer on z3 sets /config to v2 and is told it is done as soon as z3 and z2 have it; a reader on z1 then reads /config. ZooKeeper answers reads from the server the client is connected to, without asking the leader.',
  watchFor:
    'The writer’s set returns (zk.script.reply) while z1 has not yet applied the commit: the reader’s next get on z1 still says v1, after the write has finished. Then the reader calls sync /config: z1 forwards it to the leader and answers only when everything the leader had committed before it has reached z1, so the get after it says v2.',
  tryThis: [
    { text: 'Connect the reader to z2 (target z2): z2 is in the quorum of every write, so its copy is at most a commit message behind and the stale window all but closes.', change: { program: { reader: { target: 'z2' } } } },
    { text: 'Remove the sync line from the reader’s ops: every read it makes after the write is as old as z1’s copy.' },
  ],
  scenario: {
    version: 1,
    id: 'zk-stale-read',
    title: 'ZooKeeper ensemble: a stale read from a lagging follower, and sync()',
    seed: 5,
    nodes: [
      clientNode('writer', 0, 40, { kind: 'zk-script', target: 'z3', sessionTimeoutMs: 6000, ops: ['create /config v1', 'sleep 2500', 'set /config v2', 'sleep 3000'], intervalMs: 50 }),
      clientNode('reader', 0, 380, { kind: 'zk-script', target: 'z1', sessionTimeoutMs: 6000, ops: ['sleep 800', ...Array.from({ length: 10 }, () => 'get /config'), 'sync /config', 'get /config', 'sleep 3000'], intervalMs: 60 }),
      ...SERVERS.map(server),
    ],
    edges: [link('z1', 'z2'), link('z1', 'z3', SLOW), link('z2', 'z3'), link('writer', 'z3'), link('reader', 'z1'), link('reader', 'z2')],
    monitors: [],
    interventions: [],
    playback: { startMs: 0, speed: 1, untilMs: 6000 },
  },
};
