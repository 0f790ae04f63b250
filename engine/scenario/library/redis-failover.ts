import type { BuiltinScenario } from './types';

export const redisFailover: BuiltinScenario = {
  id: 'redis-failover',
  topic: 'basics',
  title: 'Redis failover loses unreplicated writes',
  description: 'A client writes to a Redis primary that replicates asynchronously, 800 ms behind. The primary crashes; the replica promotes itself without the last writes.',
  watchFor: 'Every write got OK, yet after the promotion the new primary lacks the writes that were still waiting to be replicated when the old one died.',
  tryThis: [
    { text: 'Set the primary’s replicationLagMs to 0 in the inspector: the replica keeps every acknowledged write.' },
    { text: 'Crash the primary earlier or later and count how many acknowledged writes survive.' },
  ],
  scenario: {
    version: 1,
    id: 'redis-failover',
    title: 'Redis failover loses unreplicated writes',
    seed: 11,
    nodes: [
      {
        id: 'app',
        type: 'client',
        label: 'app',
        position: { x: 0, y: 100 },
        params: {
          program: {
            kind: 'redis-script',
            target: 'primary',
            commands: [['SET', 'order:1', 'paid'], ['SET', 'order:2', 'paid'], ['SET', 'order:3', 'paid'], ['SET', 'order:4', 'paid'], ['SET', 'order:5', 'paid'], ['SET', 'order:6', 'paid']],
            intervalMs: 400,
          },
        },
      },
      { id: 'primary', type: 'redis', label: 'primary', position: { x: 400, y: 0 }, params: { replicationLagMs: 800, replPingMs: 200 } },
      { id: 'replica', type: 'redis', label: 'replica', position: { x: 400, y: 260 }, params: { replicaOf: 'primary', promoteOnPrimaryDownMs: 1000 } },
    ],
    edges: [
      { id: 'app-primary', source: 'app', target: 'primary', params: { latency: { kind: 'uniform', minMs: 20, maxMs: 40 } } },
      { id: 'primary-replica', source: 'primary', target: 'replica', params: { latency: { kind: 'fixed', ms: 10 } } },
    ],
    interventions: [{ at: 2300, kind: 'crash', node: 'primary' }],
    playback: { startMs: 0, speed: 0.5, untilMs: 5000 },
  },
};
