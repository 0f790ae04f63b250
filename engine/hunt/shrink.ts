import type { FirstViolation } from '../core/simulation';
import type { Scenario } from '../scenario/schema';
import { runSchedule } from './run';
import { MIN_DURATION_MS, TIME_STEP_MS, type HuntFault, type Schedule } from './schedule';

/** A schedule that still fails, the violation it ends in, and how many runs shrinking took. */
export interface Shrunk {
  schedule: Schedule;
  violation: FirstViolation;
  tries: number;
}

/** The numeric fields shrinking lowers, each toward its floor, in the order it tries them. */
type Field = 'durationMs' | 'deltaMs' | 'loss' | 'extraLatencyMs' | 'at';

const FLOORS: Record<Field, number> = { durationMs: MIN_DURATION_MS, deltaMs: 0, loss: 0.01, extraLatencyMs: TIME_STEP_MS, at: 0 };

function fieldsOf(f: HuntFault): Field[] {
  switch (f.kind) {
    case 'skew':
      return ['deltaMs', 'at'];
    case 'loss':
      return ['durationMs', 'loss', 'at'];
    case 'delay':
      return ['durationMs', 'extraLatencyMs', 'at'];
    default:
      return ['durationMs', 'at'];
  }
}

/**
 * Smaller values to try for a field, nearest the floor first, as fast-check shrinks an integer:
 * the floor, then halfway, then ever closer to the current value. Times stay on the 10 ms grid.
 */
function candidates(field: Field, value: number): number[] {
  const sign = value < 0 ? -1 : 1;
  const cur = Math.abs(value);
  const floor = FLOORS[field];
  if (cur <= floor) return [];
  const grid = field === 'loss' ? 0.01 : TIME_STEP_MS;
  const snap = (x: number) => Math.round(x / grid) * grid;
  const out: number[] = [];
  for (let gap = cur - floor; gap >= grid / 2; gap /= 2) {
    const v = Math.max(floor, snap(cur - gap));
    if (v < cur && !out.includes(v)) out.push(v);
  }
  return out.map((v) => (field === 'loss' ? Math.round(v * 100) / 100 : v) * sign);
}

/**
 * Shrinks a failing schedule to a smaller one that still fails: first fewer faults (each one
 * dropped in turn), then, fault by fault, shorter durations, smaller clock jumps, lower loss
 * and extra latency, and earlier starts; over again until nothing gets smaller or `maxTries`
 * runs were spent. Deterministic: no randomness, every candidate is a run of the engine with
 * the schedule's own seed. Every schedule returned was run and failed.
 */
export function shrink(s: Scenario, failing: Schedule, violation: FirstViolation, maxTries = 2000): Shrunk {
  let best: Schedule = { seed: failing.seed, faults: failing.faults.map((f) => ({ ...f })) };
  let bestViolation = violation;
  let tries = 0;
  const fails = (faults: HuntFault[]): boolean => {
    if (tries >= maxTries) return false;
    tries++;
    const candidate = { seed: best.seed, faults };
    const out = runSchedule(s, candidate);
    if (!out.violation) return false;
    best = candidate;
    bestViolation = out.violation;
    return true;
  };
  let changed = true;
  while (changed && tries < maxTries) {
    changed = false;
    for (let i = 0; i < best.faults.length; i++) {
      if (fails(best.faults.filter((_, j) => j !== i))) {
        changed = true;
        i--;
      }
    }
    for (let i = 0; i < best.faults.length; i++) {
      for (const field of fieldsOf(best.faults[i])) {
        const value = (best.faults[i] as unknown as Record<Field, number>)[field];
        for (const v of candidates(field, value)) {
          if (fails(best.faults.map((f, j) => (j === i ? { ...f, [field]: v } : f)))) {
            changed = true;
            break;
          }
        }
      }
    }
  }
  // Kept in the order it was run: reordering faults that share a time could change the run.
  return { schedule: best, violation: bestViolation, tries };
}
