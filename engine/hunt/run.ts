import type { FirstViolation } from '../core/simulation';
import { buildSimulation } from '../scenario/build';
import type { Scenario } from '../scenario/schema';
import { toInterventions, type Schedule } from './schedule';

/** What one run of a schedule came to: the first violation, or null; and the events it took. */
export interface RunOutcome {
  violation: FirstViolation | null;
  events: number;
}

/** Virtual time run between two looks at the monitors: small enough to stop soon after a violation. */
const SLICE_MS = 100;

/**
 * The scenario a schedule turns `s` into: its own interventions (the failure its author chose)
 * replaced by the schedule's faults, marked as added by the user, and the schedule's seed.
 */
export function scenarioWithSchedule(s: Scenario, schedule: Schedule): Scenario {
  return { ...s, seed: schedule.seed, interventions: toInterventions(s, schedule.faults).map((iv) => ({ ...iv, by: 'user' as const })) };
}

/**
 * Plays `schedule` on `s` without a trace, up to its playback end, and stops at the first
 * invariant violation. The scenario's behaviour must be loaded (see buildSimulation).
 */
export function runSchedule(s: Scenario, schedule: Schedule): RunOutcome {
  const sim = buildSimulation(scenarioWithSchedule(s, schedule), { record: false, snapshotEvery: 0 });
  const until = s.playback.untilMs;
  for (let t = Math.min(SLICE_MS, until); ; t = Math.min(t + SLICE_MS, until)) {
    sim.runUntil(t);
    if (sim.firstViolation || t >= until) break;
  }
  return { violation: sim.firstViolation, events: sim.steps };
}
