import { describe, expect, it, vi } from 'vitest';
import { MONITOR_MANIFESTS } from '../invariants/catalog';
import { NODE_MANIFESTS } from '../models/catalog';
import { PROGRAM_MANIFESTS } from '../patterns/catalog';
import { builtin } from '../scenario/library';
import { parseScenario } from '../scenario/parse';
import { behaviourNeeds } from './needs';
import { ALL_MODELS, ALL_MONITORS, ALL_NODES, ALL_PROGRAMS } from './register-all';
import { nodeView } from './registry';

const scenario = (id: string) => {
  const parsed = parseScenario(builtin(id)!.scenario);
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.scenario;
};

describe('the behaviour registry', () => {
  it("registers in Node every catalog entry, loaded through the entry's own import(), under the entry's key", async () => {
    expect(Object.keys(ALL_NODES)).toEqual(NODE_MANIFESTS.map((k) => k.type));
    expect(Object.keys(ALL_PROGRAMS)).toEqual(PROGRAM_MANIFESTS.map((p) => p.kind));
    expect(Object.keys(ALL_MONITORS)).toEqual(MONITOR_MANIFESTS.map((m) => m.id));
    for (const k of NODE_MANIFESTS) {
      expect(await k.load(), k.type).toBe(ALL_NODES[k.type]);
      expect(ALL_MODELS[k.type], k.type).toBe(ALL_NODES[k.type].model);
      expect(nodeView(k.type), k.type).toBe(ALL_NODES[k.type].view);
    }
    for (const p of PROGRAM_MANIFESTS) expect(await p.load(), p.kind).toBe(ALL_PROGRAMS[p.kind]);
    for (const m of MONITOR_MANIFESTS) expect(await m.load(), m.id).toBe(ALL_MONITORS[m.id]);
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
    expect(() => buildSimulation(zk)).toThrow(/^behaviour not loaded yet: node types client, storage, zookeeper; program zk-lock; invariants fencing-order, lock-progress, mutual-exclusion /);
    await loadBehaviour(zk);
    const sim = buildSimulation(zk);
    sim.runUntil(1000);
    expect(sim.steps).toBeGreaterThan(0);
  });
});
