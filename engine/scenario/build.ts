import type { MonitorDef } from '../core/monitor';
import { Simulation, type SimOptions, type SimSpec } from '../core/simulation';
import { requireBehaviour } from '../registry/needs';
import { LOADED_MODELS, monitorBehaviour } from '../registry/registry';
import type { Scenario } from './schema';

/**
 * The simulation spec of a validated scenario. Its behaviour must be loaded (see
 * engine/registry/load); throws naming what is not.
 */
export function toSimSpec(s: Scenario): SimSpec {
  requireBehaviour(s);
  const monitors = s.monitors.map((id) => monitorBehaviour(id) as MonitorDef);
  return {
    seed: s.seed,
    nodes: s.nodes.map((n) => ({ id: n.id, type: n.type, params: n.params, skewMs: n.skewMs, drift: n.drift, label: n.label })),
    links: s.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, params: e.params })),
    interventions: s.interventions,
    monitors,
  };
}

/**
 * Builds a ready-to-run simulation from a validated scenario (see parseScenario). Synchronous,
 * so the scenario's behaviour must already be loaded: `await loadBehaviour(s)` in the browser,
 * `import 'engine/registry/register-all'` in Node. Throws naming what is missing otherwise.
 */
export function buildSimulation(s: Scenario, opts?: SimOptions & { seed?: number }): Simulation {
  const spec = toSimSpec(s);
  if (opts?.seed !== undefined) spec.seed = opts.seed;
  return new Simulation(spec, LOADED_MODELS, opts);
}
