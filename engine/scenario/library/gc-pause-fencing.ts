import { defineGuide } from '../guide';
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
      // The fenced run keeps its token counter on disk: fencing tokens must never go backwards,
      // and a Redis without persistence restarts its INCR at 1 (a fault hunt finds that at once).
      { id: 'redis', type: 'redis', label: 'redis', position: { x: 420, y: 60 }, params: fenced ? { appendonly: true } : {} },
      { id: 'storage', type: 'storage', label: 'storage', position: { x: 420, y: 300 }, params: { fencing: fenced } },
    ],
    edges: [link('c1', 'redis'), link('c2', 'redis'), link('c1', 'storage'), link('c2', 'storage')],
    monitors: ['mutual-exclusion', 'fencing-order'],
    interventions: [{ at: 300, kind: 'pause', node: 'c1', durationMs: 3000 }],
    playback: { startMs: 0, speed: 0.5, untilMs: 5000 },
  };
}

/** The moments of both runs; the fenced one ends with the storage refusing c1. */
function pauseGuide(fenced: boolean) {
  const shared = [
    { id: 'granted', on: { type: 'lock.acquire', node: 'c1' } },
    { id: 'enter', on: { type: 'storage.enter', fields: { client: 'c1' } } },
    { id: 'pause', on: { type: 'fault.pause', node: 'c1' } },
    { id: 'waits', on: { type: 'lock.wait', node: 'c2' } },
    { id: 'expired', on: { type: 'redis.expire', node: 'redis', fields: { keys: 'lock:file' } } },
    { id: 'second', on: { type: 'lock.acquire', node: 'c2' } },
  ] as const;
  const text = {
    granted: 'c1 takes the lock on redis: fencing token 1 and a 2 s lease.',
    enter: 'c1 starts its work on the storage (its critical section), carrying token 1.',
    pause: 'A 3 s stop-the-world GC pause freezes c1 mid-work. Its lease on redis keeps running down.',
    waits: 'c2 asks for the lock and is told it is taken; it will poll again every 200 ms.',
    expired: 'The lease runs out on redis and the key is deleted, while c1, frozen, still believes it holds the lock.',
    second: 'c2’s next poll gets the lock, with token 2.',
  };
  if (fenced) {
    return defineGuide(
      [
        ...shared,
        { id: 'fence', on: { type: 'storage.fence' } },
        { id: 'resume', on: { type: 'fault.resume', node: 'c1' } },
        { id: 'refused', on: { type: 'storage.reject', fields: { client: 'c1' } } },
      ],
      {
        en: {
          ...text,
          fence: 'The storage sees token 2 and fences off c1’s open section: nothing older than 2 gets in from now on.',
          resume: 'c1 wakes up, unaware that 3 s passed, and sends its write with token 1.',
          refused: 'The storage refuses c1’s token 1. The lock failed; the resource did not.',
        },
      },
    );
  }
  return defineGuide(
    [
      ...shared,
      { id: 'two', on: { type: 'invariant.violation', fields: { monitor: 'mutual-exclusion' } }, focus: 'c2' },
      { id: 'resume', on: { type: 'fault.resume', node: 'c1' } },
      { id: 'stale', on: { type: 'storage.write', fields: { client: 'c1' } }, focus: 'storage' },
    ],
    {
      en: {
        ...text,
        two: 'c2 enters while c1’s section is still open: two holders at once (mutual-exclusion broken).',
        resume: 'c1 wakes up, unaware that 3 s passed, and finishes its work as if it still held the lock.',
        stale: 'c1’s write with token 1 lands after token 2, and the storage takes it: it checks no tokens (fencing-order broken).',
      },
    },
  );
}

export const gcPauseFencing: BuiltinScenario = {
  id: 'gc-pause-fencing',
  topic: 'locks',
  title: 'GC pause: a paused holder writes after its lease ran out',
  description: 'c1 holds a 2 s Redis lease (fencing token 1) when a 3 s stop-the-world pause freezes it. The lease expires, c2 gets the lock (token 2) and works; c1 wakes up, still sure it holds the lock, and writes. The storage checks no tokens and takes both.',
  watchFor: 'At about 2.2 s c2 enters while c1’s section is still open (mutual-exclusion: c1’s lease expired while it was frozen). At 3.3 s c1 resumes and its write with token 1 lands after c2’s token 2 (fencing-order). No lock with a lease can prevent this; only the resource can.',
  tryThis: [
    { text: 'Open gc-pause-fencing-safe, or set the storage’s fencing to true: c2’s token 2 fences c1 off and c1’s late write is refused.', change: { params: { storage: { fencing: true } } } },
    { text: 'Turn on c1’s watchdog: it does not help — the watchdog is paused along with the rest of c1.', change: { program: { c1: { watchdog: true } } } },
    { text: 'Shorten the pause to 1500 ms: the lease outlives it and nothing goes wrong.', change: { interventions: [{ at: 300, kind: 'pause', node: 'c1', durationMs: 1500 }] } },
  ],
  guide: pauseGuide(false),
  scenario: gcPause(false),
};

export const gcPauseFencingSafe: BuiltinScenario = {
  id: 'gc-pause-fencing-safe',
  topic: 'locks',
  title: 'GC pause, fenced: the storage refuses the stale token',
  description: 'The same pause as gc-pause-fencing, but the storage checks fencing tokens: once it has seen c2’s token 2 it refuses anything older, so c1’s late write with token 1 is turned away. The tokens come from INCR on redis, which here writes every command to disk (appendonly): a token must never be handed out twice, not even after a restart.',
  watchFor: 'storage.fence when c2 enters with token 2 (c1’s open section can no longer write), then storage.reject for c1’s write with token 1 at about 3.3 s. Both monitors stay green: the lock failed, the resource did not.',
  tryThis: [
    { text: 'Turn fencing off on the storage: back to two writers and a stale write accepted.', change: { params: { storage: { fencing: false } } } },
    { text: 'Make the pause longer than the whole of c2’s section: c1’s write still comes with token 1 and is still refused.', change: { interventions: [{ at: 300, kind: 'pause', node: 'c1', durationMs: 4000 }] } },
    {
      text: 'Turn redis’s appendonly off and crash redis for 50 ms while c1 holds the lock: the restarted redis has forgotten the lock and the counter, c2 gets token 1 again, and fencing lets it in beside c1 (what the Hunt found).',
      change: { params: { redis: { appendonly: false } }, interventions: [{ at: 300, kind: 'pause', node: 'c1', durationMs: 3000 }, { at: 100, kind: 'crash', node: 'redis' }, { at: 150, kind: 'restart', node: 'redis' }] },
    },
  ],
  guide: pauseGuide(true),
  scenario: gcPause(true),
};
