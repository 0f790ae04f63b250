import type { Intervention } from '../core/faults';
import { toSimSpec } from '../scenario/build';
import { builtin } from '../scenario/library';
import { parseScenario } from '../scenario/parse';
import type { Scenario } from '../scenario/schema';
import { LOADED_MODELS } from '../registry/registry';
import { Harness } from './harness';

/**
 * Changes to a scenario before it runs: another seed, other interventions, program params
 * changed on some clients, node params merged. The result is validated again, so a variant is
 * always a scenario a visitor could have made.
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
  /** Merged into the params of these links (by edge id): `{ 'c2-zk': { transport: 'datagram' } }`. */
  links?: Record<string, Record<string, unknown>>;
  untilMs?: number;
}

const parsed = (json: unknown, what: string): Scenario => {
  const r = parseScenario(json);
  if (!r.ok) throw new Error(`${what} is not a valid scenario: ${r.errors.join('; ')}`);
  return r.scenario;
};

/** The validated scenario of built-in `id` (or of the JSON given), with `v` applied. */
export function scenarioOf(source: string | unknown, v: Variant = {}): Scenario {
  let json = source;
  if (typeof source === 'string') {
    const b = builtin(source);
    if (!b) throw new Error(`no built-in scenario ${source}`);
    json = b.scenario;
  }
  const what = typeof source === 'string' ? `built-in ${source}` : 'the scenario given';
  const s = parsed(structuredClone(json), what);
  for (const n of s.nodes) {
    if (n.type === 'client' && v.program && (!v.clients || v.clients.includes(n.id))) {
      n.params = { ...n.params, program: { ...(n.params.program as object), ...v.program } };
    }
    if (v.params?.[n.id]) n.params = { ...n.params, ...v.params[n.id] };
  }
  for (const e of s.edges) if (v.links?.[e.id]) e.params = { ...e.params, ...v.links[e.id] };
  if (v.interventions) s.interventions = v.interventions;
  if (v.untilMs) s.playback = { ...s.playback, untilMs: v.untilMs };
  return parsed(s, `${what} with its variant`);
}

/**
 * A chainable run of built-in `id` (or of a scenario's JSON), as the playground would build it,
 * without snapshots: `fromScenario('zk-lock', { seed: 7 }).at(900).crash('c1').runToEnd()`.
 */
export function fromScenario(source: string | unknown, v: Variant = {}): Harness {
  const s = scenarioOf(source, v);
  const spec = toSimSpec(s);
  if (v.seed !== undefined) spec.seed = v.seed;
  return new Harness(spec, LOADED_MODELS, { snapshotEvery: 0 }, s.playback.untilMs);
}

/** Built-in `id` (or a scenario's JSON), with `v` applied, run to its end. */
export function play(source: string | unknown, v: Variant = {}): Harness {
  return fromScenario(source, v).runToEnd();
}
