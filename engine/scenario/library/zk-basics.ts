import { defineGuide } from '../guide';
import type { BuiltinScenario } from './types';

export const zkBasics: BuiltinScenario = {
  id: 'zk-basics',
  topic: 'basics',
  title: 'ZooKeeper: ephemeral znodes and a watch',
  description: 'Single-server mode (one ZooKeeper server). A worker registers an ephemeral znode; an observer watches the children. The worker crashes and its znode vanishes when its session expires (4 s here, scaled down: Curator’s default is 60 s).',
  watchFor: 'The observer is told (NodeChildrenChanged) only after the session timeout, not at the crash: until then ZooKeeper still counts the worker as alive.',
  tryThis: [
    { text: 'Crash the worker at 3 s and time how long its znode survives (session timeout, rounded up to a tick).' },
    { text: 'Cut the worker’s link instead of crashing it: the session expires the same way, but the worker does not know yet.', change: { interventions: [{ at: 3000, kind: 'partition', edge: 'worker-zk' }] } },
    { text: 'Pause ZooKeeper for 5 s at 1 s: nothing expires while it is frozen, but on resume it finds the worker’s 4 s session past its deadline and expires it at once, as a real ZooKeeper 3.8 does when stopped with SIGSTOP; the observer’s 10 s session survives. Pause it for 3 s instead: no session is lost.', change: { add: [{ at: 1000, kind: 'pause', node: 'zk', durationMs: 5000 }] } },
  ],
  guide: defineGuide(
    [
      { id: 'session', on: { type: 'zk.session.open', node: 'zk' } },
      { id: 'ephemeral', on: { type: 'zk.create', node: 'zk', fields: { kind: 'ephemeral' } } },
      { id: 'watch', on: { type: 'zk.watch.set', node: 'zk' } },
      { id: 'crash', on: { type: 'fault.crash', node: 'worker' } },
      { id: 'expired', on: { type: 'zk.session.expired', node: 'zk' } },
      { id: 'notified', on: { type: 'zk.client.event', node: 'observer' } },
    ],
    {
      en: {
        session: 'The worker opens a ZooKeeper session with a 4 s timeout: its pings keep it alive.',
        ephemeral: 'The worker registers itself as an ephemeral znode under /workers: it lives as long as the session.',
        watch: 'The observer lists /workers and leaves a child watch: ZooKeeper will tell it once when the list changes.',
        crash: 'The worker crashes. ZooKeeper cannot tell a crash from a slow network, so its znode stays.',
        expired: 'No ping for the session timeout: ZooKeeper expires the session and deletes the ephemeral znode.',
        notified: 'Only now is the observer told (NodeChildrenChanged), seconds after the crash.',
      },
    },
  ),
  scenario: {
    version: 1,
    id: 'zk-basics',
    title: 'ZooKeeper: ephemeral znodes and a watch',
    seed: 7,
    nodes: [
      {
        id: 'worker',
        type: 'client',
        label: 'worker',
        position: { x: 0, y: 0 },
        params: { program: { kind: 'zk-script', target: 'zk', sessionTimeoutMs: 4000, ops: ['create /workers', 'create -e -s /workers/w- busy', 'sleep 20000'], intervalMs: 200 } },
      },
      {
        id: 'observer',
        type: 'client',
        label: 'observer',
        position: { x: 0, y: 260 },
        params: { program: { kind: 'zk-script', target: 'zk', sessionTimeoutMs: 10000, ops: ['sleep 1500', 'ls -w /workers', 'sleep 9000', 'ls /workers'], intervalMs: 200 } },
      },
      { id: 'zk', type: 'zookeeper', label: 'zookeeper', position: { x: 460, y: 110 }, params: {} },
    ],
    edges: [
      { id: 'worker-zk', source: 'worker', target: 'zk', params: { latency: { kind: 'uniform', minMs: 20, maxMs: 40 } } },
      { id: 'observer-zk', source: 'observer', target: 'zk', params: { latency: { kind: 'uniform', minMs: 20, maxMs: 40 } } },
    ],
    interventions: [{ at: 3000, kind: 'crash', node: 'worker' }],
    playback: { startMs: 0, speed: 1, untilMs: 12000 },
  },
};
