import type { MonitorDef } from '../core/monitor';
import { INVARIANTS } from '../invariants/catalog';
import { Simulation, type SimOptions, type SimSpec } from '../core/simulation';
import { MODELS } from '../models/catalog';
import type { Scenario } from './schema';

/** The simulation spec of a validated scenario. */
export function toSimSpec(s: Scenario): SimSpec {
  const monitors = s.monitors.map((id) => INVARIANTS[id] as MonitorDef);
  return {
    seed: s.seed,
    nodes: s.nodes.map((n) => ({ id: n.id, type: n.type, params: n.params, skewMs: n.skewMs, drift: n.drift })),
    links: s.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, params: e.params })),
    interventions: s.interventions,
    monitors,
  };
}

/** Builds a ready-to-run simulation from a validated scenario (see parseScenario). */
export function buildSimulation(s: Scenario, opts?: SimOptions & { seed?: number }): Simulation {
  const spec = toSimSpec(s);
  if (opts?.seed !== undefined) spec.seed = opts.seed;
  return new Simulation(spec, MODELS, opts);
}
