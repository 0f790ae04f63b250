import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_MODELS, ALL_MONITORS, ALL_PROGRAMS } from '../registry/register-all';
import { buildSimulation } from '../scenario/build';
import { LIBRARY } from '../scenario/library';
import { parseScenario } from '../scenario/parse';

// Handlers copy on write only what they change and share the rest with the state they were
// given (which an earlier step, a snapshot or the canvas may still hold), so changing any part
// of a given state in place is a bug that no trace shows at once. Here every state a handler or
// monitor returns is deep-frozen: such a change throws (ES modules run in strict mode).

function freeze<T>(x: T): T {
  if (x === null || typeof x !== 'object' || Object.isFrozen(x)) return x;
  Object.freeze(x);
  for (const k of Object.keys(x)) freeze((x as Record<string, unknown>)[k]);
  return x;
}

type Handlers = Record<string, unknown>;
const restore: [Handlers, string, unknown][] = [];

function wrap(def: Handlers, names: string[]): void {
  for (const name of names) {
    const f = def[name];
    if (typeof f !== 'function') continue;
    restore.push([def, name, f]);
    def[name] = (...args: unknown[]) => freeze(f.apply(def, args));
  }
}

const HANDLERS = ['init', 'start', 'onMessage', 'onTimer', 'crash', 'onClockChange'];

describe('model and monitor states', () => {
  beforeAll(() => {
    for (const m of Object.values(ALL_MODELS)) wrap(m as unknown as Handlers, HANDLERS);
    for (const p of Object.values(ALL_PROGRAMS)) wrap(p as unknown as Handlers, HANDLERS);
    for (const m of Object.values(ALL_MONITORS)) wrap(m as unknown as Handlers, ['init', 'onEvent']);
  });
  afterAll(() => {
    for (const [def, name, f] of restore) def[name] = f;
  });

  it.each(LIBRARY.map((b) => [b.id]))('%s runs with every returned state frozen', (id) => {
    const parsed = parseScenario(LIBRARY.find((b) => b.id === id)!.scenario);
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const sim = buildSimulation(parsed.scenario, { snapshotEvery: 0 });
    expect(() => sim.runUntil(parsed.scenario.playback.untilMs)).not.toThrow();
    expect(sim.steps).toBeGreaterThan(0);
  });
});
