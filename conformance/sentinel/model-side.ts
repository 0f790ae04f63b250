import '../../engine/registry/register-all';
import { buildSimulation } from '../../engine/scenario/build';
import { parseScenario } from '../../engine/scenario/parse';
import type { RedisState } from '../../engine/models/redis/state';
import type { SentinelState } from '../../engine/models/sentinel/state';
import { sentinelView } from '../../engine/models/sentinel/view';
import { SETUP } from './real';

// The model side of the Sentinel check: the same setup (a primary, a replica, three sentinels
// with the real run's parameters) on loopback-like links, the primary crashed and later
// restarted, sampled every 10 ms as the real side is polled.

const SENTINELS = ['s1', 's2', 's3'];
/** Loopback: a tenth of a millisecond each way. */
const LOOPBACK = { latency: { kind: 'fixed', ms: 0.1 } };
/** How often both sides look (ms). */
export const POLL_MS = 10;

/** What one model run shows, in ms after the crash (switches) or after the restart (demotion). */
export interface ModelRun {
  seed: number;
  /** What each sentinel names as the primary before the crash. */
  before: string[];
  /** When each sentinel first names the replica. */
  switched: number[];
  /** The replica's role at the end of the failover. */
  replicaRole: string;
  /** When the restarted old primary is a replica of the new one, after its restart. */
  demoted: number;
  demotedTo: string | null;
}

function scenario(seed: number): unknown {
  const ids = ['primary', 'replica', ...SENTINELS];
  const edges = ids.flatMap((a, i) => ids.slice(i + 1).map((b) => ({ id: `${a}-${b}`, source: a, target: b, params: LOOPBACK })));
  return {
    version: 1,
    id: 'sentinel-conformance',
    title: 'Sentinel conformance',
    seed,
    nodes: [
      { id: 'primary', type: 'redis', params: {} },
      { id: 'replica', type: 'redis', params: { replicaOf: 'primary' } },
      ...SENTINELS.map((id) => ({
        id,
        type: 'sentinel',
        params: { masterName: SETUP.masterName, monitor: 'primary', quorum: SETUP.quorum, downAfterMs: SETUP.downAfterMs, failoverTimeoutMs: SETUP.failoverTimeoutMs, parallelSyncs: SETUP.parallelSyncs },
      })),
    ],
    edges,
    playback: { untilMs: 120_000 },
  };
}

/**
 * One run: the primary crashes at `crashAt` (a different phase of the sentinels' timers for
 * each seed), restarts `restartAfter` ms later; the views are read every 10 ms.
 */
export function modelRun(seed: number, crashAt: number, restartAfter: number): ModelRun {
  const parsed = parseScenario(scenario(seed));
  if (!parsed.ok) throw new Error(`sentinel conformance scenario: ${parsed.errors.join('; ')}`);
  const sim = buildSimulation(parsed.scenario, { snapshotEvery: 0 });
  const view = (id: string) => sentinelView(sim.node(id).state as SentinelState);
  sim.runUntil(crashAt - 1);
  const before = SENTINELS.map((id) => view(id).primary);
  sim.intervene({ at: crashAt, kind: 'crash', node: 'primary' });
  sim.intervene({ at: crashAt + restartAfter, kind: 'restart', node: 'primary' });
  const switched: (number | null)[] = SENTINELS.map(() => null);
  let t = crashAt;
  while (switched.some((x) => x === null) && t < crashAt + 60_000) {
    t += POLL_MS;
    sim.runUntil(t);
    SENTINELS.forEach((id, i) => {
      if (switched[i] === null && view(id).primary === 'replica') switched[i] = t - crashAt;
    });
  }
  const replicaRole = (sim.node('replica').state as RedisState).role;
  const back = crashAt + restartAfter;
  if (t < back) sim.runUntil((t = back));
  let demoted = NaN;
  while (t < back + 60_000) {
    t += POLL_MS;
    sim.runUntil(t);
    const p = sim.node('primary').state as RedisState;
    if (p.role === 'replica') {
      demoted = t - back;
      break;
    }
  }
  const p = sim.node('primary').state as RedisState;
  return { seed, before, switched: switched.map((x) => x ?? NaN), replicaRole, demoted, demotedTo: p.role === 'replica' ? p.primary : null };
}
