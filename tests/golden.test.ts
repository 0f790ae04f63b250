import { inEnglish, jsonInEnglish } from '../engine/i18n/english';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { narrate } from '@/engine/core/narrate';
import { buildSimulation } from '@/engine/scenario/build';
import { LIBRARY } from '@/engine/scenario/library';
import { parseScenario } from '@/engine/scenario/parse';

// Refactors must not change behaviour: every built-in's trace, narration and summary are held
// against a file written before the refactor. A deliberate change of behaviour regenerates it
// (GOLDEN_WRITE=1 npx vitest run tests/golden.test.ts) and says why in its commit.

const FILE = new URL('./golden/builtins.json', import.meta.url);

interface Golden {
  events: number;
  steps: number;
  trace: string;
  /**
   * The trace with every `timer.fire` payload replaced by a constant: a change that only renames
   * timer payloads (which owners put there for themselves) changes `trace` and nothing else.
   */
  traceTimersBlind: string;
  narration: string;
  summary: string;
}

const sha = (parts: Iterable<string>) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p + '\n');
  return h.digest('hex');
};

function observe(id: string, seed?: number): Golden {
  const b = LIBRARY.find((x) => x.id === id)!;
  const parsed = parseScenario(b.scenario);
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const s = parsed.scenario;
  const sim = buildSimulation(s, { snapshotEvery: 0, ...(seed === undefined ? {} : { seed }) });
  sim.runUntil(s.playback.untilMs);
  const labels = Object.fromEntries(s.nodes.map((n) => [n.id, n.label ?? n.id]));
  const events = Array.from({ length: sim.trace.length }, (_, i) => sim.trace.get(i));
  const violations = events.filter((e) => e.type === 'invariant.violation');
  return {
    events: sim.trace.length,
    steps: sim.steps,
    trace: sha(events.map((e) => jsonInEnglish(e))),
    traceTimersBlind: sha(events.map((e) => jsonInEnglish(e.type === 'timer.fire' ? { ...e, payload: 'timer' } : e))),
    narration: sha(events.map((e) => inEnglish(narrate(sim, e, labels)))),
    summary: sha([jsonInEnglish({ metrics: sim.metrics, violations })]),
  };
}

/** Other seeds, so the check covers more than one path through each scenario. */
const SEEDS = [7, 1234];
const key = (id: string, seed?: number) => (seed === undefined ? id : `${id}@${seed}`);

const stored: Record<string, Golden> = existsSync(FILE) ? JSON.parse(readFileSync(FILE, 'utf8')) : {};

describe('built-in scenarios against the golden file', () => {
  if (process.env.GOLDEN_WRITE === '1') {
    it('writes the golden file', () => {
      const out = Object.fromEntries(LIBRARY.flatMap((b) => [[b.id, observe(b.id)], ...SEEDS.map((seed) => [`${b.id}@${seed}`, observe(b.id, seed)])]));
      writeFileSync(FILE, JSON.stringify(out, null, 2) + '\n');
    });
    return;
  }

  it('holds every built-in and nothing else', () => {
    expect(Object.keys(stored).sort()).toEqual(LIBRARY.flatMap((b) => [b.id, ...SEEDS.map((x) => key(b.id, x))]).sort());
  });

  it.each(LIBRARY.flatMap((b) => [[b.id, undefined], ...SEEDS.map((x) => [b.id, x])] as [string, number | undefined][]))('%s (seed %s) runs exactly as recorded', (id, seed) => {
    expect(observe(id, seed)).toEqual(stored[key(id, seed)]);
  });
});
