import type { BuiltinScenario } from './types';

export const zkBasics: BuiltinScenario = {
  id: 'zk-basics',
  topic: 'basics',
  title: 'ZooKeeper: ephemeral znodes and a watch',
  description: 'A worker registers an ephemeral znode; an observer watches the children. The worker crashes and its znode vanishes when its session expires (4 s here, scaled down: Curator’s default is 60 s).',
  watchFor: 'The observer is told (NodeChildrenChanged) only after the session timeout, not at the crash: until then ZooKeeper still counts the worker as alive.',
  tryThis: [
    'Crash the worker at 3 s and time how long its znode survives (session timeout, rounded up to a tick).',
    'Cut the worker’s link instead of crashing it: the session expires the same way, but the worker does not know yet.',
    'Pause ZooKeeper for 5 s at 1 s: nothing expires while it is frozen, but on resume it finds the worker’s 4 s session past its deadline and expires it at once, as a real ZooKeeper 3.8 does when stopped with SIGSTOP; the observer’s 10 s session survives. Pause it for 3 s instead: no session is lost.',
  ],
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
