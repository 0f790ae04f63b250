import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { decodeShareHash } from '../engine/scenario/share';
import { buildSimulation } from '../engine/scenario/build';

const hunt = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/hunt/cli.ts', ...args], { encoding: 'utf8', timeout: 120_000 });

/** The parts of a hunt's JSON report that must not depend on the number of workers or the clock. */
const outcome = (stdout: string) => {
  const j = JSON.parse(stdout);
  return { failure: j.failure, shrunk: j.shrunk, coverage: j.coverage, complete: j.complete, link: j.link };
};

describe('npm run hunt', { timeout: 120_000 }, () => {
  it('finds the same failure, shrinks it the same and prints the same link with 1 and with 4 worker threads', () => {
    const one = hunt('gc-pause-fencing', '--runs', '300', '--seed', '9', '--workers', '1', '--json');
    const four = hunt('gc-pause-fencing', '--runs', '300', '--seed', '9', '--workers', '4', '--json');
    expect(one.status, one.stderr).toBe(1);
    expect(four.status, four.stderr).toBe(1);
    expect(outcome(four.stdout)).toEqual(outcome(one.stdout));
    // The link opens the shrunk run, and that run breaks the same invariant by the link's time.
    const { link, shrunk } = outcome(one.stdout);
    const decoded = decodeShareHash(link.slice(link.indexOf('#') + 1));
    expect(decoded?.ok).toBe(true);
    if (!decoded?.ok) return;
    const sim = buildSimulation(decoded.run.scenario, { snapshotEvery: 0 });
    sim.runUntil(decoded.run.t!);
    expect(sim.firstViolation).toEqual(shrunk.violation);
  });

  it('says what it tried when nothing broke, restricted to the kinds asked for', () => {
    const r = hunt('idempotency-zk', '--runs', '40', '--faults', 'pause,skew', '--workers', '2');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/40 runs, \d+ faults tried, no violation/);
    expect(r.stdout).toMatch(/faults by kind: (pause|skew) \d+/);
    expect(r.stdout).not.toMatch(/crash \d+/);
  });

  it('refuses bad input with exit 2 and a one-line message', () => {
    const r = hunt('gc-pause-fencing', '--faults', 'meteor');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^hunt: --faults: expected some of crash,pause/);
    expect(hunt('no-such-scenario').stderr).toMatch(/neither a file nor a built-in/);
  });
});
