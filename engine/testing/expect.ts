import type { TraceEvent } from '../core/trace-types';

// Matching trace events against what a test expects, with messages that show the nearest
// misses: "expected redis.set at c2 {key:'lock'}; closest: t=105 c1 (node differs)" says at
// once whether the event never happened or happened slightly differently.

/** A deep partial of an event's fields: objects match by the keys given, arrays element-wise. */
export type Pattern = Readonly<Record<string, unknown>>;

/** Whether `actual` has everything `expected` names (recursively), compared with Object.is. */
export function matches(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => matches(actual[i], e));
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') return false;
    const a = actual as Record<string, unknown>;
    return Object.entries(expected).every(([k, v]) => matches(a[k], v));
  }
  return Object.is(actual, expected);
}

/** The top-level fields of `pattern` that `ev` does not match. */
export function mismatches(ev: TraceEvent, pattern: Pattern): string[] {
  const a = ev as unknown as Record<string, unknown>;
  return Object.keys(pattern).filter((k) => !matches(a[k], pattern[k]));
}

const show = (v: unknown) => JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? String(x) : x));

/** One line for an event: time, node and the fields a pattern names (or all of them). */
export function describeEvent(ev: TraceEvent, pattern?: Pattern): string {
  const a = ev as unknown as Record<string, unknown>;
  const keys = pattern ? Object.keys(pattern).filter((k) => k !== 'node' && k !== 't') : Object.keys(a).filter((k) => !['i', 'step', 't', 'type', 'node'].includes(k));
  const fields = keys.map((k) => `${k}: ${show(a[k])}`).join(', ');
  return `#${ev.i} t=${ev.t} ${ev.type} at ${ev.node}${fields ? ` {${fields}}` : ''}`;
}

/**
 * Why no event of `type` matched `pattern`: the events of that type that came closest (fewest
 * fields off), each with the fields that differ; or, when there is none, which types there were.
 */
export function nearMisses(all: readonly TraceEvent[], type: string, pattern: Pattern, limit = 3): string {
  const want = `${type}${Object.keys(pattern).length ? ` ${show(pattern)}` : ''}`;
  const sameType = all.filter((e) => e.type === type);
  if (sameType.length === 0) {
    const types = [...new Set(all.map((e) => e.type))].sort();
    return `expected ${want}, but no ${type} event was recorded (recorded: ${types.join(', ') || 'nothing'})`;
  }
  const ranked = sameType
    .map((e) => ({ e, off: mismatches(e, pattern) }))
    .sort((x, y) => x.off.length - y.off.length || x.e.i - y.e.i)
    .slice(0, limit);
  const lines = ranked.map(({ e, off }) => `  ${describeEvent(e, pattern)} (differs in ${off.join(', ')})`);
  return `expected ${want}; ${sameType.length} ${type} event(s), none matching; closest:\n${lines.join('\n')}`;
}
