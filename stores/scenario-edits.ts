import { NODE_KINDS } from '@/engine/models/catalog';
import type { Scenario, ScenarioEdge, ScenarioNode } from '@/engine/scenario/schema';
import { retarget } from './client-warning';
import { orientLink } from './connect-rules';
import { defaultParams, freshId, NEW_LINK_PARAMS } from './defaults';
import type { Say } from '@/engine/core/phrase';

// Pure functions from a scenario to the next one. The store validates the result with
// parseScenario before it is ever run, so these may stay simple.

/** Where a node sits on the canvas (scenario coordinates). */
export interface Position {
  x: number;
  y: number;
}

/** An intervention as the scenario records it (with who added it). */
export type ScenarioIntervention = Scenario['interventions'][number];

/** What to do with the interventions after a new one: keep them, or set them aside (the run branches). */
export type LaterChoice = 'keep' | 'drop';

/** The interventions scheduled after `at`: what a branch there would set aside. */
export function laterThan(s: Scenario, at: number): ScenarioIntervention[] {
  return s.interventions.filter((x) => x.at > at);
}

/**
 * Adds intervention `iv`. With `later: 'drop'` the interventions scheduled after it move to the
 * scenario's `dropped` list (the visitor changed the past they were recorded against, so the run
 * branches here; they can be restored); with 'keep' they stay and run as before.
 */
export function withIntervention(s: Scenario, iv: ScenarioIntervention, later: LaterChoice): { scenario: Scenario; dropped: ScenarioIntervention[] } {
  const dropped = later === 'drop' ? laterThan(s, iv.at) : [];
  const kept = later === 'drop' ? s.interventions.filter((x) => x.at <= iv.at) : s.interventions;
  const aside = dropped.length > 0 ? { dropped: [...(s.dropped ?? []), ...dropped] } : {};
  return { scenario: { ...s, ...aside, interventions: [...kept, iv] }, dropped };
}

/**
 * Removes the intervention at `index`. The scenario's own (not added by the visitor) goes to
 * `dropped`, so a lesson's fault removed by mistake can be restored; the visitor's own is gone.
 */
export function withoutIntervention(s: Scenario, index: number): Scenario {
  const iv = s.interventions[index];
  if (!iv) return s;
  const interventions = s.interventions.filter((_, i) => i !== index);
  return iv.by === 'user' ? { ...s, interventions } : { ...s, interventions, dropped: [...(s.dropped ?? []), iv] };
}

/** Puts the set-aside intervention at `index` of `dropped` back into the run. */
export function withRestored(s: Scenario, index: number): Scenario {
  const iv = s.dropped?.[index];
  if (!iv) return s;
  return { ...s, interventions: [...s.interventions, iv], dropped: s.dropped!.filter((_, i) => i !== index) };
}

/** Adds a node of `type` at `position` with default parameters; returns its id. */
export function withNode(s: Scenario, type: string, position: Position): { scenario: Scenario; id: string } {
  const id = freshId(s, type);
  const title = NODE_KINDS[type]?.title ?? type;
  const count = s.nodes.filter((n) => n.type === type).length;
  const node: ScenarioNode = {
    id,
    type,
    label: count === 0 ? title.toLowerCase() : `${title.toLowerCase()} ${count + 1}`,
    params: defaultParams(type, s),
    position: { x: Math.round(position.x), y: Math.round(position.y) },
  };
  return { scenario: { ...s, nodes: [...s.nodes, node] }, id };
}

/** Removes nodes and edges, with the edges and interventions that referred to them. */
export function withoutElements(s: Scenario, nodeIds: readonly string[], edgeIds: readonly string[]): Scenario {
  const nodes = new Set(nodeIds);
  const edges = new Set(edgeIds);
  for (const e of s.edges) if (nodes.has(e.source) || nodes.has(e.target)) edges.add(e.id);
  const survives = (iv: ScenarioIntervention) => !('node' in iv && nodes.has(iv.node)) && !('edge' in iv && edges.has(iv.edge));
  return {
    ...s,
    nodes: s.nodes.filter((n) => !nodes.has(n.id)),
    edges: s.edges.filter((e) => !edges.has(e.id)),
    interventions: s.interventions.filter(survives),
    ...(s.dropped ? { dropped: s.dropped.filter(survives) } : {}),
  };
}

/**
 * Links `a` and `b` if the catalog allows it; a client gets the new partner as its program's
 * target when it had none it was linked to. Otherwise the reason it was refused (naming the
 * nodes by `labels`, when given).
 */
export function withLink(s: Scenario, a: string, b: string, labels?: Readonly<Record<string, string>>): { ok: true; scenario: Scenario; id: string } | { ok: false; reason: Say } {
  const o = orientLink(s, a, b, labels);
  if (!o.ok) return o;
  const id = freshId(s, `${o.link.source}-${o.link.target}`);
  const edge: ScenarioEdge = { id, ...o.link, params: structuredClone(NEW_LINK_PARAMS) as ScenarioEdge['params'] };
  let next: Scenario = { ...s, edges: [...s.edges, edge] };
  next = retarget(retarget(next, a, b), b, a);
  return { ok: true, scenario: next, id };
}

/** Moves nodes (positions only: the simulation does not depend on them). */
export function withPositions(s: Scenario, moved: Readonly<Record<string, Position>>): Scenario {
  const changed = s.nodes.some((n) => moved[n.id] && (Math.round(moved[n.id].x) !== n.position.x || Math.round(moved[n.id].y) !== n.position.y));
  // Unchanged is the same scenario, so a click that React Flow counted as a drag adds no undo step.
  if (!changed) return s;
  return {
    ...s,
    nodes: s.nodes.map((n) => (moved[n.id] ? { ...n, position: { x: Math.round(moved[n.id].x), y: Math.round(moved[n.id].y) } } : n)),
  };
}

/** Replaces a node's parameters (validated by the store before they run). */
export function withNodeParams(s: Scenario, id: string, params: Record<string, unknown>): Scenario {
  return { ...s, nodes: s.nodes.map((n) => (n.id === id ? { ...n, params } : n)) };
}

/** Renames a node on the canvas (its id, which scenarios refer to, stays). */
export function withNodeLabel(s: Scenario, id: string, label: string): Scenario {
  return { ...s, nodes: s.nodes.map((n) => (n.id === id ? { ...n, label: label.trim() || undefined } : n)) };
}

/** Replaces a link's parameters. */
export function withEdgeParams(s: Scenario, id: string, params: ScenarioEdge['params']): Scenario {
  return { ...s, edges: s.edges.map((e) => (e.id === id ? { ...e, params } : e)) };
}

/** Whether two scenarios would run differently (anything but layout, labels and the set-aside interventions changed). */
export function runsDifferently(a: Scenario, b: Scenario): boolean {
  const strip = (s: Scenario) => ({ ...s, title: '', dropped: null, nodes: s.nodes.map((n) => ({ ...n, position: null, label: null })) });
  return JSON.stringify(strip(a)) !== JSON.stringify(strip(b));
}
