// What the catalogs of node kinds, programs and invariants share.

/**
 * The trace events a kind (or program) owns, for the event log's filter: every event type whose
 * first segment is one of `namespaces` (`lock` for `lock.acquire`) is shown under `group`.
 * Several kinds may share a group (the three lock programs), never a namespace with another group.
 */
export interface LogGroup {
  readonly group: string;
  readonly namespaces: readonly string[];
}

/**
 * A catalog's lookup by key, without a prototype: a key from untrusted input (`constructor`,
 * `__proto__`) finds nothing rather than Object's own members.
 */
export function byKey<T>(entries: readonly (readonly [string, T])[]): Readonly<Record<string, T>> {
  return Object.assign(Object.create(null) as Record<string, T>, Object.fromEntries(entries));
}
