import { clientNode, link } from './lock-helpers';
import type { BuiltinScenario } from './types';

const program = (startDelayMs: number, holdMs: number) => ({
  kind: 'redis-lock',
  target: 'primary',
  fallback: 'replica',
  storage: 'storage',
  lockKey: 'lock:orders',
  ttlMs: 5000,
  retryMs: 200,
  holdMs,
  timeoutMs: 300,
  rounds: 1,
  startDelayMs,
});

export const redisFailoverLockLoss: BuiltinScenario = {
  id: 'redis-failover-lock-loss',
  topic: 'locks',
  title: 'Redis failover: the promoted replica grants the lock again',
  description: 'c1 takes a lock on the Redis primary, which replicates 1 s behind. The primary dies before the lock reaches the replica; the replica promotes itself, and c2 — following the failover — gets the same lock while c1 still works.',
  watchFor: 'c2’s requests to the dead primary time out and it switches to the replica (READONLY until the replica promotes itself at about 1.2 s). Right after the promotion SET NX succeeds: the new primary never saw c1’s key. The monitor flags c2 entering during c1’s section and names the promotion.',
  tryThis: [
    { text: 'Set the primary’s replicationLagMs to 0: the lock reaches the replica before the crash, and c2 waits for c1 as it should.' },
    { text: 'Crash the primary after c1’s SET has been replicated (from about 1.05 s): the promoted replica holds c1’s lock and c2 waits.' },
    { text: 'This is the case Redlock’s majority of independent masters is meant for; with one replica, only fencing at the resource would catch it.' },
  ],
  scenario: {
    version: 1,
    id: 'redis-failover-lock-loss',
    title: 'Redis failover: the promoted replica grants the lock again',
    seed: 2,
    nodes: [
      clientNode('c1', 0, 60, program(0, 3000)),
      clientNode('c2', 0, 300, program(100, 800)),
      { id: 'primary', type: 'redis', label: 'primary', position: { x: 400, y: 0 }, params: { replicationLagMs: 1000, replPingMs: 200 } },
      { id: 'replica', type: 'redis', label: 'replica', position: { x: 400, y: 200 }, params: { replicaOf: 'primary', promoteOnPrimaryDownMs: 1000 } },
      { id: 'storage', type: 'storage', label: 'storage', position: { x: 640, y: 360 }, params: {} },
    ],
    edges: [
      ...['c1', 'c2'].flatMap((c) => [link(c, 'primary'), link(c, 'replica'), link(c, 'storage')]),
      link('primary', 'replica', { latency: { kind: 'fixed', ms: 5 } }),
    ],
    monitors: ['mutual-exclusion', 'fencing-order'],
    interventions: [{ at: 400, kind: 'crash', node: 'primary' }],
    playback: { startMs: 0, speed: 0.5, untilMs: 6000 },
  },
};
