import { describeIntervention, type Intervention } from '@/engine/core/faults';
import type { Scenario } from '@/engine/scenario/schema';

/** A link as people see it: "client ↔ redis". */
export function linkName(s: Scenario, labels: Readonly<Record<string, string>>, edgeId: string): string {
  const e = s.edges.find((x) => x.id === edgeId);
  return e ? `${labels[e.source] ?? e.source} ↔ ${labels[e.target] ?? e.target}` : edgeId;
}

/** An intervention in words, with the canvas's names for its node or link. */
export function interventionText(iv: Intervention, s: Scenario, labels: Readonly<Record<string, string>>): string {
  if ('node' in iv) return describeIntervention({ ...iv, node: labels[iv.node] ?? iv.node });
  if (iv.kind === 'partition') return `cut the link ${linkName(s, labels, iv.edge)}`;
  if (iv.kind === 'heal') return `heal the link ${linkName(s, labels, iv.edge)}`;
  return describeIntervention({ ...iv, edge: linkName(s, labels, iv.edge) });
}

/** The tag of an intervention that is part of the scenario (its lesson). */
export const scenarioTone = 'bg-violet-100 text-violet-800 dark:bg-violet-900/60 dark:text-violet-100';
/** The tag of an intervention the visitor added. */
export const userTone = 'bg-amber-100 text-amber-900 dark:bg-amber-900/60 dark:text-amber-100';
