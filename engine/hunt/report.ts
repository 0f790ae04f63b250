import { inEnglish } from '../i18n/english';
import type { Scenario } from '../scenario/schema';
import { shareHash } from '../scenario/share';
import type { HuntConfig } from './coordinator';
import type { HuntResult } from './hunt';
import { scenarioWithSchedule } from './run';
import { describeDistribution, describeFault, scheduleFor } from './schedule';

/** The opened run of a shrunk failure: the scenario with its faults, and the cursor on the violation. */
export function shrunkRun(s: Scenario, result: HuntResult): { scenario: Scenario; t: number } | null {
  if (!result.shrunk) return null;
  // The trace's time of the violation, to the millisecond above it: the cursor at t shows every event up to t.
  return { scenario: scenarioWithSchedule(s, result.shrunk.schedule), t: Math.ceil(result.shrunk.violation.t) };
}

/**
 * A hunt's outcome for people (text) and programs (json): what was tried, the first failure and
 * its shrunk schedule, and a link that opens it. `elapsedMs` and `workers` come from the host,
 * which owns the clock.
 */
export function huntReport(s: Scenario, config: HuntConfig, r: HuntResult, host: { elapsedMs: number; workers: number; base: string }) {
  const cov = r.coverage;
  const perSecond = host.elapsedMs > 0 ? Math.round((cov.runs / host.elapsedMs) * 1000) : 0;
  const opened = shrunkRun(s, r);
  const link = opened ? `${host.base}#${shareHash(opened.scenario, opened.t)}` : null;
  const kinds = Object.entries(cov.byKind).map(([k, n]) => `${k} ${n}`).join(', ') || 'none';
  const lines = [
    `${s.id ?? s.title}: hunt seed ${config.seed}, ${host.workers} worker${host.workers === 1 ? '' : 's'}, ${Math.round(host.elapsedMs)} ms (${perSecond} runs/s)`,
    'distribution:',
    ...describeDistribution(config.distribution, s.playback.untilMs).map((l) => `  ${inEnglish(l)}`),
  ];
  if (r.failure && r.shrunk) {
    const original = scheduleFor(s, config.distribution, config.seed, r.failure.index);
    lines.push(
      `VIOLATION in run ${r.failure.index + 1} of ${config.runs} (${cov.runs} runs, ${cov.faults} faults tried): ${r.failure.violation.monitor}`,
      `  its schedule (${original.faults.length} fault${original.faults.length === 1 ? '' : 's'}, seed ${original.seed}):`,
      ...original.faults.map((f) => `    ${inEnglish(describeFault(f))}`),
      `shrunk in ${r.shrunk.tries} runs to ${r.shrunk.schedule.faults.length === 0 ? 'no fault at all' : `${r.shrunk.schedule.faults.length} fault${r.shrunk.schedule.faults.length === 1 ? '' : 's'}`}:`,
      ...r.shrunk.schedule.faults.map((f) => `    ${inEnglish(describeFault(f))}`),
      `  ${r.shrunk.violation.monitor} at ${Math.round(r.shrunk.violation.t)} ms: ${inEnglish(r.shrunk.violation.message)}`,
      `open it: ${link}`,
    );
  } else {
    lines.push(
      `${r.complete ? '' : 'STOPPED EARLY (budget): '}${cov.runs} runs, ${cov.faults} faults tried, no violation`,
      `  faults by kind: ${kinds}`,
      `  runs by number of faults: ${cov.runsWithFaults.flatMap((n, i) => (n > 0 ? [`${i}: ${n}`] : [])).join(', ')}`,
    );
  }
  const json = {
    scenario: s.id ?? s.title,
    seed: config.seed,
    runsAsked: config.runs,
    distribution: config.distribution,
    workers: host.workers,
    elapsedMs: Math.round(host.elapsedMs),
    runsPerSecond: perSecond,
    complete: r.complete,
    coverage: cov,
    failure: r.failure,
    shrunk: r.shrunk,
    link,
  };
  return { text: lines.join('\n'), json };
}
