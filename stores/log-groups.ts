import { NODE_MANIFESTS } from '@/engine/models/catalog';
import { PROGRAM_MANIFESTS } from '@/engine/patterns/catalog';

// The event log's filter groups: the engine's own (network, timers, faults, invariants) and one
// per group the kinds and programs declare in their manifests (`log: { group, namespaces }`),
// so a new kind's events get a button of their own without touching the log. A test checks
// that no namespace is claimed twice, or is one of the simulator's.

/** Namespaces the simulator itself emits, each its own group. */
export const CORE_GROUPS = ['net', 'timer', 'fault', 'invariant'] as const;
/** Where an event no manifest claims goes (`node.start`, `metric.note`). */
const OTHER = 'other';

/** A filter group of the event log: a core one, a manifest's `log.group`, or `other`. */
export type LogKind = string;

/** Each manifest's log declaration, nodes first, in catalog order. */
export const LOG_DECLARATIONS = [...NODE_MANIFESTS, ...PROGRAM_MANIFESTS].map((m) => m.log);

const GROUPS = new Map(LOG_DECLARATIONS.flatMap((d) => d.namespaces.map((ns) => [ns, d.group] as const)));
const CLAIMED = new Set(GROUPS.values());

/**
 * The log's filter groups, in the order the filter shows them: the manifests' in catalog order
 * (a client's group comes first, though its program's manifest is the one claiming events), each
 * once some manifest claims events for it.
 */
export const LOG_KINDS: readonly LogKind[] = [...new Set(['net', 'timer', 'fault', ...LOG_DECLARATIONS.map((d) => d.group).filter((g) => CLAIMED.has(g)), 'invariant', OTHER])];

/** The log group of a trace type, by its first segment (`redis.exec` -> `redis`; `node.start` -> `other`). */
export function kindOf(type: string): LogKind {
  const dot = type.indexOf('.');
  const head = dot < 0 ? type : type.slice(0, dot);
  return GROUPS.get(head) ?? ((CORE_GROUPS as readonly string[]).includes(head) ? head : OTHER);
}
