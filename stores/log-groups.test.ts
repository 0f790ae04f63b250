import { describe, expect, it } from 'vitest';
import { NODE_MANIFESTS } from '@/engine/models/catalog';
import { PROGRAM_MANIFESTS } from '@/engine/patterns/catalog';
import { buildSimulation } from '@/engine/scenario/build';
import { LIBRARY } from '@/engine/scenario/library';
import { parseScenario } from '@/engine/scenario/parse';
import { CORE_GROUPS, kindOf, LOG_DECLARATIONS, LOG_KINDS } from './log-groups';

/** Every trace type the built-in scenarios emit. */
function emitted(): Set<string> {
  const out = new Set<string>();
  for (const b of LIBRARY) {
    const parsed = parseScenario(b.scenario);
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const sim = buildSimulation(parsed.scenario, { snapshotEvery: 0 });
    sim.runUntil(parsed.scenario.playback.untilMs);
    for (let i = 0; i < sim.trace.length; i++) out.add(sim.trace.typeAt(i));
  }
  return out;
}

describe('the event log’s filter groups', () => {
  it('come from the manifests: each group a kind or program declares for events is a button', () => {
    for (const m of [...NODE_MANIFESTS, ...PROGRAM_MANIFESTS]) {
      if (m.log.namespaces.length > 0) expect(LOG_KINDS, m.log.group).toContain(m.log.group);
      for (const ns of m.log.namespaces) expect(kindOf(`${ns}.anything`)).toBe(m.log.group);
    }
    expect(LOG_KINDS.slice(0, 3)).toEqual(['net', 'timer', 'fault']);
    expect(LOG_KINDS.slice(-2)).toEqual(['invariant', 'other']);
    expect(new Set(LOG_KINDS).size).toBe(LOG_KINDS.length);
  });

  it('give every event the built-in scenarios emit a group of its own; only the simulator’s bookkeeping is "other"', () => {
    const types = emitted();
    const other = [...types].filter((t) => kindOf(t) === 'other').sort();
    expect(other).toEqual(['node.start']);
    // What the issue found under "other": each now has its kind's group.
    for (const [t, g] of Object.entries({ 'lock.acquire': 'lock', 'config.change': 'config', 'session.create': 'app', 'jwt.issue': 'app', 'lb.backend': 'lb', 'storage.write': 'storage', 'app.handle': 'app', 'pay.client.send': 'payments', 'payments.charge': 'payments' })) {
      expect(types.has(t), t).toBe(true);
      expect(kindOf(t), t).toBe(g);
    }
  });

  it('never give one namespace two groups, nor claim one of the simulator’s', () => {
    const owner = new Map<string, string>();
    for (const { group, namespaces } of LOG_DECLARATIONS) {
      for (const ns of namespaces) {
        expect(CORE_GROUPS as readonly string[], `namespace ${ns}`).not.toContain(ns);
        expect(ns).not.toBe('other');
        expect(owner.get(ns) ?? group, `namespace ${ns} claimed for ${owner.get(ns)} and ${group}`).toBe(group);
        owner.set(ns, group);
      }
    }
  });
});
