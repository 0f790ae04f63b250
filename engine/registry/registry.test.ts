import { describe, expect, it, vi } from 'vitest';
import { INVARIANTS } from '../invariants/catalog';
import { NODE_KINDS } from '../models/catalog';
import { PROGRAM_KINDS } from '../patterns/catalog';
import { builtin } from '../scenario/library';
import { parseScenario } from '../scenario/parse';
import { behaviourNeeds } from './needs';
import { ALL_MODELS, ALL_MONITORS, ALL_PROGRAMS } from './register-all';

const scenario = (id: string) => {
  const parsed = parseScenario(builtin(id)!.scenario);
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.scenario;
};

describe('the behaviour registry', () => {
  it('registers in Node exactly what the catalogs list, under the same keys', () => {
    expect(Object.keys(ALL_MODELS).sort()).toEqual(Object.keys(NODE_KINDS).sort());
    expect(Object.keys(ALL_PROGRAMS).sort()).toEqual(Object.keys(PROGRAM_KINDS).sort());
    expect(Object.keys(ALL_MONITORS).sort()).toEqual(Object.keys(INVARIANTS).sort());
  });

  it("loads the same definitions through each catalog entry's import() as Node registers", async () => {
    for (const [type, kind] of Object.entries(NODE_KINDS)) expect(await kind.load(), type).toBe(ALL_MODELS[type]);
    for (const [kind, p] of Object.entries(PROGRAM_KINDS)) expect(await p.load(), kind).toBe(ALL_PROGRAMS[kind]);
    for (const [id, m] of Object.entries(INVARIANTS)) expect(await m.load(), id).toBe(ALL_MONITORS[id]);
  });

  it('reads what a scenario runs: node types, the programs its nodes host (an attacker’s default too), monitors', () => {
    expect(behaviourNeeds(scenario('redis-basics'))).toEqual({ nodes: ['client', 'redis'], programs: ['redis-script'], monitors: [] });
    const session = behaviourNeeds(scenario('session-jwt'));
    expect(session.nodes).toContain('attacker');
    expect(session.programs).toContain('token-replay');
    expect(behaviourNeeds(scenario('zk-lock')).monitors).toContain('mutual-exclusion');
  });

  it('refuses to build a simulation before its behaviour is loaded, naming what is missing, and builds it after', async () => {
    // A fresh module graph: the registry as a page starts, before the setup file's registration.
    vi.resetModules();
    const { buildSimulation } = await import('../scenario/build');
    const { loadBehaviour } = await import('./load');
    const zk = scenario('zk-lock');
    expect(() => buildSimulation(zk)).toThrow(/^behaviour not loaded yet: node types client, storage, zookeeper; program zk-lock; invariants fencing-order, mutual-exclusion /);
    await loadBehaviour(zk);
    const sim = buildSimulation(zk);
    sim.runUntil(1000);
    expect(sim.steps).toBeGreaterThan(0);
  });
});
