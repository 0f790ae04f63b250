import { clientNode, link } from './lock-helpers';
import type { BuiltinScenario } from './types';

const program = (startDelayMs: number, extra: Record<string, unknown> = {}) => ({
  kind: 'redisson-lock',
  target: 'redis',
  storage: 'storage',
  lockKey: 'lock:orders',
  watchdogTimeoutMs: 3000,
  holdMs: 4000,
  rounds: 1,
  startDelayMs,
  ...extra,
});

export const redisLockWatchdog: BuiltinScenario = {
  id: 'redis-lock-watchdog',
  topic: 'locks',
  title: 'Redisson lock: the watchdog renews, waiters listen',
  description: 'Three clients use a Redisson RLock with a 3 s lease (lockWatchdogTimeout scaled down from 30 s) and work 4 s each. The watchdog renews the lease every second; waiters subscribe to the unlock channel instead of polling.',
  watchFor: 'EVAL <rrenew.lua> every second while a client works past its lease (redisson-lock.renewals), no violation. Waiters send one rlock, SUBSCRIBE, one more rlock, then wait: each unlock PUBLISH wakes them (lock.wake) and the handoff takes a few tens of ms with almost no requests spent on waiting.',
  tryThis: [
    { text: 'Give c1 a leaseMs of 2000: no watchdog, the lease runs out at 2 s and a waiter walks into c1’s section.' },
    { text: 'Pause c1 for 4 s at 1 s: the watchdog is frozen with it, the lease expires, and a waiter gets in.', change: { add: [{ at: 1000, kind: 'pause', node: 'c1', durationMs: 4000 }] } },
    { text: 'Crash c1 at 1 s: the watchdog dies with it, so the lock frees itself within one lease (3 s).', change: { add: [{ at: 1000, kind: 'crash', node: 'c1' }] } },
  ],
  scenario: {
    version: 1,
    id: 'redis-lock-watchdog',
    title: 'Redisson lock: the watchdog renews, waiters listen',
    seed: 8,
    nodes: [
      clientNode('c1', 0, 0, program(0, { reentry: 2 })),
      clientNode('c2', 0, 170, program(100)),
      clientNode('c3', 0, 340, program(200)),
      { id: 'redis', type: 'redis', label: 'redis', position: { x: 420, y: 60 }, params: {} },
      { id: 'storage', type: 'storage', label: 'storage', position: { x: 420, y: 300 }, params: {} },
    ],
    edges: ['c1', 'c2', 'c3'].flatMap((c) => [link(c, 'redis'), link(c, 'storage')]),
    monitors: ['mutual-exclusion', 'fencing-order', 'lock-progress'],
    playback: { startMs: 0, speed: 1, untilMs: 14000 },
  },
};
