import { describe, expect, it } from 'vitest';
import { scenarioOf } from '../testing/scenario';
import { parseScenario } from '../scenario/parse';
import { HuntCoordinator, runChunk, type HuntConfig } from './coordinator';
import { finishHunt, huntInProcess } from './hunt';
import { runSchedule, scenarioWithSchedule } from './run';
import { DEFAULT_DISTRIBUTION, scheduleFor, toInterventions, type Schedule } from './schedule';
import { shrink } from './shrink';

const config = (runs: number, seed = 1): HuntConfig => ({ runs, seed, distribution: DEFAULT_DISTRIBUTION });

/**
 * A pool of `workers` driving the coordinator, finishing their chunks in an order unlike the
 * one they were handed out in (the last handed out reports first), as real threads may.
 */
function huntWithWorkers(id: string, cfg: HuntConfig, workers: number) {
  const s = scenarioOf(id);
  const c = new HuntCoordinator(s, cfg, 7);
  const busy: ReturnType<typeof c.next>[] = [];
  for (;;) {
    while (busy.length < workers) {
      const chunk = c.next();
      if (!chunk) break;
      busy.push(chunk);
    }
    const chunk = busy.pop();
    if (!chunk) break;
    c.report(runChunk(s, cfg, chunk));
  }
  expect(c.finished).toBe(true);
  return finishHunt(s, cfg, c.status());
}

describe('fault-schedule hunt', () => {
  it('draws the same schedule for the same hunt seed and run index, and another for another index', () => {
    const s = scenarioOf('zk-lock');
    const a = scheduleFor(s, DEFAULT_DISTRIBUTION, 5, 17);
    expect(scheduleFor(s, DEFAULT_DISTRIBUTION, 5, 17)).toEqual(a);
    expect(scheduleFor(s, DEFAULT_DISTRIBUTION, 5, 18)).not.toEqual(a);
    expect(scheduleFor(s, DEFAULT_DISTRIBUTION, 6, 17)).not.toEqual(a);
    expect(a.faults.length).toBeGreaterThanOrEqual(1);
    expect(a.faults.length).toBeLessThanOrEqual(3);
  });

  it('keeps to the kinds it is given', () => {
    const s = scenarioOf('zk-lock');
    for (let i = 0; i < 50; i++) {
      for (const f of scheduleFor(s, { kinds: ['pause'], maxFaults: 2 }, 3, i).faults) expect(f.kind).toBe('pause');
    }
  });

  it('finds the same first failure and shrinks it to the same schedule with 1 and with 4 workers', () => {
    const cfg = config(300, 9);
    const one = huntWithWorkers('gc-pause-fencing', cfg, 1);
    const four = huntWithWorkers('gc-pause-fencing', cfg, 4);
    expect(one.failure).not.toBeNull();
    expect(four.failure).toEqual(one.failure);
    expect(four.coverage).toEqual(one.coverage);
    expect(four.shrunk).toEqual(one.shrunk);
    expect(huntInProcess(scenarioOf('gc-pause-fencing'), cfg)).toEqual(one);
  });

  it('shrinks redis-lock-expiry to no fault at all: its lease is shorter than the work', () => {
    const r = huntInProcess(scenarioOf('redis-lock-expiry'), config(100));
    expect(r.failure?.index).toBe(0);
    expect(r.shrunk?.schedule.faults).toEqual([]);
  });

  it('never returns a shrunk schedule that does not fail, and the shrunk run is a valid scenario', () => {
    for (const id of ['gc-pause-fencing', 'zk-lock']) {
      const s = scenarioOf(id);
      const r = huntInProcess(s, config(300, 1));
      expect(r.shrunk, id).not.toBeNull();
      const shrunk = r.shrunk!;
      expect(shrunk.schedule.faults.length).toBeLessThanOrEqual(scheduleFor(s, DEFAULT_DISTRIBUTION, 1, r.failure!.index).faults.length);
      expect(runSchedule(s, shrunk.schedule).violation).toEqual(shrunk.violation);
      const opened = parseScenario(scenarioWithSchedule(s, shrunk.schedule));
      expect(opened.ok).toBe(true);
    }
  });

  it('a shrink given a tiny budget still returns a failing schedule (the one it started from)', () => {
    const s = scenarioOf('gc-pause-fencing');
    const r = huntInProcess(s, config(300, 9));
    const start: Schedule = scheduleFor(s, DEFAULT_DISTRIBUTION, 9, r.failure!.index);
    const small = shrink(s, start, r.failure!.violation, 1);
    expect(small.tries).toBe(1);
    expect(runSchedule(s, small.schedule).violation).not.toBeNull();
  });

  it('finds nothing in 1,000 runs of the fenced gc-pause variant, and says what it tried', () => {
    const r = huntInProcess(scenarioOf('gc-pause-fencing-safe'), config(1000));
    expect(r.failure).toBeNull();
    expect(r.complete).toBe(true);
    expect(r.coverage.runs).toBe(1000);
    expect(r.coverage.runsWithFaults.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(Object.values(r.coverage.byKind).reduce((a, b) => a + b, 0)).toBe(r.coverage.faults);
  });

  it('a cancelled hunt counts only the unbroken prefix of runs it did', () => {
    const s = scenarioOf('gc-pause-fencing-safe');
    let n = 0;
    const r = huntInProcess(s, config(1000), () => ++n > 120);
    expect(r.complete).toBe(false);
    expect(r.coverage.runs).toBeLessThan(1000);
    expect(r.coverage.runs).toBeGreaterThan(0);
  });

  it('undoes every fault it starts: a restart per crash, a heal per cut, the link back to its own loss', () => {
    const s = scenarioOf('gc-pause-fencing');
    const ivs = toInterventions(s, [
      { kind: 'crash', node: 'redis', at: 100, durationMs: 50 },
      { kind: 'partition', edge: 'c1-redis', at: 100, durationMs: 70 },
      { kind: 'loss', edge: 'c2-redis', at: 10, durationMs: 60, loss: 0.5 },
    ]);
    expect(ivs.map((iv) => `${iv.at} ${iv.kind}`)).toEqual(['10 link', '70 link', '100 crash', '100 partition', '150 restart', '170 heal']);
    expect(ivs[1]).toEqual({ at: 70, kind: 'link', edge: 'c2-redis', loss: 0 });
  });
});
