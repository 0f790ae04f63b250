import type { Scenario } from '../scenario/schema';
import { HuntCoordinator, runChunk, type HuntConfig, type HuntStatus } from './coordinator';
import { scheduleFor } from './schedule';
import { shrink, type Shrunk } from './shrink';

/** A finished hunt: where it stopped, and the first failure shrunk (null when nothing broke). */
export interface HuntResult extends HuntStatus {
  shrunk: Shrunk | null;
}

/**
 * A whole hunt in this thread, chunk by chunk (tests, and a one-worker run without threads):
 * the same result a pool of workers gets from the same config. `shouldStop` is polled between
 * runs (a budget or a cancel: the result then covers the runs done).
 */
export function huntInProcess(s: Scenario, config: HuntConfig, shouldStop: () => boolean = () => false): HuntResult {
  const c = new HuntCoordinator(s, config);
  for (let chunk = c.next(); chunk; chunk = c.next()) {
    c.report(runChunk(s, config, chunk, shouldStop));
    if (shouldStop()) c.cancel();
  }
  return finishHunt(s, config, c.status());
}

/** Shrinks a hunt's first failure, if it found one. */
export function finishHunt(s: Scenario, config: HuntConfig, status: HuntStatus): HuntResult {
  if (!status.failure) return { ...status, shrunk: null };
  const failing = scheduleFor(s, config.distribution, config.seed, status.failure.index);
  return { ...status, shrunk: shrink(s, failing, status.failure.violation) };
}
