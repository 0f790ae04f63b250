import { describe, expect, it } from 'vitest';
import { behaviourNeeds } from '@/engine/registry/needs';
import { DEFAULT_BEHAVIOUR } from './default-behaviour';
import { loadEntry } from './scenario-source';

describe('the behaviour the playground ships with', () => {
  it('is exactly what the default scenario runs', () => {
    const loaded = loadEntry();
    if (!loaded.ok) throw new Error(loaded.errors.join('; '));
    const shipped = {
      nodes: DEFAULT_BEHAVIOUR.nodes.map((b) => b.model.type).sort(),
      programs: DEFAULT_BEHAVIOUR.programs.map((p) => p.kind).sort(),
      monitors: DEFAULT_BEHAVIOUR.monitors.map((m) => m.id).sort(),
    };
    expect(shipped).toEqual(behaviourNeeds(loaded.scenario));
  });
});
