import { hasModel, monitorBehaviour, programBehaviour } from './registry';

/** Behaviour a scenario runs, by catalog key: node types, client program kinds, monitor ids. */
export interface Needs {
  readonly nodes: readonly string[];
  readonly programs: readonly string[];
  readonly monitors: readonly string[];
}

/** The parts of a scenario that decide what code it runs. */
export type NeedsSource = { readonly nodes: readonly { type: string; params?: Record<string, unknown> }[]; readonly monitors?: readonly string[] };

/**
 * The program a node runs: a node whose parameters hold `program: { kind }` (a client, an
 * attacker) is hosting that program, whatever its own type.
 */
function programKindOf(params: Record<string, unknown> | undefined): string | undefined {
  const program = params?.program;
  if (typeof program !== 'object' || program === null) return undefined;
  const kind = (program as { kind?: unknown }).kind;
  return typeof kind === 'string' ? kind : undefined;
}

const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();

/**
 * What a scenario runs. Meant for a validated scenario (its defaults filled in, so an attacker's
 * default program counts), but safe on any scenario-shaped data: it only reads strings.
 */
export function behaviourNeeds(s: NeedsSource): Needs {
  return {
    nodes: sorted(s.nodes.map((n) => n.type)),
    programs: sorted(s.nodes.flatMap((n) => programKindOf(n.params) ?? [])),
    monitors: sorted(s.monitors ?? []),
  };
}

/** The part of `needs` whose behaviour is not loaded yet. */
export function notLoaded(needs: Needs): Needs {
  return {
    nodes: needs.nodes.filter((t) => !hasModel(t)),
    programs: needs.programs.filter((k) => !programBehaviour(k)),
    monitors: needs.monitors.filter((m) => !monitorBehaviour(m)),
  };
}

/** Whether `needs` asks for nothing. */
export function isNothing(needs: Needs): boolean {
  return needs.nodes.length === 0 && needs.programs.length === 0 && needs.monitors.length === 0;
}

/** "node type zookeeper, program zk-lock" */
export function describeNeeds(needs: Needs): string {
  const part = (what: string, xs: readonly string[]) => (xs.length === 0 ? [] : [`${what}${xs.length > 1 ? 's' : ''} ${xs.join(', ')}`]);
  return [...part('node type', needs.nodes), ...part('program', needs.programs), ...part('invariant', needs.monitors)].join('; ');
}

/** Whether everything `s` runs is loaded already (so a caller can stay synchronous). */
export function behaviourLoaded(s: NeedsSource): boolean {
  return isNothing(notLoaded(behaviourNeeds(s)));
}

/**
 * Throws, naming what is missing, unless everything `s` runs is loaded. buildSimulation calls
 * it: a run must never start with a model missing, which would fail later and less clearly.
 */
export function requireBehaviour(s: NeedsSource): void {
  const missing = notLoaded(behaviourNeeds(s));
  if (isNothing(missing)) return;
  throw new Error(`behaviour not loaded yet: ${describeNeeds(missing)} (await loadBehaviour(scenario) from engine/registry/load first; in Node, import engine/registry/register-all)`);
}
