import { kindTitle } from '@/engine/models/kind';
import { NODE_KINDS } from '@/engine/models/catalog';
import { p, type Say } from '@/engine/core/phrase';
import type { Scenario } from '@/engine/scenario/schema';

const titleOf = (type: string): Say => kindTitle(type);

/** "Client, Redis and ZooKeeper". */
function listOf(types: readonly string[]): Say {
  const names = [...new Set(types)].map(titleOf);
  return names.length <= 1 ? (names[0] ?? p('ui.panels-inspector.link-nothing')) : p('ui.panels-inspector.link-and', { first: names.slice(0, -1).reduce((a, b) => p('ui.panels-inspector.link-comma', { a, b })), last: names.at(-1)! });
}

/** A link between two nodes as the scenario stores it: whichever way round the catalog allows. */
export type Oriented = { source: string; target: string };

/**
 * Whether nodes `a` and `b` may be linked, in the catalog's terms (`NODE_KINDS[type].linksTo`).
 * Links carry messages both ways, so either orientation the catalog allows will do; the one
 * returned is the one the scenario validator accepts. Otherwise a short reason a person can act on,
 * naming the nodes by `labels` (the names the canvas shows) when given.
 */
export function orientLink(s: Scenario, a: string, b: string, labels: Readonly<Record<string, string>> = {}): { ok: true; link: Oriented } | { ok: false; reason: Say } {
  if (a === b) return { ok: false, reason: p('ui.panels-inspector.link-self') };
  const na = s.nodes.find((n) => n.id === a);
  const nb = s.nodes.find((n) => n.id === b);
  if (!na || !nb) return { ok: false, reason: p('ui.panels-inspector.link-gone') };
  if (s.edges.some((e) => (e.source === a && e.target === b) || (e.source === b && e.target === a))) {
    return { ok: false, reason: p('ui.panels-inspector.link-already', { a: labels[a] ?? na.label ?? a, b: labels[b] ?? nb.label ?? b }) };
  }
  if (NODE_KINDS[na.type]?.linksTo.includes(nb.type)) return { ok: true, link: { source: a, target: b } };
  if (NODE_KINDS[nb.type]?.linksTo.includes(na.type)) return { ok: true, link: { source: b, target: a } };
  const allowed = NODE_KINDS[na.type]?.linksTo ?? [];
  return {
    ok: false,
    reason: allowed.length
      ? p('ui.panels-inspector.link-wrongKindTalks', { a: titleOf(na.type), b: titleOf(nb.type), allowed: listOf(allowed) })
      : p('ui.panels-inspector.link-wrongKind', { a: titleOf(na.type), b: titleOf(nb.type) }),
  };
}
