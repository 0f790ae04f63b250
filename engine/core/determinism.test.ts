import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildSimulation } from '../scenario/build';
import { LIBRARY } from '../scenario/library';
import { parseScenario } from '../scenario/parse';
import { echoSpec, testModels } from '../testing/fixtures';
import { Simulation } from './simulation';

function traceHash(sim: Simulation): string {
  const h = createHash('sha256');
  for (let i = 0; i < sim.trace.length; i++) h.update(JSON.stringify(sim.trace.get(i)) + '\n');
  return h.digest('hex');
}

describe('determinism', () => {
  it('same spec + seed gives a byte-identical trace, with faults and random links', () => {
    const spec = () => ({
      ...echoSpec(20, 99),
      interventions: [
        { at: 300, kind: 'crash' as const, node: 'c3' },
        { at: 900, kind: 'restart' as const, node: 'c3' },
        { at: 400, kind: 'pause' as const, node: 'srv', durationMs: 250 },
        { at: 500, kind: 'link' as const, edge: 'l5', loss: 0.5, duplicate: 0.2 },
        { at: 700, kind: 'skew' as const, node: 'c7', deltaMs: 800 },
      ],
    });
    const a = new Simulation(spec(), testModels);
    const b = new Simulation(spec(), testModels);
    a.runUntil(3000);
    b.runUntil(3000);
    expect(a.trace.length).toBeGreaterThan(1000);
    expect(traceHash(a)).toBe(traceHash(b));
    const c = new Simulation({ ...spec(), seed: 100 }, testModels);
    c.runUntil(3000);
    expect(traceHash(c)).not.toBe(traceHash(a));
  });

  it.each(LIBRARY.map((s) => [s.id, s] as const))('built-in %s replays identically', (_id, b) => {
    const parsed = parseScenario(b.scenario);
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const x = buildSimulation(parsed.scenario);
    const y = buildSimulation(parsed.scenario);
    x.runUntil(parsed.scenario.playback.untilMs);
    y.runUntil(parsed.scenario.playback.untilMs);
    expect(x.trace.length).toBeGreaterThan(0);
    expect(traceHash(x)).toBe(traceHash(y));
  });

  it('trace recording does not change what happens', () => {
    const on = new Simulation(echoSpec(10, 5), testModels, { record: true });
    const off = new Simulation(echoSpec(10, 5), testModels, { record: false });
    on.runUntil(2000);
    off.runUntil(2000);
    expect(off.trace.length).toBe(0);
    expect(JSON.stringify(off.capture())).toBe(JSON.stringify(on.capture()));
  });
});
