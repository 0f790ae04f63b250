import { describe, expect, it } from 'vitest';
import { firstEnMessages } from '@/components/i18n/first-en';
import { narrate } from '@/engine/core/narrate';
import { makeFormatter, type Messages } from '@/engine/i18n/format';
import { buildSimulation } from '@/engine/scenario/build';
import { DEFAULT_BEHAVIOUR } from '@/stores/default-behaviour';
import { loadEntry } from '@/stores/scenario-source';

describe('the English that ships with the page', () => {
  it('narrates every event of the default scenario, so its log never waits for the rest of the catalog', () => {
    const loaded = loadEntry();
    if (!loaded.ok) throw new Error(loaded.errors.join('; '));
    const s = loaded.scenario;
    const problems: string[] = [];
    const en = makeFormatter('en', firstEnMessages, (p) => problems.push(p));
    const sim = buildSimulation(s, { snapshotEvery: 0 });
    sim.runUntil(s.playback.untilMs);
    const labels = Object.fromEntries(s.nodes.map((n) => [n.id, n.label ?? n.id]));
    expect(sim.trace.length).toBeGreaterThan(10);
    for (let i = 0; i < sim.trace.length; i++) en.say(narrate(sim, sim.trace.get(i), labels));
    expect(problems).toEqual([]);
  });

  it('leaves the rest of the catalog out: other kinds, the invariants, the vocabulary, the built-ins’ text', () => {
    expect(Object.keys(firstEnMessages).sort()).toEqual(['clients', 'core', 'model', 'pattern', 'trace', 'ui']);
  });

  it('carries the cards of the default scenario’s kinds only, and neither the hunt’s nor the inspector’s text', () => {
    const ui = firstEnMessages.ui as Messages;
    expect(Object.keys(ui.node).sort()).toEqual(DEFAULT_BEHAVIOUR.nodes.map((b) => b.model.type).sort());
    expect(Object.keys(ui)).not.toContain('hunt');
    expect(Object.keys(ui)).not.toContain('panels-inspector');
  });

});
