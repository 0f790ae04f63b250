import { clientNode, link } from './lock-helpers';
import type { BuiltinScenario } from './types';

// Redlock over five independent Redis masters (the Redis docs' "Distributed Locks with Redis"),
// with node-redlock's client: its strength (a master crash does not lose the lock) and the two
// ways it is known to break — a master that restarts without the key (antirez's own crash-
// recovery section) and a holder that pauses past its validity (Kleppmann, "How to do
// distributed locking", 2016).

const MASTERS = ['m1', 'm2', 'm3', 'm4', 'm5'] as const;

/** The five masters in one column, top to bottom; `params` for each. */
function masters(params: Record<string, unknown> = {}) {
  return MASTERS.map((id, k) => ({ id, type: 'redis', label: id, position: { x: 420, y: k * 150 }, params }));
}

const program = (over: Record<string, unknown>) => ({
  kind: 'redlock',
  masters: [...MASTERS],
  storage: 'storage',
  lockKey: 'lock:report',
  // A timeout small next to the TTL, as the docs advise, and above a LAN round trip (20-40 ms).
  timeoutMs: 100,
  rounds: 1,
  ...over,
});

const storage = { id: 'storage', type: 'storage', label: 'storage', position: { x: 820, y: 300 }, params: {} };

function edges(clients: readonly string[]) {
  return clients.flatMap((c) => [...MASTERS.map((m) => link(c, m)), link(c, 'storage')]);
}

export const redlock: BuiltinScenario = {
  id: 'redlock',
  topic: 'locks',
  title: 'Redlock: a majority of five masters, one of them crashed',
  description:
    'Three clients want the same lock at the same moment and ask five independent Redis masters for it with node-redlock’s algorithm: SET NX PX on all five at once, the lock is theirs with 3 of 5 and a positive validity (TTL − elapsed − drift), otherwise they unlock everywhere and retry after a random 100–300 ms. m2 crashes at 300 ms and stays down: the holder still has a majority, and the others still reach one without it. (A master that comes back empty before the TTL has run out is another story, and the fault hunt finds it within a few hundred runs: see redlock-restart-without-persistence.)',
  watchFor:
    'At the start the three split the votes (each card ticks the masters that granted it); whoever has no majority unlocks all five and retries after its random delay. The holder’s card lists its masters and drains its validity (2000 − elapsed − 22 ms drift). After m2 goes down its votes count against (its connection is refused), yet every later client still gets 3 or 4 of 5, and the mutual-exclusion monitor stays green.',
  tryThis: [
    { text: 'Crash a second master as well (m4, from its fault menu): three are left, all three must grant, and they do; the lock is still never held twice.', change: { add: [{ at: 1000, kind: 'crash', node: 'm4' }] } },
    {
      text: 'Start with three masters down (m2, m4, m5): two cannot make a majority of five, so every attempt ends in “no majority”, the clients unlock, retry and give up — Redlock stops granting rather than grant twice.',
      change: { interventions: [{ at: 0, kind: 'crash', node: 'm2' }, { at: 0, kind: 'crash', node: 'm4' }, { at: 0, kind: 'crash', node: 'm5' }] },
    },
    { text: 'Give c2 1950 ms of work: more than any validity it can get (2000 − elapsed − 22 ms drift), so it lets every majority go, retries, and gives up after 11 attempts.', change: { program: { c2: { holdMs: 1950 } } } },
  ],
  scenario: {
    version: 1,
    id: 'redlock',
    title: 'Redlock: a majority of five masters, one of them crashed',
    seed: 5,
    nodes: [
      clientNode('c1', 0, 100, program({ ttlMs: 2000, holdMs: 500 })),
      clientNode('c2', 0, 300, program({ ttlMs: 2000, holdMs: 500 })),
      clientNode('c3', 0, 500, program({ ttlMs: 2000, holdMs: 500 })),
      ...masters(),
      storage,
    ],
    edges: edges(['c1', 'c2', 'c3']),
    monitors: ['mutual-exclusion'],
    interventions: [{ at: 300, kind: 'crash', node: 'm2' }],
    playback: { startMs: 0, speed: 0.5, untilMs: 4000 },
  },
};

function restartScenario(id: string, title: string, masterParams: Record<string, unknown>): BuiltinScenario['scenario'] {
  return {
    version: 1,
    id,
    title,
    seed: 3,
    nodes: [clientNode('c1', 0, 150, program({ ttlMs: 3000, holdMs: 2000 })), clientNode('c2', 0, 450, program({ ttlMs: 3000, holdMs: 500, startDelayMs: 600 })), ...masters(masterParams), storage],
    edges: edges(['c1', 'c2']),
    monitors: ['mutual-exclusion'],
    interventions: [
      // c1 cannot reach m4 and m5: it locks with the bare majority m1, m2, m3.
      { at: 0, kind: 'partition', edge: 'c1-m4' },
      { at: 0, kind: 'partition', edge: 'c1-m5' },
      { at: 300, kind: 'crash', node: 'm3' },
      { at: 400, kind: 'restart', node: 'm3' },
    ],
    playback: { startMs: 0, speed: 0.5, untilMs: 4000 },
  };
}

export const redlockRestartWithoutPersistence: BuiltinScenario = {
  id: 'redlock-restart-without-persistence',
  topic: 'locks',
  title: 'Redlock: a master restarts without the lock',
  description:
    'c1 cannot reach m4 and m5, so it locks with the bare majority m1, m2, m3. m3 crashes at 300 ms and restarts 100 ms later with an empty keyspace (no persistence, Redis’s default). c2 asks at 600 ms: m1 and m2 refuse, but m3, m4 and m5 grant — a second majority while c1 is still working. The case the Redis docs describe under “Performance, crash recovery and fsync”.',
  watchFor:
    'c1’s card shows m1 m2 m3 of 5 after its requests to m4 and m5 time out. m3’s card loses the key at the crash. At about 0.65 s c2’s card ticks m3, m4, m5 and the mutual-exclusion monitor flags c2 entering during c1’s section, naming m3’s crash.',
  tryThis: [
    { text: 'Turn on appendonly (appendfsync always) on every master: m3 reloads c1’s key, c2 gets only m4 and m5, unlocks and retries until c1 has let go.', change: { params: { m1: { appendonly: true }, m2: { appendonly: true }, m3: { appendonly: true }, m4: { appendonly: true }, m5: { appendonly: true } } } },
    {
      text: 'Now try appendfsync everysec on m3 (Redis’s default when appendonly is on): c1’s SET came in the same second m3 opened its file, so the fsync was still pending at the crash — m3 comes back without the key and c2 wins again.',
      change: { params: { m3: { appendonly: true, appendfsync: 'everysec' } } },
    },
    {
      text: 'antirez’s “delayed restart”: keep m3 down longer than the 3 s TTL (restart at 3400 ms). Without m3, c2 reaches only m4 and m5 until c1 unlocks; no persistence needed, at the price of m3’s availability.',
      change: { interventions: [{ at: 0, kind: 'partition', edge: 'c1-m4' }, { at: 0, kind: 'partition', edge: 'c1-m5' }, { at: 300, kind: 'crash', node: 'm3' }, { at: 3400, kind: 'restart', node: 'm3' }] },
    },
  ],
  scenario: restartScenario('redlock-restart-without-persistence', 'Redlock: a master restarts without the lock', {}),
};

export const redlockGcPause: BuiltinScenario = {
  id: 'redlock-gc-pause',
  topic: 'locks',
  title: 'Redlock: a GC pause outlives the validity',
  description:
    'c1 holds the lock on all five masters with about 1.95 s of validity and 1 s of work: it checked that the work fits. A 3 s stop-the-world pause at 300 ms freezes it mid-work. The keys expire on every master, c2 gets a majority at about 2.05 s and works; c1 wakes at 3.3 s and writes, and the storage, which sees no token, takes it. Kleppmann’s argument against Redlock.',
  watchFor:
    'c1’s validity bar drains to “expired” while it is frozen. c2’s attempts are refused on all five until the keys expire (about 2.05 s), then it holds all five. The mutual-exclusion monitor flags c2 entering during c1’s section. At 3.3 s c1’s write lands anyway: no check c1 could make before writing closes the gap between the check and the write.',
  tryThis: [
    {
      text: 'Turn on the storage’s fencing: nothing changes. Redlock hands out no fencing token — its value is random, not a number that grows — so the storage has nothing to compare and takes c1’s write. A lock service with a monotonic token (ZooKeeper’s zxid, an INCR on one Redis) is what fencing needs.',
      change: { params: { storage: { fencing: true } } },
    },
    { text: 'Shorten the pause to 800 ms: c1 finishes its work within its validity and c2 waits its turn.', change: { interventions: [{ at: 300, kind: 'pause', node: 'c1', durationMs: 800 }] } },
    { text: 'Compare gc-pause-fencing-safe: a single Redis with INCR tokens, where the storage does refuse the late write.' },
  ],
  scenario: {
    version: 1,
    id: 'redlock-gc-pause',
    title: 'Redlock: a GC pause outlives the validity',
    seed: 4,
    nodes: [clientNode('c1', 0, 150, program({ ttlMs: 2000, holdMs: 1000 })), clientNode('c2', 0, 450, program({ ttlMs: 2000, holdMs: 500, startDelayMs: 600 })), ...masters(), storage],
    edges: edges(['c1', 'c2']),
    monitors: ['mutual-exclusion'],
    interventions: [{ at: 300, kind: 'pause', node: 'c1', durationMs: 3000 }],
    playback: { startMs: 0, speed: 0.5, untilMs: 4500 },
  },
};
