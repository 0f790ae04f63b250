import { sqlText, type DbRow, type DbValue } from '../../clients/sql/messages';
import { pget, pkeys, pvalues, precord } from '../../core/pmap';
import { at } from './rows';
import type { DbState, DbTxn, XaState } from './state';

// Kept apart from the model's behaviour, as every kind's view: the UI reads only this.

/** One row on the card: committed values, and what an open transaction has changed them to. */
export interface DbRowView {
  id: string;
  /** Committed values, one per column of the table's `columns`; null where the row lacks one. */
  cells: (DbValue | null)[];
  /** The uncommitted values of the transaction holding the row, `deleted`, or null when it has no change. */
  pending: (DbValue | null)[] | 'deleted' | null;
  /** The transaction holding the row's lock, if any. */
  lockedBy: number | null;
}

export interface DbTableView {
  name: string;
  /** Columns other than `id`, in first-seen order. */
  columns: string[];
  rows: DbRowView[];
}

/** An open transaction or XA branch. */
export interface DbTxnView {
  id: number;
  /** The client running it; null for a prepared branch no session holds. */
  client: string | null;
  xid: string | null;
  /** Its XA state, or `open` for a local transaction. */
  state: XaState | 'open';
  /** Prepared, and no session holds it: only a coordinator's XA COMMIT / ROLLBACK ends it. */
  inDoubt: boolean;
  locks: string[];
  /** Rows changed so far. */
  changes: number;
}

/** A statement waiting for a row lock. */
export interface DbWaitView {
  client: string;
  sql: string;
  row: string;
  holder: number | null;
  /** Server time it gives up (ERROR 1205). */
  deadline: number;
}

/** What the canvas shows of a database node. */
export interface DbView {
  tables: DbTableView[];
  txns: DbTxnView[];
  waits: DbWaitView[];
  commits: number;
  rollbacks: number;
  deadlocks: number;
  lockTimeouts: number;
  lockWaitTimeoutMs: number;
}

function tableView(s: DbState, name: string, holders: Readonly<Record<number, DbTxn>>): DbTableView {
  const tb = s.tables[name];
  const ids = pkeys(tb);
  // Rows an open transaction inserted show too, as pending.
  for (const t of pvalues(s.txns)) for (const id of Object.keys(t.writes[name] ?? {})) if (!ids.includes(id)) ids.push(id);
  const columns: string[] = [];
  const see = (r: object | null | undefined) => {
    for (const c of Object.keys(r ?? {})) if (c !== 'id' && !columns.includes(c)) columns.push(c);
  };
  for (const id of ids) see(pget(tb, id));
  for (const t of pvalues(s.txns)) for (const r of Object.values(t.writes[name] ?? {})) see(r);
  const rows = ids.map((id): DbRowView => {
    const row = pget(tb, id);
    const lockedBy = pget(s.locks, `${name}/${id}`) ?? null;
    const holder = lockedBy === null ? undefined : holders[lockedBy];
    const change = holder ? at(holder.writes[name], id) : undefined;
    return {
      id,
      cells: columns.map((c) => (row ? (at(row, c) ?? null) : null)),
      pending: change === undefined ? null : change === null ? 'deleted' : columns.map((c) => at(change, c) ?? null),
      lockedBy,
    };
  });
  return { name, columns, rows };
}

/** A plain summary of the database state for its card. */
export function dbView(s: DbState): DbView {
  const holders: Record<number, DbTxn> = {};
  for (const t of pvalues(s.txns)) holders[t.id] = t;
  const txns = pvalues(s.txns)
    .filter((t) => !t.auto || t.locks.length > 0)
    .map((t) => ({
      id: t.id,
      client: t.session === null ? null : (pget(s.sessions, t.session)?.node ?? null),
      xid: t.xid,
      state: t.xa ?? ('open' as const),
      inDoubt: t.xa === 'PREPARED' && t.session === null,
      locks: [...t.locks],
      changes: t.undo,
    }));
  const waits = pvalues(s.sessions)
    .filter((x) => x.waiting !== null)
    .map((x) => ({ client: x.node, sql: sqlText(x.waiting!.stmt), row: x.waiting!.lock, holder: pget(s.locks, x.waiting!.lock) ?? null, deadline: x.waiting!.since + s.lockWaitTimeoutMs }));
  return {
    tables: Object.keys(s.tables).map((n) => tableView(s, n, holders)),
    txns,
    waits,
    commits: s.stats.commits,
    rollbacks: s.stats.rollbacks,
    deadlocks: s.stats.deadlocks,
    lockTimeouts: s.stats.lockTimeouts,
    lockWaitTimeoutMs: s.lockWaitTimeoutMs,
  };
}

/** Table `name`'s committed rows as a plain record by id, in the card's order (empty if there is no such table). */
export function committedRows(s: DbState, name: string): Record<string, DbRow> {
  return Object.hasOwn(s.tables, name) ? precord(s.tables[name]) : {};
}
