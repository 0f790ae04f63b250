import { paramTerm } from '@/engine/scenario/vocabulary';

/** How a form shows one parameter: a label people read instead of its name, and a unit. */
export interface FieldText {
  label?: string;
  unit?: string;
}

/** Parameter name -> how it is shown. */
export type FieldTable = Readonly<Record<string, FieldText>>;

/**
 * The generic parameters every form may have (a link's, a latency's), where splitting the
 * camelCase is not enough. A kind's own parameters are labelled in its UI manifest
 * (components/nodes/<kind>/index.tsx), a program's in components/nodes/programs.ts.
 */
const GENERIC: FieldTable = {
  fifo: { label: 'Keep order (FIFO)' },
  partitioned: { label: 'Starts cut' },
  jitterMs: { label: 'Jitter' },
  loss: { unit: '0–1' },
  duplicate: { label: 'Duplication', unit: '0–1' },
  minMs: { label: 'Min' },
  maxMs: { label: 'Max' },
  meanMs: { label: 'Mean' },
  stdMs: { label: 'Std deviation' },
  ms: { label: 'Latency', unit: 'ms' },
};

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * A field's label: its name in the one vocabulary (engine/scenario/vocabulary.ts, which the
 * About text and the metrics use too), the kind's own (`table`), a generic one, or its name in
 * words ("sessionTimeoutMs" -> "Session timeout").
 */
export function fieldLabel(name: string, table: FieldTable = {}): string {
  const term = paramTerm(name);
  if (term) return capital(term.name);
  const named = (Object.hasOwn(table, name) ? table[name].label : undefined) ?? (Object.hasOwn(GENERIC, name) ? GENERIC[name].label : undefined);
  if (named) return named;
  const words = name
    .replace(/Ms$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return capital(words);
}

/** What a field means, for its hover (from the vocabulary), if it is explained. */
export function fieldExplain(name: string): string | undefined {
  return paramTerm(name)?.explain;
}

/** A field's unit: the kind's own, a generic one, from its name ("…Ms" is milliseconds), or ''. */
export function fieldUnit(name: string, table: FieldTable = {}): string {
  const named = (Object.hasOwn(table, name) ? table[name].unit : undefined) ?? (Object.hasOwn(GENERIC, name) ? GENERIC[name].unit : undefined);
  return named ?? (/Ms$/.test(name) ? 'ms' : '');
}
