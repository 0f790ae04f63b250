import type { DbError, DbQueryMsg, DbResultMsg } from '../../clients/sql/messages';
import { pget, phas } from '../../core/pmap';
import { dropSession, sessW } from './draft';
import { rollbackTxn, txnOf, type Run } from './txn';
import { DB_TIMERS, type DbTimer } from './timers';

// MariaDB's wait_timeout: a connection idle that long is closed by the server, which rolls back
// its open transaction (a prepared XA branch stays, as on any disconnect). A client that died
// while cut off from the database never sends its reset, so without this its row locks stay
// held by a half-open connection; with it, they go after wait_timeout. The client learns on its
// next statement on that connection: CR_SERVER_GONE_ERROR.

/** The client library's error for a connection the server has closed (libmariadb's text). */
export const SERVER_GONE: DbError = { code: 2006, state: 'HY000', message: 'Server has gone away' };

/** Restarts session `key`'s idle clock: it has just been answered. */
export function armIdle(r: Run, key: string): void {
  if (!phas(r.s.sessions, key)) return;
  const sess = sessW(r, key);
  if (sess.idle) r.ctx.cancelTimer(sess.idle.timer);
  const seq = (sess.idle?.seq ?? 0) + 1;
  sess.idle = { seq, timer: r.ctx.setTimer(r.s.waitTimeoutMs!, DB_TIMERS.make('idle', { session: key, seq })) };
}

/** Session `key` sat idle for wait_timeout: closed, its transaction rolled back. */
export function idleOut(r: Run, p: DbTimer): void {
  const sess = pget(r.s.sessions, p.session);
  if (!sess?.idle || sess.idle.seq !== p.seq || sess.waiting) return;
  const t = txnOf(r, p.session);
  const out = { rolledBack: [] as number[], detached: [] as string[] };
  if (t?.xa === 'PREPARED') {
    t.session = null;
    out.detached.push(t.xid!);
  } else if (t) {
    out.rolledBack.push(t.id);
    rollbackTxn(r, t);
  }
  dropSession(r, p.session);
  r.s.gone = [...r.s.gone, p.session];
  r.ctx.trace('db.disconnect', { client: sess.node, ...out, idleMs: r.s.waitTimeoutMs! });
}

/** A statement on a connection the server closed: the client finds it gone; its next one opens a new one. */
export function goneAway(r: Run, key: string, from: string, m: DbQueryMsg): void {
  r.s.gone = r.s.gone.filter((k) => k !== key);
  const result = { ok: false as const, error: SERVER_GONE };
  const msg: DbResultMsg = m.session === undefined ? { type: 'db.result', id: m.id, result } : { type: 'db.result', id: m.id, result, session: m.session };
  r.ctx.send(from, msg);
}
