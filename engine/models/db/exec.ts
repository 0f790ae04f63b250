import { isXa, type DbRow, type DbStmt } from '../../clients/sql/messages';
import { duplicateKey, noSuchTable, xaerRmfail } from './errors';
import { pget } from '../../core/pmap';
import { consistent, latest, scanRows, write } from './rows';
import { lockKey, type DbTxn } from './state';
import { commitTxn, lock, openTxn, rollbackTxn, txnOf, type Run, type Step } from './txn';
import { xaStatement } from './xa';

// Running one statement for a session: transactions (explicit, autocommit, XA branches), row
// locks (exclusive, InnoDB's record locks on the primary key) and the statement itself. A
// statement needs at most one row lock, so one that must wait is simply run again once the lock
// is granted.

const ok = (affected?: number): Step => ({ done: affected === undefined ? { ok: true } : { ok: true, affected } });
const rows = (r: readonly DbRow[]): Step => ({ done: { ok: true, rows: r } });

/** The row statements: they run inside `t` (an explicit one, or the statement's own). */
function dml(r: Run, t: DbTxn, st: Extract<DbStmt, { table: string }>): Step {
  const s = r.s;
  if (!Object.hasOwn(s.tables, st.table)) return { done: { ok: false, error: noSuchTable(r.ctx.self, st.table) } };
  if (st.op === 'scan') {
    const w = Object.entries(st.where ?? {});
    return rows(scanRows(s, t, st.table).filter((row) => w.every(([c, v]) => row[c] === v)));
  }
  const id = st.op === 'insert' ? String(st.row.id) : st.id;
  if (st.op === 'select' && !st.forUpdate) {
    const row = consistent(s, t, st.table, id);
    return rows(row ? [row] : []);
  }
  // A locking statement locks the row's key; one with no row and no holder locks nothing
  // (InnoDB would also lock the gap before the key: not modelled).
  const key = lockKey(st.table, id);
  const exists = latest(s, t, st.table, id) !== undefined;
  if (exists || pget(s.locks, key) !== undefined) {
    const holder = lock(r, t, key);
    if (holder !== null) return { wait: key, holder };
  }
  const row = latest(s, t, st.table, id);
  switch (st.op) {
    case 'select':
      return rows(row ? [row] : []);
    case 'insert':
      if (row) return st.ignore ? ok(0) : { done: { ok: false, error: duplicateKey(id) } };
      lock(r, t, key);
      write(t, st.table, id, { ...st.row, id });
      return ok(1);
    case 'update': {
      if (!row) return ok(0);
      for (const [c, min] of Object.entries(st.atLeast ?? {})) if (!(Number(row[c]) >= min)) return ok(0);
      const next: Record<string, DbRow[string]> = { ...row, ...st.set };
      for (const [c, d] of Object.entries(st.add ?? {})) next[c] = Number(row[c] ?? 0) + d;
      write(t, st.table, id, next);
      return ok(1);
    }
    case 'delete':
      if (!row) return ok(0);
      write(t, st.table, id, null);
      return ok(1);
  }
}

/**
 * Runs `st` for session `key`. A row statement outside a transaction runs in one of its own
 * (autocommit), which ends with it unless it waits for a lock.
 */
export function execute(r: Run, key: string, st: DbStmt): Step {
  const t = txnOf(r, key);
  if (isXa(st)) return xaStatement(r, key, t, st);
  // A branch that has ended (IDLE), is prepared or was rolled back takes no other statement.
  if (t?.xa && t.xa !== 'ACTIVE') return { done: { ok: false, error: xaerRmfail(t.xa) } };
  switch (st.op) {
    case 'begin':
      if (t?.xa === 'ACTIVE') return { done: { ok: false, error: xaerRmfail('ACTIVE') } };
      // START TRANSACTION inside a transaction commits it first (an implicit commit).
      if (t) commitTxn(r, t);
      openTxn(r, key);
      return ok();
    case 'commit':
    case 'rollback':
      if (t?.xa === 'ACTIVE') return { done: { ok: false, error: xaerRmfail('ACTIVE') } };
      if (t) (st.op === 'commit' ? commitTxn : rollbackTxn)(r, t);
      return ok();
    default: {
      const own = t ?? openTxn(r, key, { auto: true });
      const step = dml(r, own, st as Extract<DbStmt, { table: string }>);
      if ('done' in step && own.auto) (step.done.ok ? commitTxn : rollbackTxn)(r, own);
      return step;
    }
  }
}

/**
 * A statement that waited for a lock failed (timeout, deadlock victim, its session gone): an
 * autocommit statement's own transaction ends with it.
 */
export function abandon(r: Run, key: string): void {
  const t = txnOf(r, key);
  if (t?.auto) rollbackTxn(r, t);
}
