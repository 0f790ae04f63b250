import { defineGuide } from '../guide';
import { each } from './try-helpers';
import { clientNode, column, link } from './lock-helpers';
import type { BuiltinScenario } from './types';

const IDS = ['c1', 'c2', 'c3', 'c4'];

const program = (startDelayMs: number) => ({
  kind: 'zk-lock',
  target: 'zk',
  storage: 'storage',
  lockPath: '/locks/orders',
  sessionTimeoutMs: 4000,
  holdMs: 1000,
  rounds: 1,
  startDelayMs,
});

export const zkLockScenario: BuiltinScenario = {
  id: 'zk-lock',
  topic: 'locks',
  title: 'ZooKeeper lock: a queue of watchers, and a crash that cleans up after itself',
  description: 'Single-server mode (one ZooKeeper server). Four clients run Curator’s InterProcessMutex: each creates an ephemeral sequential znode and watches only the one before it. The first holder crashes mid-work; its znode vanishes when its session expires (4 s here, scaled down from Curator’s default of 60 s) and the next in line takes over.',
  watchFor: 'No polling: each waiter sends one getData with a watch and then nothing (zk-lock.wait.requests). When the crashed holder’s session expires (about 4–6 s: the session timeout, rounded up to a tick) ZooKeeper deletes its znode and exactly one watcher is woken; every later release also wakes exactly one (zk-lock.wakeups.per.handoff = 1).',
  tryThis: [
    { text: 'Set herd to true on every client (or open zk-lock-herd): every change wakes every waiter.', change: { program: each(IDS, { herd: true }) } },
    { text: 'Cut c1’s link to ZooKeeper at 700 ms instead of crashing it, and give c1 a holdMs of 8000: its session expires on the server while c1, cut off, still works — c2 walks in (the CURATOR-206 pitfall).' },
    { text: 'Lower sessionTimeoutMs to 2000 after setting ZooKeeper’s tickTime to 1000: the crashed holder is detected twice as fast, at the price of more pings.' },
  ],
  guide: defineGuide(
    [
      { id: 'granted', on: { type: 'lock.acquire', node: 'c1' } },
      { id: 'queue', on: { type: 'lock.wait', node: 'c2' } },
      { id: 'crash', on: { type: 'fault.crash', node: 'c1' } },
      { id: 'expired', on: { type: 'zk.session.expired', node: 'zk' } },
      { id: 'woken', on: { type: 'lock.wake', node: 'c2' } },
      { id: 'handoff', on: { type: 'lock.acquire', node: 'c2' } },
      { id: 'next', on: { type: 'lock.wake', node: 'c3' } },
    ],
    {
      en: {
        granted: 'c1’s sequential znode is the lowest in the queue: it holds the lock.',
        queue: 'c2 creates its own znode and watches only the one before it; then it sends nothing at all.',
        crash: 'c1 crashes while holding the lock. Its znode stays until ZooKeeper gives up on its session.',
        expired: 'The session times out: ZooKeeper deletes c1’s ephemeral znode, which fires exactly one watch.',
        woken: 'Only c2, next in line, is woken (NodeDeleted); the others sleep on.',
        handoff: 'c2 checks the queue and takes the lock.',
        next: 'c2 releases: again exactly one waiter, c3, is woken.',
      },
    },
  ),
  scenario: {
    version: 1,
    id: 'zk-lock',
    title: 'ZooKeeper lock: a queue of watchers, and a crash that cleans up after itself',
    seed: 4,
    nodes: [
      ...IDS.map((id, i) => clientNode(id, 0, column(IDS.length)[i], program(i === 0 ? 0 : 200 + i * 100))),
      { id: 'zk', type: 'zookeeper', label: 'zookeeper', position: { x: 420, y: 60 }, params: {} },
      { id: 'storage', type: 'storage', label: 'storage', position: { x: 420, y: 300 }, params: {} },
    ],
    edges: IDS.flatMap((c) => [link(c, 'zk'), link(c, 'storage')]),
    monitors: ['mutual-exclusion', 'fencing-order', 'lock-progress'],
    interventions: [{ at: 700, kind: 'crash', node: 'c1' }],
    playback: { startMs: 0, speed: 1, untilMs: 12000 },
  },
};
