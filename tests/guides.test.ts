import { describe, expect, it } from 'vitest';
import { buildSimulation } from '@/engine/scenario/build';
import { applyChange } from '@/engine/scenario/change';
import { findStops } from '@/engine/scenario/guide';
import { parseScenario } from '@/engine/scenario/parse';
import { runsDifferently } from '@/stores/scenario-edits';
import { builtin, LIBRARY } from '@/engine/scenario/library';

const run = (scenario: unknown, seed?: number) => {
  const parsed = parseScenario(scenario);
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const sim = buildSimulation(parsed.scenario, { snapshotEvery: 0, ...(seed === undefined ? {} : { seed }) });
  sim.runUntil(parsed.scenario.playback.untilMs);
  return sim;
};

const guided = LIBRARY.filter((b) => b.guide);

describe('guided mode data', () => {
  it('guides the built-ins the e2e and the issue name', () => {
    for (const id of ['gc-pause-fencing', 'zk-basics', 'redis-lock-polling', 'zk-lock', 'config-watch', 'idempotency-none', 'session-store']) expect(builtin(id)?.guide, id).toBeDefined();
  });

  it.each(guided.flatMap((b) => [undefined, 7, 1234].map((seed) => [b.id, seed] as const)))('%s (seed %s): every stop is found, in order, each with its caption', (id, seed) => {
    const b = builtin(id)!;
    const stops = findStops(b.guide!, run(b.scenario, seed).trace);
    const all = b.guide!.stops.map((s) => s.id);
    // Another seed may take another path (another waiter wins): a stop it never reaches is skipped.
    if (seed === undefined) expect(stops.map((s) => s.id)).toEqual(all);
    else expect(stops.length).toBeGreaterThanOrEqual(all.length / 2);
    for (let k = 1; k < stops.length; k++) expect(stops[k].step).toBeGreaterThan(stops[k - 1].step);
    for (const s of b.guide!.stops) expect(b.guide!.text.en[s.id]?.length ?? 0).toBeGreaterThan(10);
    const ids = new Set(b.scenario.nodes.map((n) => n.id));
    for (const s of stops) expect(ids.has(s.node), `${s.id} highlights ${s.node}`).toBe(true);
  });

  it('gc-pause-fencing stops at the expiry on redis before c2 takes the lock, whatever the seed', () => {
    for (const seed of [undefined, 7, 1234, 99]) {
      const stops = findStops(builtin('gc-pause-fencing')!.guide!, run(builtin('gc-pause-fencing')!.scenario, seed).trace);
      const at = (id: string) => stops.find((s) => s.id === id)!;
      expect(at('expired').node).toBe('redis');
      expect(at('expired').t).toBeLessThan(at('second').t);
    }
  });
});

describe('"try this" changes', () => {
  const items = LIBRARY.flatMap((b) => b.tryThis.filter((t) => t.change).map((t) => [b.id, t.text.slice(0, 40), t.change!] as const));

  it('most items can be applied with a click', () => {
    expect(items.length).toBeGreaterThanOrEqual(25);
  });

  it.each(items)('%s: “%s…” gives a valid scenario that runs differently (or opens a built-in)', (id, _text, change) => {
    if (change.open) {
      expect(builtin(change.open), change.open).toBeDefined();
      return;
    }
    const parsed = parseScenario(builtin(id)!.scenario);
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const next = parseScenario(applyChange(parsed.scenario, change));
    expect(next.ok ? [] : next.errors).toEqual([]);
    if (next.ok) expect(runsDifferently(parsed.scenario, next.scenario)).toBe(true);
    run(applyChange(parsed.scenario, change));
  });
});
