import type { RedisReply } from '../../engine/clients/redis/protocol';
import { modelRun, type ModelRun } from './model-side';
import { ask, PORTS, RealCluster, SETUP } from './real';

// Redis Sentinel against the model: one real run (redis-server primary and replica, three
// redis-sentinel processes on loopback, the primary SIGKILLed, then restarted) and 20 model runs
// of the same setup with the crash and the restart at different phases of the sentinels' timers.
// The lookups, roles and outcome must match; the real failover and demotion times must fall in
// the model's window, widened by TOLERANCE_MS.

/**
 * Slack around the model's window (ms). Both sides are polled every 10 ms; the real sentinels'
 * timer runs every 1000/hz ms with hz drawn from 10..19 on every run, which the model draws too,
 * but 20 runs need not hit the extreme phases of each of the few timer-gated steps (SDOWN check,
 * ODOWN, election, replica selection, SLAVEOF, INFO of the promoted replica): up to 100 ms each,
 * of which we allow three, plus the polling.
 */
export const TOLERANCE_MS = 300;
const RUNS = 20;

interface Check {
  what: string;
  ok: boolean;
  detail: string;
}

const addr = (r: RedisReply | { failed: string }) => (Array.isArray(r) ? r.map(String).join(':') : JSON.stringify(r));
const range = (xs: number[]) => [Math.min(...xs), Math.max(...xs)] as const;

/** The real run: times in ms after the kill (switches) and after the restart (demotion). */
async function realRun(): Promise<{ before: string[]; after: string[]; switched: number[]; replicaRole: RedisReply | { failed: string }; demoted: number; demotedRole: RedisReply | { failed: string } }> {
  const c = await RealCluster.start();
  try {
    const lookup = () => Promise.all(PORTS.sentinels.map((p) => ask(p, ['SENTINEL', 'get-master-addr-by-name', SETUP.masterName])));
    const before = (await lookup()).map(addr);
    const killedAt = await c.kill('primary');
    const switched: (number | null)[] = PORTS.sentinels.map(() => null);
    await c.until('every sentinel to name the replica', 30_000, async () => {
      const now = (await lookup()).map(addr);
      now.forEach((a, i) => {
        if (switched[i] === null && a === `127.0.0.1:${PORTS.replica}`) switched[i] = performance.now() - killedAt;
      });
      return switched.every((x) => x !== null);
    });
    const after = (await lookup()).map(addr);
    const replicaRole = await ask(PORTS.replica, ['ROLE']);
    const back = performance.now();
    await c.startServer('primary-again', PORTS.primary);
    const demotedAt = await c
      .until('the old primary to become a replica', 40_000, async () => {
        const r = await ask(PORTS.primary, ['ROLE']);
        return Array.isArray(r) && r[0] === 'slave';
      })
      .catch(async (e: unknown) => {
        // Say whether the sentinels were in TILT mode (a timer call late by 2 s or more, as on a
        // stalled machine, makes a sentinel act on nothing for 30 s).
        const tilt = await Promise.all(PORTS.sentinels.map(async (p) => /sentinel_tilt:1/.test(String(await ask(p, ['INFO', 'sentinel'])))));
        throw new Error(`${e instanceof Error ? e.message : String(e)} (sentinels in TILT mode: ${tilt.filter(Boolean).length} of ${tilt.length})`);
      });
    return { before, after, switched: switched as number[], replicaRole, demoted: demotedAt - back, demotedRole: await ask(PORTS.primary, ['ROLE']) };
  } finally {
    await c.stop();
  }
}

/** Runs the check; prints one line per comparison. */
export async function runSentinelSuite(): Promise<{ passed: number; failed: number }> {
  const started = performance.now();
  // A real cluster on a shared machine can stall; one more run tells a stall from a difference.
  const real = await realRun().catch((e: unknown) => {
    if (!(e instanceof Error) || !e.message.includes('timed out')) throw e;
    console.log(`sentinel: the real run ${e.message}; running it once more`);
    return realRun();
  });
  const model: ModelRun[] = [];
  // The crash and the restart at different phases of the timers, as a real kill lands anywhere.
  for (let seed = 1; seed <= RUNS; seed++) model.push(modelRun(seed, 8000 + ((seed * 137) % 1000), 2500 + ((seed * 293) % 1000)));
  const primaryAddr = `127.0.0.1:${PORTS.primary}`;
  const replicaAddr = `127.0.0.1:${PORTS.replica}`;
  const [fMin, fMax] = range(model.map((m) => Math.max(...m.switched)));
  const [dMin, dMax] = range(model.map((m) => m.demoted));
  const realFailover = Math.max(...real.switched);
  const checks: Check[] = [
    {
      what: 'get-master-addr-by-name before the failover names the primary',
      ok: real.before.every((a) => a === primaryAddr) && model.every((m) => m.before.every((p) => p === 'primary')),
      detail: `real ${real.before.join(', ')}; model ${[...new Set(model.flatMap((m) => m.before))].join(', ')}`,
    },
    {
      what: 'get-master-addr-by-name after the failover names the replica',
      ok: real.after.every((a) => a === replicaAddr) && model.every((m) => m.switched.every((t) => Number.isFinite(t))),
      detail: `real ${real.after.join(', ')}; model: every sentinel names the replica in ${model.filter((m) => m.switched.every(Number.isFinite)).length} of ${RUNS} runs`,
    },
    {
      what: 'the replica is a primary after the failover',
      ok: Array.isArray(real.replicaRole) && real.replicaRole[0] === 'master' && model.every((m) => m.replicaRole === 'primary'),
      detail: `real ROLE ${JSON.stringify(real.replicaRole)}; model ${[...new Set(model.map((m) => m.replicaRole))].join(', ')}`,
    },
    {
      what: `failover time (kill to every sentinel naming the replica) within the model's window ± ${TOLERANCE_MS} ms`,
      ok: realFailover >= fMin - TOLERANCE_MS && realFailover <= fMax + TOLERANCE_MS,
      detail: `real ${Math.round(realFailover)} ms (per sentinel ${real.switched.map(Math.round).join(', ')}); model ${fMin}-${fMax} ms over ${RUNS} runs`,
    },
    {
      what: 'the restarted old primary becomes a replica of the new one',
      ok: Array.isArray(real.demotedRole) && real.demotedRole[0] === 'slave' && String(real.demotedRole[2]) === String(PORTS.replica) && model.every((m) => m.demotedTo === 'replica'),
      detail: `real ROLE ${JSON.stringify(real.demotedRole)}; model replica of ${[...new Set(model.map((m) => m.demotedTo))].join(', ')}`,
    },
    {
      what: `demotion time (restart to REPLICAOF) within the model's window ± ${TOLERANCE_MS} ms`,
      ok: real.demoted >= dMin - TOLERANCE_MS && real.demoted <= dMax + TOLERANCE_MS,
      detail: `real ${Math.round(real.demoted)} ms; model ${dMin}-${dMax} ms over ${RUNS} runs (sentinel.c: INFO every 10 s, 8 s claiming to be a primary)`,
    },
  ];
  for (const c of checks) console.log(`sentinel: ${c.ok ? 'ok  ' : 'FAIL'} ${c.what}: ${c.detail}`);
  console.log(`sentinel: down-after ${SETUP.downAfterMs} ms, quorum ${SETUP.quorum}, failover-timeout ${SETUP.failoverTimeoutMs} ms; took ${Math.round((performance.now() - started) / 100) / 10} s`);
  const failed = checks.filter((c) => !c.ok).length;
  return { passed: checks.length - failed, failed };
}
