import { p, type Say } from '@/engine/core/phrase';
import { kindTitle } from '@/engine/models/kind';
import { programNeeds } from '@/engine/patterns/catalog';
import type { Scenario } from '@/engine/scenario/schema';

interface ProgramRef {
  kind?: string;
  target?: string;
}

const programOf = (params: Record<string, unknown>): ProgramRef => (params.program ?? {}) as ProgramRef;

/** Ids of the nodes linked to `id`. */
export function neighboursOf(s: Scenario, id: string): string[] {
  return s.edges.flatMap((e) => (e.source === id ? [e.target] : e.target === id ? [e.source] : []));
}

/**
 * What a client is missing to do its job, in one sentence, or null when it is wired up: a
 * node type its program needs (`programNeeds`) that it has no link to, or a target it names
 * that it is not linked to. The canvas shows it on the node.
 */
export function clientWarning(s: Scenario, id: string): Say | null {
  const node = s.nodes.find((n) => n.id === id);
  if (!node || node.type !== 'client') return null;
  const program = programOf(node.params);
  const linked = neighboursOf(s, id);
  const linkedTypes = new Set(linked.map((n) => s.nodes.find((x) => x.id === n)?.type));
  const missing = programNeeds(program.kind ?? '').filter((t) => !linkedTypes.has(t));
  if (missing.length > 0) {
    const what = missing.map((t): Say => kindTitle(t)).reduce((a, b) => p('ui.node.client.warnMissingAnd', { a, b }));
    return p('ui.node.client.warnMissing', { what });
  }
  // A ZooKeeper connect string names several servers ("z1,z2,z3"): each must be linked.
  for (const target of targetsOf(program.target)) {
    if (linked.includes(target)) continue;
    const exists = s.nodes.some((n) => n.id === target);
    return p(exists ? 'ui.node.client.warnNotLinked' : 'ui.node.client.warnNotOnCanvas', { target });
  }
  return null;
}

/** The nodes a program's target names: one id, or a connect string's servers. */
function targetsOf(target: string | undefined): string[] {
  if (!target) return [];
  return target
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
}

/**
 * After linking client `id` to `partner`: a program whose target it is not linked to adopts the partner
 * if it is the kind of node the program needs, so drawing the link is all it takes.
 */
export function retarget(s: Scenario, id: string, partner: string): Scenario {
  const node = s.nodes.find((n) => n.id === id);
  const other = s.nodes.find((n) => n.id === partner);
  if (!node || !other || node.type !== 'client') return s;
  const program = programOf(node.params);
  if (!programNeeds(program.kind ?? '').includes(other.type)) return s;
  // Called with the new link already in `s`, so a target that is the partner counts as linked.
  if (program.target !== undefined && targetsOf(program.target).every((t) => neighboursOf(s, id).includes(t))) return s;
  return {
    ...s,
    nodes: s.nodes.map((n) => (n.id === id ? { ...n, params: { ...n.params, program: { ...(n.params.program as object), target: partner } } } : n)),
  };
}
