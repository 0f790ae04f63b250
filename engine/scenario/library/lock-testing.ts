import type { Intervention } from '../../core/faults';
import type { Simulation } from '../../core/simulation';
import type { TraceEvent, TraceEventOf, TraceType } from '../../core/trace-types';
import { buildSimulation } from '../build';
import { parseScenario } from '../parse';
import type { Scenario } from '../schema';
import { builtin } from './index';

/**
 * Test helpers for the lock scenarios: run a built-in scenario headless, optionally with
 * another seed, extra interventions, or program params changed on some clients.
 */
export interface Variant {
  seed?: number;
  /** Replaces the scenario's interventions when given. */
  interventions?: Intervention[];
  /** Merged into the program params of these clients (all clients when `clients` is left out). */
  program?: Record<string, unknown>;
  clients?: string[];
  /** Merged into the params of these nodes. */
  params?: Record<string, Record<string, unknown>>;
  untilMs?: number;
}

export function scenarioOf(id: string, v: Variant = {}): Scenario {
  const b = builtin(id);
  if (!b) throw new Error(`no built-in scenario ${id}`);
  const parsed = parseScenario(structuredClone(b.scenario));
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const s = parsed.scenario;
  for (const n of s.nodes) {
    if (n.type === 'client' && v.program && (!v.clients || v.clients.includes(n.id))) {
      n.params = { ...n.params, program: { ...(n.params.program as object), ...v.program } };
    }
    if (v.params?.[n.id]) n.params = { ...n.params, ...v.params[n.id] };
  }
  if (v.interventions) s.interventions = v.interventions;
  if (v.untilMs) s.playback = { ...s.playback, untilMs: v.untilMs };
  // Re-validate: a variant must still be a valid scenario.
  const again = parseScenario(s);
  if (!again.ok) throw new Error(again.errors.join('; '));
  return again.scenario;
}

export interface Played {
  sim: Simulation;
  events<K extends TraceType>(type: K): TraceEventOf<K>[];
  violations: { t: number; monitor: string; message: string; nodes: string[] }[];
  metrics: Readonly<Record<string, number>>;
}

/** Runs a built-in scenario (or a variant) to its end. */
export function play(id: string, v: Variant = {}): Played {
  const s = scenarioOf(id, v);
  const sim = buildSimulation(s, { seed: v.seed, snapshotEvery: 0 });
  sim.runUntil(s.playback.untilMs);
  const all: TraceEvent[] = sim.trace.slice();
  const events = <K extends TraceType>(type: K) => all.filter((e) => e.type === type) as TraceEventOf<K>[];
  const violations = events('invariant.violation').map((e) => ({ t: e.t, monitor: e.monitor, message: e.message, nodes: e.nodes }));
  return { sim, events, violations, metrics: sim.metrics };
}
