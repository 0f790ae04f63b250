import { isConnectionClosed } from '../../core/connection';
import { dbQuery, resultText, sqlText, type DbResult, type DbResultMsg, type DbStmt } from '../../clients/sql/messages';
import { timerOwner, type NoFields } from '../../core/timer';
import { p, type Say } from '../../core/phrase';
import type { Ctx, ModelDef } from '../../core/types';
import { xaTmParams, type XaTmParams } from './params';
import type { Active, Branch, Chan, Tag, XaTmState } from './state';

declare module '../../core/trace-types' {
  interface TraceEventMap {
    /** A global transaction begins: `amount` from one account to another, over its branches' databases. */
    'xa.begin': { gtrid: string; amount: number; from: string; to: string; dbs: string[]; twoPhase: boolean; deadlineMs?: number };
    /** A branch voted (prepared, or failed: an error or a debit the balance did not cover). */
    'xa.vote': { gtrid: string; db: string; vote: 'yes' | 'no'; reason: Say | null };
    /** The decision, written to the durable log before any branch is told. */
    'xa.decide': { gtrid: string; decision: 'commit' | 'rollback' };
    /** The global transaction is over. `partial`: some branches committed, some not (never with two-phase commit). */
    'xa.end': { gtrid: string; outcome: 'committed' | 'rolled back' | 'partial' };
    /** Recovery after a restart is over: in-doubt branches committed (the log said so) or rolled back (presumed abort). */
    'xa.recovered': { committed: string[]; rolledBack: string[] };
  }
}

type TmTimers = { next: NoFields; retry: { db: string; stmt: DbStmt; tag: Tag } };
const TM_TIMERS = timerOwner<TmTimers>('xa-tm');

/** A phase-two statement that failed (the connection broke) is sent again after this long. */
const RETRY_MS = 1000;
/** A result for a statement whose connection broke before the answer. */
const LOST: DbResult = { ok: false, error: { code: 2013, state: 'HY000', message: 'Lost connection to server during query' } };

const clone = (s: XaTmState): XaTmState => JSON.parse(JSON.stringify(s)) as XaTmState;

function initState(p: XaTmParams): XaTmState {
  const q = xaTmParams.parse(p) as Required<XaTmParams>;
  return { p: q, log: [], next: 0, restarts: 0, committed: 0, rolledBack: 0, active: null, chans: {}, req: 1, recovering: null, resolved: { committed: [], rolledBack: [] } };
}

function sendNow(s: XaTmState, ctx: Ctx, db: string, stmt: DbStmt, tag: Tag): void {
  const req = s.req++;
  s.chans[db].busy = { req, stmt, tag };
  ctx.send(db, dbQuery(req, stmt));
}

/** Sends `stmt` on the session to `db`, or queues it behind the statement that session waits on. */
function enqueue(s: XaTmState, ctx: Ctx, db: string, stmt: DbStmt, tag: Tag): void {
  const c: Chan = (s.chans[db] ??= { busy: null, queue: [] });
  if (c.busy) c.queue.push({ stmt, tag });
  else sendNow(s, ctx, db, stmt, tag);
}

const dbsOf = (s: XaTmState) => [...new Set(s.p.transfers.flatMap((t) => [t.from.db, t.to.db]))];

/** Starts the next transfer as a global transaction. */
/** The promised deadline, as an event field only when there is one (so runs without it trace as before). */
const deadline = (ms: number | undefined) => (ms === undefined ? {} : { deadlineMs: ms });

function begin(s: XaTmState, ctx: Ctx): void {
  const t = s.p.transfers[s.next];
  if (!t || s.active) return;
  const gtrid = `${ctx.self}-${s.next + 1}`;
  s.next += 1;
  const debit: DbStmt = { op: 'update', table: 'accounts', id: t.from.id, add: { balance: -t.amount }, atLeast: { balance: t.amount } };
  const credit: DbStmt = { op: 'update', table: 'accounts', id: t.to.id, add: { balance: t.amount } };
  const start: DbStmt = { op: 'xa-start', xid: gtrid };
  const end: DbStmt = { op: 'xa-end', xid: gtrid };
  const prepare: DbStmt[] = s.p.twoPhase ? [{ op: 'xa-prepare', xid: gtrid }] : [];
  const branch = (db: string, stmts: DbStmt[]): Branch => ({ db, stmts, next: 0, vote: 'pending', started: false, settled: false, decision: null });
  const onePhase = t.from.db === t.to.db;
  const branches = onePhase ? [branch(t.from.db, [start, debit, credit, end])] : [branch(t.from.db, [start, debit, end, ...prepare]), branch(t.to.db, [start, credit, end, ...prepare])];
  const sequential = !onePhase && !s.p.twoPhase;
  s.active = { gtrid, amount: t.amount, branches, onePhase, sequential };
  ctx.trace('xa.begin', { gtrid, amount: t.amount, from: `${t.from.db}/${t.from.id}`, to: `${t.to.db}/${t.to.id}`, dbs: branches.map((b) => b.db), twoPhase: s.p.twoPhase && !onePhase, ...deadline(s.p.settleWithinMs) });
  for (const [i, b] of branches.entries()) if (i === 0 || !sequential) enqueue(s, ctx, b.db, b.stmts[0], { k: 'branch', b: i });
}

/** Tells branch `i` the outcome. */
function tell(s: XaTmState, a: Active, i: number, decision: 'commit' | 'rollback', ctx: Ctx): void {
  const b = a.branches[i];
  b.decision = decision;
  if (!b.started) {
    b.settled = true;
    return;
  }
  const stmt: DbStmt = decision === 'rollback' ? { op: 'xa-rollback', xid: a.gtrid } : { op: 'xa-commit', xid: a.gtrid, ...(s.p.twoPhase && !a.onePhase ? {} : { onePhase: true }) };
  enqueue(s, ctx, b.db, stmt, { k: 'decide', b: i });
}

/** Every branch has voted: decide (logging it first), and tell each branch. */
function decide(s: XaTmState, a: Active, ctx: Ctx): void {
  if (a.branches.some((b) => b.vote === 'pending' || b.vote === 'ending')) return;
  const decision = a.branches.every((b) => b.vote === 'yes') ? 'commit' : 'rollback';
  if (!a.onePhase) {
    s.log.push({ gtrid: a.gtrid, decision, dbs: a.branches.map((b) => b.db), done: false });
    ctx.trace('xa.decide', { gtrid: a.gtrid, decision });
  }
  a.branches.forEach((_, i) => tell(s, a, i, decision, ctx));
  finishIfSettled(s, a, ctx);
}

function finishIfSettled(s: XaTmState, a: Active, ctx: Ctx): void {
  if (!a.branches.every((b) => b.settled)) return;
  const commits = a.branches.filter((b) => b.decision === 'commit' && b.started).length;
  const outcome = commits === a.branches.length ? 'committed' : commits === 0 ? 'rolled back' : 'partial';
  const entry = s.log.find((e) => e.gtrid === a.gtrid);
  if (entry) entry.done = true;
  if (outcome === 'committed') s.committed += 1;
  else s.rolledBack += 1;
  ctx.metric(outcome === 'committed' ? 'xa.committed' : 'xa.rolledBack');
  ctx.trace('xa.end', { gtrid: a.gtrid, outcome });
  s.active = null;
  if (s.next < s.p.transfers.length) ctx.setTimer(s.p.intervalMs, TM_TIMERS.make('next'));
}

/** A first-phase statement of branch `i` answered. */
function onBranch(s: XaTmState, a: Active, i: number, stmt: DbStmt, r: DbResult, ctx: Ctx): void {
  const b = a.branches[i];
  if (stmt.op === 'xa-start' && r.ok) b.started = true;
  const short = stmt.op === 'update' && r.ok && r.affected === 0;
  if (!r.ok || short) {
    const reason = short ? p('model.xa-tm.noRow', { stmt: sqlText(stmt) }) : resultText(r);
    ctx.trace('xa.vote', { gtrid: a.gtrid, db: b.db, vote: 'no', reason });
    // A branch still ACTIVE must be ended before it can be rolled back (a lost connection took it with it).
    const endAt = b.stmts.findIndex((x) => x.op === 'xa-end');
    if (b.started && r !== LOST && b.next < endAt) {
      b.vote = 'ending';
      enqueue(s, ctx, b.db, b.stmts[endAt], { k: 'end', b: i });
      return;
    }
    b.vote = 'no';
  } else {
    b.next += 1;
    if (b.next < b.stmts.length) {
      enqueue(s, ctx, b.db, b.stmts[b.next], { k: 'branch', b: i });
      return;
    }
    b.vote = 'yes';
    ctx.trace('xa.vote', { gtrid: a.gtrid, db: b.db, vote: 'yes', reason: null });
  }
  if (a.sequential) {
    // Without two-phase commit each branch is committed (or rolled back) as soon as it is done.
    tell(s, a, i, b.vote === 'yes' ? 'commit' : 'rollback', ctx);
    finishIfSettled(s, a, ctx);
  } else decide(s, a, ctx);
}

/** A phase-two statement of branch `i` answered. */
function onDecide(s: XaTmState, a: Active, i: number, stmt: DbStmt, r: DbResult, ctx: Ctx): void {
  const b = a.branches[i];
  // XAER_NOTA: the database no longer knows the branch (it was resolved already).
  if (!r.ok && r.error.code !== 1397) {
    ctx.setTimer(RETRY_MS, TM_TIMERS.make('retry', { db: b.db, stmt, tag: { k: 'decide', b: i } }));
    return;
  }
  b.settled = true;
  if (a.sequential && b.decision === 'commit' && i + 1 < a.branches.length) {
    enqueue(s, ctx, a.branches[i + 1].db, a.branches[i + 1].stmts[0], { k: 'branch', b: i + 1 });
    return;
  }
  if (a.sequential && b.decision === 'rollback') for (const x of a.branches.slice(i + 1)) x.settled = true;
  finishIfSettled(s, a, ctx);
}

/** Recovery: one database's statement answered. */
function onRecovery(s: XaTmState, db: string, tag: Tag, stmt: DbStmt, r: DbResult, ctx: Ctx): void {
  const rec = s.recovering!;
  if (!r.ok && r.error.code === 2013) {
    ctx.setTimer(RETRY_MS, TM_TIMERS.make('retry', { db, stmt, tag }));
    return;
  }
  if (tag.k === 'recover' && r.ok) {
    for (const row of r.rows ?? []) {
      const gtrid = String(row.data);
      if (!gtrid.startsWith(`${ctx.self}-`)) continue;
      // Presumed abort: a branch with no commit in the log was never decided, so it is rolled back.
      const decision = s.log.some((e) => e.gtrid === gtrid && e.decision === 'commit') ? 'commit' : 'rollback';
      rec[db] += 1;
      enqueue(s, ctx, db, decision === 'commit' ? { op: 'xa-commit', xid: gtrid } : { op: 'xa-rollback', xid: gtrid }, { k: 'resolve', gtrid, decision });
    }
  }
  if (tag.k === 'resolve') {
    const list = tag.decision === 'commit' ? s.resolved.committed : s.resolved.rolledBack;
    if (!list.includes(tag.gtrid)) list.push(tag.gtrid);
  }
  rec[db] -= 1;
  if (Object.values(rec).some((n) => n > 0)) return;
  for (const e of s.log) e.done = true;
  ctx.trace('xa.recovered', { committed: s.resolved.committed, rolledBack: s.resolved.rolledBack });
  s.recovering = null;
  if (s.next < s.p.transfers.length) ctx.setTimer(s.p.intervalMs, TM_TIMERS.make('next'));
}

function dispatch(s: XaTmState, db: string, stmt: DbStmt, tag: Tag, r: DbResult, ctx: Ctx): void {
  if (tag.k === 'recover' || tag.k === 'resolve') {
    if (s.recovering) onRecovery(s, db, tag, stmt, r, ctx);
    return;
  }
  const a = s.active;
  if (!a) return;
  if (tag.k === 'branch') onBranch(s, a, tag.b, stmt, r, ctx);
  else if (tag.k === 'end') {
    a.branches[tag.b].vote = 'no';
    if (a.sequential) {
      tell(s, a, tag.b, 'rollback', ctx);
      finishIfSettled(s, a, ctx);
    } else decide(s, a, ctx);
  } else onDecide(s, a, tag.b, stmt, r, ctx);
}

/** A database answered (or its connection broke: every statement it waited on counts as lost). */
function onResult(s0: XaTmState, db: string, r: DbResult | null, req: number | null, ctx: Ctx): XaTmState {
  const c = s0.chans[db]?.busy;
  if (!c || (req !== null && c.req !== req)) return s0;
  const s = clone(s0);
  s.chans[db].busy = null;
  dispatch(s, db, c.stmt, c.tag, r ?? LOST, ctx);
  const chan = s.chans[db];
  if (!chan.busy && chan.queue.length > 0) {
    const n = chan.queue.shift()!;
    sendNow(s, ctx, db, n.stmt, n.tag);
  }
  return s;
}

/**
 * An XA transaction manager (Atomikos or Narayana inside an order service): it runs transfers
 * as global transactions over the databases' XA branches, logs each decision durably before it
 * tells any branch, and after a restart asks every database for its prepared branches (XA
 * RECOVER), commits those its log says committed and rolls back the rest (presumed abort).
 */
export const xaTmModel: ModelDef<XaTmParams, XaTmState> = {
  type: 'xa-tm',
  init: (p) => initState(p),
  start(s0, ctx) {
    const s = clone(s0);
    if (s.restarts > 0) {
      s.recovering = {};
      s.resolved = { committed: [], rolledBack: [] };
      for (const db of dbsOf(s)) {
        s.recovering[db] = 1;
        enqueue(s, ctx, db, { op: 'xa-recover' }, { k: 'recover' });
      }
      if (Object.keys(s.recovering).length === 0) s.recovering = null;
    } else if (s.p.transfers.length > 0) ctx.setTimer(s.p.startMs, TM_TIMERS.make('next'));
    return s;
  },
  onMessage(s, msg, from, ctx) {
    if (isConnectionClosed(msg)) return onResult(s, from, null, null, ctx);
    if (msg.type !== 'db.result') return s;
    const m = msg as DbResultMsg;
    return onResult(s, from, m.result, m.id, ctx);
  },
  onTimer(s0, payload, ctx) {
    const p = TM_TIMERS.match(payload);
    if (!p) return s0;
    const s = clone(s0);
    if (p.timer === 'next') begin(s, ctx);
    else enqueue(s, ctx, p.db, p.stmt, p.tag);
    return s;
  },
  // The log, the progress and the counts are on disk; the transaction in flight and the sessions are not.
  crash: (s) => ({ ...s, active: null, chans: {}, recovering: null, restarts: s.restarts + 1 }),
  describeTimer: (payload) => p(TM_TIMERS.match(payload)?.timer === 'retry' ? 'model.xa-tm.timerRetry' : 'model.xa-tm.timerNext'),
  narrate(ev, name) {
    switch (ev.type) {
      case 'xa.begin':
        return p('model.xa-tm.begin', { node: name(ev.node), gtrid: ev.gtrid, amount: ev.amount, from: ev.from, to: ev.to, how: ev.twoPhase ? 'twoPhase' : ev.dbs.length === 1 ? 'onePhase' : 'none' });
      case 'xa.vote':
        return ev.vote === 'yes' ? p('model.xa-tm.voteYes', { db: name(ev.db), gtrid: ev.gtrid }) : p('model.xa-tm.voteNo', { db: name(ev.db), gtrid: ev.gtrid, reason: ev.reason ?? 'null' });
      case 'xa.decide':
        return p('model.xa-tm.decide', { node: name(ev.node), record: `${ev.decision} ${ev.gtrid}` });
      case 'xa.end':
        return p('model.xa-tm.end', { gtrid: ev.gtrid, outcome: ev.outcome === 'rolled back' ? 'rolledBack' : ev.outcome });
      case 'xa.recovered':
        return p('model.xa-tm.recovered', { node: name(ev.node), committed: ev.committed.length ? p('model.xa-tm.recoveredCommitted', { gtrids: ev.committed.join(', ') }) : '', sep: ev.committed.length && ev.rolledBack.length ? 'yes' : 'no', rolledBack: ev.rolledBack.length ? p('model.xa-tm.recoveredRolledBack', { gtrids: ev.rolledBack.join(', ') }) : '', nothing: ev.committed.length + ev.rolledBack.length === 0 ? 'yes' : 'no' });
      default:
        return undefined;
    }
  },
};
