import { NODE_MANIFESTS } from '@/engine/models/catalog';
import type { LogGroup } from '@/engine/models/kind';
import { PROGRAM_MANIFESTS } from '@/engine/patterns/catalog';

// The event log's filter groups: the engine's own (network, timers, faults, invariants) and one
// per group the kinds and programs declare in their manifests (`log: { group, namespaces }`),
// so a new kind's events get a button of their own without touching the log.

/** Namespaces the simulator itself emits, each its own group. */
const CORE_BEFORE = ['net', 'timer', 'fault'] as const;
const CORE_AFTER = ['invariant'] as const;
/** Where an event no manifest claims goes (`node.start`, `metric.note`). */
const OTHER = 'other';

/** A filter group of the event log: a core one, a manifest's `log.group`, or `other`. */
export type LogKind = string;

/**
 * namespace -> group, from the manifests in catalog order; throws when two manifests claim one
 * namespace for different groups, or a manifest claims a core one (a test runs this).
 */
export function groupsOf(declared: readonly LogGroup[]): Map<string, string> {
  const out = new Map<string, string>();
  const core = new Set<string>([...CORE_BEFORE, ...CORE_AFTER, OTHER]);
  for (const { group, namespaces } of declared) {
    for (const ns of namespaces) {
      if (core.has(ns)) throw new Error(`log namespace "${ns}" belongs to the simulator`);
      const had = out.get(ns);
      if (had !== undefined && had !== group) throw new Error(`log namespace "${ns}" is claimed for groups "${had}" and "${group}"`);
      out.set(ns, group);
    }
  }
  return out;
}

const DECLARED = [...NODE_MANIFESTS, ...PROGRAM_MANIFESTS].map((m) => m.log);
const GROUPS = groupsOf(DECLARED);
const CLAIMED = new Set(GROUPS.values());

/**
 * The log's filter groups, in the order the filter shows them: the manifests' in catalog order
 * (a client's group comes first, though its program's manifest is the one claiming events), each
 * once some manifest claims events for it.
 */
export const LOG_KINDS: readonly LogKind[] = [...new Set<string>([...CORE_BEFORE, ...DECLARED.map((d) => d.group).filter((g) => CLAIMED.has(g)), ...CORE_AFTER, OTHER])];

const CORE = new Set<string>([...CORE_BEFORE, ...CORE_AFTER]);

/** The log group of a trace type, by its first segment (`redis.exec` -> `redis`; `node.start` -> `other`). */
export function kindOf(type: string): LogKind {
  const dot = type.indexOf('.');
  const head = dot < 0 ? type : type.slice(0, dot);
  return GROUPS.get(head) ?? (CORE.has(head) ? head : OTHER);
}
