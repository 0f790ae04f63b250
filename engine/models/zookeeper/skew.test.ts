import { describe, expect, it } from 'vitest';
import { buildSimulation } from '../../scenario/build';
import { builtin } from '../../scenario/library';
import { parseScenario } from '../../scenario/parse';

function zkBasics(extra: object[] = []) {
  const b = builtin('zk-basics')!;
  const parsed = parseScenario({ ...b.scenario, interventions: [...(b.scenario.interventions ?? []), ...extra] });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const sim = buildSimulation(parsed.scenario);
  sim.runUntil(12_000);
  const expiries: number[] = [];
  for (let i = 0; i < sim.trace.length; i++) {
    const ev = sim.trace.get(i);
    if (ev.type === 'zk.session.expired') expiries.push(ev.t);
  }
  return { sim, expiries };
}

describe('ZooKeeper times sessions on the monotonic clock', () => {
  it('the crashed worker’s session expires at the first tick after its timeout', () => {
    expect(zkBasics().expiries).toEqual([8000]);
  });

  it('a wall-clock step on the server changes nothing about session expiry', () => {
    expect(zkBasics([{ at: 2000, kind: 'skew', node: 'zk', deltaMs: 60_000 }]).expiries).toEqual([8000]);
    expect(zkBasics([{ at: 2000, kind: 'skew', node: 'zk', deltaMs: -60_000 }]).expiries).toEqual([8000]);
  });

  it('a fast server crystal (drift) does expire the session early in true time', () => {
    const { expiries } = zkBasics([{ at: 0, kind: 'drift', node: 'zk', drift: 0.25 }]);
    expect(expiries).toHaveLength(1);
    expect(expiries[0]).toBeLessThan(8000);
  });
});
