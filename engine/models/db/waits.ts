import { resultSay, sqlText, type DbResult, type DbResultMsg, type DbStmt } from '../../clients/sql/messages';
import { DEADLOCK, LOCK_WAIT_TIMEOUT } from './errors';
import { abandon, execute } from './exec';
import { armIdle } from './idle';
import { peach, pentries, pget } from '../../core/pmap';
import { dropSession, sessW, statsW, txnW } from './draft';
import { DB_TIMERS, type DbTimer } from './timers';
import type { DbTxn, DbWait } from './state';
import { readTxn, rollbackOnly, rollbackTxn, txnOf, type Run } from './txn';

// Lock waits: a statement that needs a row lock another transaction holds waits, FIFO per row,
// until the lock is released (it then runs again and takes it), until innodb_lock_wait_timeout
// (error 1205, only the statement fails), or until a deadlock makes it, or another waiter, the
// victim (error 1213, the victim's whole transaction is rolled back).


/** Who holds a row lock, for the trace: a session's transaction or a prepared branch nobody holds. */
export interface LockHolder {
  txn: number;
  client: string | null;
  xid: string | null;
  prepared: boolean;
}

function holderOf(r: Run, id: number): LockHolder {
  const t = pget(r.s.txns, String(id))!;
  const client = t.session === null ? null : pget(r.s.sessions, t.session)!.node;
  return { txn: id, client, xid: t.xid, prepared: t.xa === 'PREPARED' };
}

/** Sends session `key` the result of its request `req`, and traces the statement. */
export function answer(r: Run, key: string, req: number, stmt: DbStmt, result: DbResult, waitedMs: number | null): void {
  const sess = pget(r.s.sessions, key)!;
  const msg: DbResultMsg = sess.conn === null ? { type: 'db.result', id: req, result } : { type: 'db.result', id: req, result, session: sess.conn };
  r.ctx.send(sess.node, msg);
  const t = readTxn(r.s, key);
  r.ctx.trace('db.exec', {
    client: sess.node,
    session: sess.conn,
    sql: sqlText(stmt),
    result: resultSay(result),
    code: result.ok ? null : result.error.code,
    txn: t?.id ?? null,
    xid: t?.xid ?? null,
    waitedMs,
  });
  r.ctx.metric('db.statements');
  if (r.s.waitTimeoutMs !== null) armIdle(r, key);
}

/** Weight for choosing a deadlock victim, as InnoDB's: rows changed plus locks held (per table here). */
const weight = (t: DbTxn): number => t.undo + new Set(t.locks.map((k) => k.slice(0, k.indexOf('/')))).size;

/** The transaction session `key`'s waiting statement waits for, if it waits. */
function waitsFor(r: Run, t: DbTxn): number | null {
  if (t.session === null) return null;
  const w = pget(r.s.sessions, t.session)?.waiting;
  if (!w) return null;
  return pget(r.s.locks, w.lock) ?? null;
}

/** Ends session `key`'s wait: its timer is cancelled and it no longer waits. */
function unpark(r: Run, key: string): void {
  const w = pget(r.s.sessions, key)!.waiting;
  if (!w) return;
  r.ctx.cancelTimer(w.timer);
  sessW(r, key).waiting = null;
}

/**
 * A new wait by `t`: follows the chain of waits from the holder; if it comes back to `t`, the
 * lightest transaction of the cycle (the requester on a tie, as InnoDB picks) is rolled back.
 */
function detect(r: Run, t: DbTxn, row: string): void {
  const cycle: DbTxn[] = [t];
  let next = waitsFor(r, t);
  while (next !== null && next !== t.id && cycle.length <= r.s.txns.size) {
    const n = pget(r.s.txns, String(next))!;
    cycle.push(n);
    next = waitsFor(r, n);
  }
  if (next !== t.id) return;
  let victim = t;
  for (const c of cycle) if (weight(c) < weight(victim)) victim = c;
  const key = victim.session!;
  const w = pget(r.s.sessions, key)!.waiting!;
  statsW(r).deadlocks += 1;
  r.ctx.metric('db.deadlocks');
  r.ctx.trace('db.deadlock', { row, cycle: cycle.map((c) => holderOf(r, c.id)), victim: holderOf(r, victim.id) });
  unpark(r, key);
  (victim.xa === 'ACTIVE' ? rollbackOnly : rollbackTxn)(r, txnW(r, victim.id));
  answer(r, key, w.req, w.stmt, { ok: false, error: DEADLOCK }, r.ctx.now - w.since);
}

/** Session `key`'s statement `stmt` (request `req`) waits for row lock `row`, held by `holder`. */
export function park(r: Run, key: string, req: number, stmt: DbStmt, row: string, holder: number): void {
  const seq = r.s.nextWait++;
  const timer = r.ctx.setTimer(r.s.lockWaitTimeoutMs, DB_TIMERS.make('lock-wait', { session: key, seq }));
  const sess = sessW(r, key);
  sess.waiting = { req, stmt, lock: row, since: r.ctx.now, seq, timer };
  r.ctx.trace('db.wait', { client: sess.node, session: sess.conn, sql: sqlText(stmt), row, holder: holderOf(r, holder), timeoutMs: r.s.lockWaitTimeoutMs });
  r.ctx.metric('db.lockWaits');
  if (r.s.deadlockDetect) detect(r, txnOf(r, key)!, row);
}

/** Runs session `key`'s statement and answers it, or parks it until its lock is free. */
export function run(r: Run, key: string, req: number, stmt: DbStmt, waitedMs: number | null): void {
  const step = execute(r, key, stmt);
  if ('done' in step) answer(r, key, req, stmt, step.done, waitedMs);
  else park(r, key, req, stmt, step.wait, step.holder);
}

/**
 * The first waiter (lowest seq) for row lock `row`: every waiting statement has its session's
 * transaction open, so the open transactions (few) lead to every waiter.
 */
function firstWaiter(r: Run, row: string): { key: string; w: DbWait } | null {
  let first: { key: string; w: DbWait } | null = null;
  peach(r.s.txns, (t) => {
    const x = t.session === null ? undefined : pget(r.s.sessions, t.session)?.waiting;
    if (x?.lock === row && (first === null || x.seq < first.w.seq)) first = { key: t.session!, w: x };
  });
  return first;
}

/** Hands every released lock to its first waiter, whose statement then runs (and may release more). */
export function wake(r: Run): void {
  while (r.released.length > 0) {
    const row = r.released.shift()!;
    if (pget(r.s.locks, row) !== undefined) continue;
    const first = firstWaiter(r, row);
    if (first === null) continue;
    unpark(r, first.key);
    run(r, first.key, first.w.req, first.w.stmt, r.ctx.now - first.w.since);
  }
}

/** A lock wait's timer fired: if it still waits, the statement fails with 1205 (its transaction stays open). */
export function timeOut(r: Run, p: DbTimer): void {
  const w = pget(r.s.sessions, p.session)?.waiting;
  if (!w || w.seq !== p.seq) return;
  sessW(r, p.session).waiting = null;
  statsW(r).lockTimeouts += 1;
  r.ctx.metric('db.lockTimeouts');
  answer(r, p.session, w.req, w.stmt, { ok: false, error: LOCK_WAIT_TIMEOUT }, r.ctx.now - w.since);
  abandon(r, p.session);
}

/**
 * Client node `node`'s connection is gone: each of its sessions stops waiting, and its
 * transactions are rolled back, except prepared XA branches, which stay (with their locks)
 * until some session commits or rolls them back. Returns what happened, for the trace.
 */
export function disconnect(r: Run, node: string): { rolledBack: number[]; detached: string[] } {
  const out = { rolledBack: [] as number[], detached: [] as string[] };
  for (const [key, sess] of pentries(r.s.sessions)) {
    if (sess.node !== node) continue;
    unpark(r, key);
    const t = txnOf(r, key);
    if (t?.xa === 'PREPARED') {
      t.session = null;
      out.detached.push(t.xid!);
    } else if (t) {
      if (!t.auto) out.rolledBack.push(t.id);
      rollbackTxn(r, t);
    }
    dropSession(r, key);
  }
  return out;
}
