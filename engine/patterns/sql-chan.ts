import { dbQuery, type DbResult, type DbResultMsg, type DbStmt } from '../clients/sql/messages';
import type { Msg } from '../core/msg';
import type { Ctx } from '../core/types';

// One SQL session a program holds to a `db` node, one statement at a time (as a JDBC connection
// is used by one thread): the statement out, tagged with the step it belongs to, so the answer
// goes to that step and a late answer for an abandoned step is ignored.

/** The statement waiting for its answer, and the step it belongs to. */
export interface SqlPending<T extends string = string> {
  req: number;
  tag: T;
}

/** A program's session: what is out, and the next request id. */
export interface SqlChan<T extends string = string> {
  pending: SqlPending<T> | null;
  nextReq: number;
}

/** A session with nothing out; `first` should be drawn at start, so a restarted process never reuses an old id. */
export const freshChan = <T extends string>(first = 1): SqlChan<T> => ({ pending: null, nextReq: first });

/** Sends `stmt` to `db` as step `tag`; returns the session with it out. */
export function sendSql<T extends string>(chan: SqlChan<T>, ctx: Ctx, db: string, stmt: DbStmt, tag: T): SqlChan<T> {
  ctx.send(db, dbQuery(chan.nextReq, stmt));
  return { pending: { req: chan.nextReq, tag }, nextReq: chan.nextReq + 1 };
}

/** The answer `msg` brings for the statement out, with its step; null if it is not that answer. */
export function sqlAnswer<T extends string>(chan: SqlChan<T>, msg: Msg): { tag: T; result: DbResult } | null {
  if (msg.type !== 'db.result' || chan.pending === null) return null;
  const m = msg as DbResultMsg;
  return m.id === chan.pending.req ? { tag: chan.pending.tag, result: m.result } : null;
}
