import type { DbResult, DbRow } from '../../clients/sql/messages';
import type { Ctx } from '../../core/types';
import { pdel, pget, pset } from '../../core/pmap';
import { addTxn, dropTxn, sessW, statsW, txnW, type Draft } from './draft';
import { applied, rowAt } from './rows';
import type { DbState, DbTxn } from './state';

// Transactions and row locks: opening, committing and rolling back, and taking a lock. The
// handler works on a draft of the state (draft.ts): a transaction it is handed is its own copy.

/** A row a commit changed: before and after (null: absent). */
export interface DbChange {
  table: string;
  id: string;
  from: DbRow | null;
  to: DbRow | null;
}

declare module '../../core/trace-types' {
  interface TraceEventMap {
    /** A transaction's changes became the committed rows (what invariants add up). */
    'db.commit': { txn: number; xid: string | null; client: string | null; changes: DbChange[] };
  }
}

/** One handler's work on a draft: the state, the node's ctx, and the row locks freed so far. */
export interface Run extends Draft {
  ctx: Ctx;
  /** Locks released by commits and rollbacks, for the waiters to take (model.ts). */
  released: string[];
}

/** The session's open transaction, if any, to read. */
export function readTxn(s: DbState, key: string): DbTxn | null {
  const id = pget(s.sessions, key)?.txn ?? null;
  return id === null ? null : pget(s.txns, String(id))!;
}

/** The session's open transaction, if any, as this step's own copy. */
export function txnOf(r: Run, key: string): DbTxn | null {
  const id = pget(r.s.sessions, key)?.txn ?? null;
  return id === null ? null : txnW(r, id);
}

/** Opens a transaction for session `key`. */
export function openTxn(r: Run, key: string, o: { auto?: boolean; xid?: string } = {}): DbTxn {
  const s = r.s;
  const t: DbTxn = { id: s.nextTxn, session: key, xid: o.xid ?? null, xa: o.xid === undefined ? null : 'ACTIVE', auto: o.auto ?? false, writes: {}, undo: 0, locks: [], view: null, since: r.ctx.now };
  s.nextTxn += 1;
  addTxn(r, t);
  sessW(r, key).txn = t.id;
  return t;
}

/** Frees `t`'s row locks, for the waiters. */
function release(r: Run, t: DbTxn): void {
  for (const k of t.locks) {
    if (pget(r.s.locks, k) === t.id) r.s.locks = pdel(r.s.locks, k);
    r.released.push(k);
  }
  t.locks = [];
}

/** Ends `t`: frees its locks and detaches it from its session. */
export function end(r: Run, t: DbTxn): void {
  const s = r.s;
  release(r, t);
  dropTxn(r, t.id);
  if (t.session !== null && pget(s.sessions, t.session)?.txn === t.id) sessW(r, t.session).txn = null;
}

/** Commits `t`: its changes become the committed rows (durable from here on). */
export function commitTxn(r: Run, t: DbTxn): void {
  if (t.undo > 0) {
    const changes: DbChange[] = [];
    for (const table of Object.keys(t.writes)) {
      for (const id of Object.keys(t.writes[table])) changes.push({ table, id, from: rowAt(r.s.tables, table, id) ?? null, to: t.writes[table][id] });
    }
    const client = t.session === null ? null : (pget(r.s.sessions, t.session)?.node ?? null);
    r.ctx.trace('db.commit', { txn: t.id, xid: t.xid, client, changes });
  }
  r.s.tables = applied(r.s.tables, t);
  // An autocommit read is not counted: the card's counts are of transactions that did something.
  if (!t.auto || t.undo > 0) {
    statsW(r).commits += 1;
    r.ctx.metric('db.commits');
  }
  end(r, t);
}

/** Rolls `t` back: its changes are dropped. */
export function rollbackTxn(r: Run, t: DbTxn): void {
  if (!t.auto || t.undo > 0) {
    statsW(r).rollbacks += 1;
    r.ctx.metric('db.rollbacks');
  }
  end(r, t);
}

/**
 * A deadlock victim that is an XA branch: its work is undone and its locks freed, but the branch
 * stays, ROLLBACK ONLY, until its XA ROLLBACK (or its XA COMMIT, which fails with XA_RBDEADLOCK).
 */
export function rollbackOnly(r: Run, t: DbTxn): void {
  statsW(r).rollbacks += 1;
  r.ctx.metric('db.rollbacks');
  release(r, t);
  t.writes = {};
  t.undo = 0;
  t.view = null;
  t.xa = 'ROLLBACK ONLY';
}

/** Takes the row lock `key` for `t`; the holder's id when another transaction has it. */
export function lock(r: Run, t: DbTxn, key: string): number | null {
  const holder = pget(r.s.locks, key);
  if (holder === t.id) return null;
  if (holder !== undefined) return holder;
  r.s.locks = pset(r.s.locks, key, t.id);
  t.locks.push(key);
  return null;
}

/** What a statement came to: a result, or a wait for `lock`, which transaction `holder` holds. */
export type Step = { readonly done: DbResult } | { readonly wait: string; readonly holder: number };
