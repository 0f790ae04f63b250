import { defineGuide } from '../guide';
import { each } from './try-helpers';
import { clientNode, link } from './lock-helpers';
import type { BuiltinScenario } from './types';

const program = (startDelayMs: number) => ({
  kind: 'redis-lock',
  target: 'redis',
  storage: 'storage',
  lockKey: 'lock:orders',
  ttlMs: 4000,
  retryMs: 250,
  holdMs: 800,
  rounds: 2,
  thinkMs: 300,
  startDelayMs,
});

export const redisLockPolling: BuiltinScenario = {
  id: 'redis-lock-polling',
  topic: 'locks',
  title: 'Redis lock: waiters poll, a crashed holder blocks until the TTL',
  description: 'Three clients share a SET NX PX lock (TTL 4 s), polling every 250 ms while it is taken. One holder crashes mid-work: nobody can have the lock until its key expires.',
  watchFor: 'The stream of SET NX … (nil) replies while the lock is held: every one is a request spent on waiting (redis-lock.wait.requests). After the crash the lock sits unused for most of its TTL (redis-lock.unusable.ms) before a poll finally gets it.',
  tryThis: [
    { text: 'Lower ttlMs to 1500: the crashed holder blocks the others for less time, but now a slow holder risks outliving its lease.', change: { program: each(['c1', 'c2', 'c3'], { ttlMs: 1500 }) } },
    { text: 'Set retryMs to 50: waiters react faster to a release and send about five times as many requests.', change: { program: each(['c1', 'c2', 'c3'], { retryMs: 50 }) } },
    { text: 'Compare with zk-lock: the same crash there costs a session timeout, and waiters send no polls at all.', change: { open: 'zk-lock' } },
  ],
  guide: defineGuide(
    [
      { id: 'granted', on: { type: 'lock.acquire', node: 'c1' } },
      { id: 'polls', on: { type: 'lock.wait', node: 'c2' } },
      { id: 'handoff', on: { type: 'lock.acquire' } },
      { id: 'crash', on: { type: 'fault.crash', node: 'c2' } },
      { id: 'expired', on: { type: 'redis.expire', node: 'redis' } },
      { id: 'next', on: { type: 'lock.acquire' } },
    ],
    {
      en: {
        granted: 'c1’s SET NX PX succeeds: it holds the lock for at most its 4 s lease.',
        polls: 'c2 is refused (nil) and will ask again in 250 ms: every retry is a request spent on waiting.',
        handoff: 'c1 released the lock; whichever waiter polls next takes it, up to 250 ms later.',
        crash: 'c2 crashes. If it holds the lock, nobody deletes its key: the others can only wait for the TTL.',
        expired: 'Only when the key’s TTL runs out does redis delete it: the lock sat unused all that time.',
        next: 'The next poll gets the lock, and the queue moves again.',
      },
    },
  ),
  scenario: {
    version: 1,
    id: 'redis-lock-polling',
    title: 'Redis lock: waiters poll, a crashed holder blocks until the TTL',
    seed: 3,
    nodes: [
      clientNode('c1', 0, 0, program(0)),
      clientNode('c2', 0, 170, program(60)),
      clientNode('c3', 0, 340, program(120)),
      { id: 'redis', type: 'redis', label: 'redis', position: { x: 420, y: 60 }, params: {} },
      { id: 'storage', type: 'storage', label: 'storage', position: { x: 420, y: 300 }, params: {} },
    ],
    edges: ['c1', 'c2', 'c3'].flatMap((c) => [link(c, 'redis'), link(c, 'storage')]),
    monitors: ['mutual-exclusion', 'fencing-order', 'lock-progress'],
    interventions: [{ at: 1300, kind: 'crash', node: 'c2' }],
    playback: { startMs: 0, speed: 0.5, untilMs: 12000 },
  },
};
