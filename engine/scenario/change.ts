import type { Intervention } from '../core/faults';
import type { Scenario } from './schema';

/**
 * What a "try this" item does when clicked, as data: open another built-in, or change this
 * scenario's node parameters, client programs or faults. Data rather than a function so the
 * library stays plain and a test can apply every one and validate the result.
 */
export interface ScenarioChange {
  /** Opens this built-in instead (the other parts are ignored). */
  open?: string;
  /** Merged into these nodes' parameters, by node id. */
  params?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** Merged into these clients' program parameters, by client id. */
  program?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** Replaces the scenario's own faults. */
  interventions?: readonly Intervention[];
  /** Faults added to the scenario's own. */
  add?: readonly Intervention[];
  /** Plays this long instead (ms), for a change whose effect comes after the scenario's own end. */
  untilMs?: number;
}

/** A "try this" item: what to try, in a sentence, and the change that tries it when there is one. */
export interface TryThis {
  text: string;
  change?: ScenarioChange;
}

/**
 * The scenario with `change` applied (plain data; the caller validates it, as every edit is).
 * Pure: `s` is not modified.
 */
export function applyChange(s: Scenario, change: ScenarioChange): Scenario {
  const nodes = s.nodes.map((n) => {
    let params = n.params;
    if (change.params?.[n.id]) params = { ...params, ...change.params[n.id] };
    if (change.program?.[n.id]) params = { ...params, program: { ...(params.program as object), ...change.program[n.id] } };
    return params === n.params ? n : { ...n, params };
  });
  const own = change.interventions ? [...change.interventions] : s.interventions;
  const interventions = change.add ? [...own, ...change.add] : own;
  return { ...s, nodes, interventions, playback: change.untilMs === undefined ? s.playback : { ...s.playback, untilMs: change.untilMs } };
}
