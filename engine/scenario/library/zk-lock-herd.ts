import { each } from './try-helpers';
import { clientNode, column, link } from './lock-helpers';
import type { BuiltinScenario } from './types';

const IDS = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'];

const program = (startDelayMs: number) => ({
  kind: 'zk-lock',
  target: 'zk',
  storage: 'storage',
  lockPath: '/locks/orders',
  sessionTimeoutMs: 4000,
  holdMs: 500,
  rounds: 1,
  herd: true,
  startDelayMs,
});

export const zkLockHerd: BuiltinScenario = {
  id: 'zk-lock-herd',
  topic: 'locks',
  title: 'ZooKeeper lock: the herd effect',
  description: 'Single-server mode (one ZooKeeper server). Six clients use the naive recipe: every waiter watches the lock’s parent (getChildren with a watch). Each release — and each newcomer — wakes every waiter, and all of them list the children again to learn that only one may go. Sessions last 4 s (scaled down from Curator’s default of 60 s).',
  watchFor: 'The burst of NodeChildrenChanged notifications and getChildren requests at every release: zk-lock.wakeups.per.handoff is several per handoff instead of 1, and zk-lock.wait.requests grows with the square of the queue length.',
  tryThis: [
    { text: 'Set herd to false on every client (Curator’s recipe, as in the zk-lock scenario): each release wakes only the next in line.', change: { program: each(IDS, { herd: false }) } },
    { text: 'Add more clients: the notifications per handoff grow with the number of waiters.' },
    { text: 'Set sortChildren to false on every client: getChildren lists the queue in the server’s hash order (highest first here, as a real ZooKeeper does), so a waiter thinks it is first and walks in on the holder.', change: { program: each(IDS, { sortChildren: false }) } },
  ],
  scenario: {
    version: 1,
    id: 'zk-lock-herd',
    title: 'ZooKeeper lock: the herd effect',
    seed: 6,
    nodes: [
      ...IDS.map((id, i) => clientNode(id, 0, column(IDS.length)[i], program(i === 0 ? 0 : 200 + i * 60))),
      { id: 'zk', type: 'zookeeper', label: 'zookeeper', position: { x: 420, y: 60 }, params: {} },
      { id: 'storage', type: 'storage', label: 'storage', position: { x: 420, y: 300 }, params: {} },
    ],
    edges: IDS.flatMap((c) => [link(c, 'zk'), link(c, 'storage')]),
    monitors: ['mutual-exclusion', 'fencing-order', 'lock-progress'],
    playback: { startMs: 0, speed: 1, untilMs: 6000 },
  },
};
