import { clientNode, link } from './lock-helpers';
import type { BuiltinScenario } from './types';

const program = (startDelayMs: number) => ({
  kind: 'redis-lock',
  target: 'redis',
  storage: 'storage',
  lockKey: 'lock:file',
  ttlMs: 2000,
  retryMs: 200,
  holdMs: 1000,
  rounds: 1,
  fencing: true,
  startDelayMs,
});

function gcPause(fenced: boolean): BuiltinScenario['scenario'] {
  const id = fenced ? 'gc-pause-fencing-safe' : 'gc-pause-fencing';
  return {
    version: 1,
    id,
    title: fenced ? 'GC pause, fenced: the storage refuses the stale token' : 'GC pause: a paused holder writes after its lease ran out',
    seed: 12,
    nodes: [
      clientNode('c1', 0, 60, program(0)),
      clientNode('c2', 0, 300, program(100)),
      { id: 'redis', type: 'redis', label: 'redis', position: { x: 420, y: 60 }, params: {} },
      { id: 'storage', type: 'storage', label: 'storage', position: { x: 420, y: 300 }, params: { fencing: fenced } },
    ],
    edges: [link('c1', 'redis'), link('c2', 'redis'), link('c1', 'storage'), link('c2', 'storage')],
    monitors: ['mutual-exclusion', 'fencing-order'],
    interventions: [{ at: 300, kind: 'pause', node: 'c1', durationMs: 3000 }],
    playback: { startMs: 0, speed: 0.5, untilMs: 5000 },
  };
}

export const gcPauseFencing: BuiltinScenario = {
  id: 'gc-pause-fencing',
  topic: 'locks',
  title: 'GC pause: a paused holder writes after its lease ran out',
  description: 'c1 holds a 2 s Redis lease (fencing token 1) when a 3 s stop-the-world pause freezes it. The lease expires, c2 gets the lock (token 2) and works; c1 wakes up, still sure it holds the lock, and writes. The storage checks no tokens and takes both.',
  watchFor: 'At about 2.2 s c2 enters while c1’s section is still open (mutual-exclusion: c1’s lease expired while it was frozen). At 3.3 s c1 resumes and its write with token 1 lands after c2’s token 2 (fencing-order). No lock with a lease can prevent this; only the resource can.',
  tryThis: [
    'Open gc-pause-fencing-safe, or set the storage’s fencing to true: c2’s token 2 fences c1 off and c1’s late write is refused.',
    'Turn on c1’s watchdog: it does not help — the watchdog is paused along with the rest of c1.',
    'Shorten the pause to 1500 ms: the lease outlives it and nothing goes wrong.',
  ],
  scenario: gcPause(false),
};

export const gcPauseFencingSafe: BuiltinScenario = {
  id: 'gc-pause-fencing-safe',
  topic: 'locks',
  title: 'GC pause, fenced: the storage refuses the stale token',
  description: 'The same pause as gc-pause-fencing, but the storage checks fencing tokens: once it has seen c2’s token 2 it refuses anything older, so c1’s late write with token 1 is turned away.',
  watchFor: 'storage.fence when c2 enters with token 2 (c1’s open section can no longer write), then storage.reject for c1’s write with token 1 at about 3.3 s. Both monitors stay green: the lock failed, the resource did not.',
  tryThis: [
    'Turn fencing off on the storage: back to two writers and a stale write accepted.',
    'Make the pause longer than the whole of c2’s section: c1’s write still comes with token 1 and is still refused.',
  ],
  scenario: gcPause(true),
};
