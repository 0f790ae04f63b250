import { clientNode, LAN, link } from './lock-helpers';
import type { BuiltinScenario } from './types';

const program = (startDelayMs: number) => ({
  kind: 'redis-lock',
  target: 'redis',
  storage: 'storage',
  lockKey: 'lock:orders',
  ttlMs: 1000,
  retryMs: 100,
  holdMs: 700,
  rounds: 1,
  unsafeDel: true,
  timeoutMs: 3000,
  startDelayMs,
});

export const redisLockUnsafeDel: BuiltinScenario = {
  id: 'redis-lock-unsafe-del',
  topic: 'locks',
  title: 'Redis lock: a plain DEL frees someone else’s lock',
  description: 'Clients unlock with a plain DEL. c1 finishes in time, but its DEL crawls over a congested link and reaches Redis after c1’s 1 s lease expired and c2 took the lock: it deletes c2’s lock, and c3 walks in.',
  watchFor: 'c1’s DEL arrives at about 1.3 s and answers (integer) 1: c1 believes it released its own lock, but the key held c2’s token. c3’s next poll succeeds while c2 is still working: the monitor flags c3 entering inside c2’s section and names c1’s DEL as the cause.',
  tryThis: [
    { text: 'Set unsafeDel to false on c1: the compare-and-delete script sees c2’s token, answers 0 and leaves c2’s lock alone. No violation.', change: { program: { c1: { unsafeDel: false } } } },
    { text: 'Remove the latency intervention: c1’s DEL arrives in time and the plain DEL does no harm — the bug only bites when the unlock is late.' },
  ],
  scenario: {
    version: 1,
    id: 'redis-lock-unsafe-del',
    title: 'Redis lock: a plain DEL frees someone else’s lock',
    seed: 1,
    nodes: [
      clientNode('c1', 0, 0, program(0)),
      clientNode('c2', 0, 170, program(50)),
      clientNode('c3', 0, 340, program(100)),
      { id: 'redis', type: 'redis', label: 'redis', position: { x: 420, y: 60 }, params: {} },
      { id: 'storage', type: 'storage', label: 'storage', position: { x: 420, y: 300 }, params: {} },
    ],
    edges: ['c1', 'c2', 'c3'].flatMap((c) => [link(c, 'redis', LAN), link(c, 'storage')]),
    monitors: ['mutual-exclusion', 'fencing-order'],
    interventions: [{ at: 700, kind: 'link', edge: 'c1-redis', extraLatencyMs: 500 }],
    playback: { startMs: 0, speed: 0.5, untilMs: 4000 },
  },
};
