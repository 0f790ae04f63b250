import { clientNode, link } from './lock-helpers';
import type { BuiltinScenario } from './types';

const program = (startDelayMs: number) => ({
  kind: 'redis-lock',
  target: 'redis',
  storage: 'storage',
  lockKey: 'lock',
  ttlMs: 1500,
  retryMs: 200,
  holdMs: 2500,
  rounds: 1,
  startDelayMs,
});

export const redisLockExpiry: BuiltinScenario = {
  id: 'redis-lock-expiry',
  topic: 'locks',
  title: 'Redis lock: the work outlives the TTL',
  description: 'c1 takes a SET NX PX lock with a 1.5 s TTL but works for 2.5 s and renews nothing. The key expires mid-work, c2 gets the lock, and both are in the critical section.',
  watchFor: 'At about 1.6 s the lock key expires on Redis while c1 is still working; c2’s next poll gets it and enters the storage: the mutual-exclusion monitor flags two writers. c1’s unlock then finds someone else’s token and leaves it alone.',
  tryThis: [
    { text: 'Turn on c1’s watchdog (renewal every TTL/3): the key never expires while c1 lives, and c2 waits.', change: { program: { c1: { watchdog: true } } } },
    { text: 'Raise ttlMs to 4000 on both clients: the lease covers the work, no violation — until the work gets slower.' },
    { text: 'Crash c1 at 500 ms instead: c2 waits for the full TTL before it can take the lock.' },
  ],
  scenario: {
    version: 1,
    id: 'redis-lock-expiry',
    title: 'Redis lock: the work outlives the TTL',
    seed: 5,
    nodes: [
      clientNode('c1', 0, 60, program(0)),
      clientNode('c2', 0, 300, program(200)),
      { id: 'redis', type: 'redis', label: 'redis', position: { x: 420, y: 60 }, params: {} },
      { id: 'storage', type: 'storage', label: 'storage', position: { x: 420, y: 300 }, params: { fencing: false } },
    ],
    edges: [link('c1', 'redis'), link('c2', 'redis'), link('c1', 'storage'), link('c2', 'storage')],
    monitors: ['mutual-exclusion', 'fencing-order'],
    playback: { startMs: 0, speed: 0.5, untilMs: 6000 },
  },
};
