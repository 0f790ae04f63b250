import type { DbRow } from '../../clients/sql/messages';
import { pdel, pget, pkeys, pmap, pset } from '../../core/pmap';
import type { DbState, DbTable, DbTables, DbTxn } from './state';

// Reading rows as a transaction sees them, and writing its changes to the tables at commit.
// Row ids come from clients, so every lookup is an own-property one ("constructor" is a fine id).

/** `rec[k]` if `rec` has its own `k`. */
export function at<T>(rec: Readonly<Record<string, T>> | undefined, k: string): T | undefined {
  return rec !== undefined && Object.hasOwn(rec, k) ? rec[k] : undefined;
}

/** Sets `rec[k]` as an own property, whatever `k` is. */
export function put<T>(rec: Record<string, T>, k: string, v: T): void {
  Object.defineProperty(rec, k, { value: v, enumerable: true, writable: true, configurable: true });
}

/** The row as `t` sees it for a locking read or a write: its own change, else the latest committed. */
export function latest(s: DbState, t: DbTxn, table: string, id: string): DbRow | undefined {
  const mine = at(t.writes[table], id);
  if (mine !== undefined) return mine ?? undefined;
  return rowAt(s.tables, table, id);
}

/** The committed row `table`/`id` of `tables`, if any. */
export function rowAt(tables: DbTables, table: string, id: string): DbRow | undefined {
  const tb = at(tables, table);
  return tb === undefined ? undefined : pget(tb, id);
}

/** `t`'s read view (REPEATABLE READ): taken at its first consistent read. */
function viewOf(s: DbState, t: DbTxn): DbTables {
  if (t.view === null) t.view = s.tables;
  return t.view;
}

/** The row as a plain SELECT in `t` sees it: its own change, else the read view's. */
export function consistent(s: DbState, t: DbTxn, table: string, id: string): DbRow | undefined {
  const mine = at(t.writes[table], id);
  if (mine !== undefined) return mine ?? undefined;
  return rowAt(viewOf(s, t), table, id);
}

/** Every row of `table` as a plain SELECT in `t` sees it, in primary-key order. */
export function scanRows(s: DbState, t: DbTxn, table: string): DbRow[] {
  const base = at(viewOf(s, t), table);
  const mine = t.writes[table] ?? {};
  const ids = new Set([...(base ? pkeys(base) : []), ...Object.keys(mine)]);
  const rows: DbRow[] = [];
  for (const id of [...ids].sort(byKey)) {
    const r = consistent(s, t, table, id);
    if (r !== undefined) rows.push(r);
  }
  return rows;
}

/** Primary-key order: bytewise, as the conformance server's binary-collated key sorts. */
export const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Records `t`'s change to a row (null deletes it). */
export function write(t: DbTxn, table: string, id: string, row: DbRow | null): void {
  if (!Object.hasOwn(t.writes, table)) put(t.writes, table, {});
  put(t.writes[table], id, row);
  t.undo += 1;
}

/**
 * The committed tables with `t`'s changes applied. Rows keep their places (the card lists them in
 * the scenario's order); new ones go last, in the order `t` wrote them.
 */
export function applied(tables: DbTables, t: DbTxn): DbTables {
  const names = Object.keys(t.writes);
  if (names.length === 0) return tables;
  const out: Record<string, DbTable> = { ...tables };
  for (const name of names) {
    const changes = t.writes[name];
    let tb = at(tables, name) ?? pmap<DbRow>();
    for (const id of Object.keys(changes)) {
      const c = changes[id];
      tb = c === null ? pdel(tb, id) : pset(tb, id, c);
    }
    put(out, name, tb);
  }
  return out;
}
