import { isConnectionClosed } from '../../core/connection';
import { dbQuery, resultText, type DbResult, type DbResultMsg, type DbStmt } from '../../clients/sql/messages';
import { ORIGIN_OP, type BranchKind, type BranchOp, type BranchReq, type BranchRes } from '../../clients/tcc/messages';
import { p, type Phrase, type Say } from '../../core/phrase';
import { pdel, pget, phas, pkeys, pmap, pset } from '../../core/pmap';
import type { Ctx, ModelDef } from '../../core/types';
import { barrierRow, busiOf } from './plan';
import { tccSvcParams, type TccSvcParams } from './params';
import type { Job, JobOutcome, TccSvcState } from './state';

/** What a participant's call did, in the trace: one event per call, when its local transaction ends. */
interface EffectFields {
  gid: string;
  branch: string;
  account: string;
  amount: number;
  kind: BranchKind;
  /** applied: committed; refused: the business said no; skipped: nothing to do (barrier, guard); failed: the database failed. */
  outcome: JobOutcome;
  reason: Say | null;
  /** The database and session its local transaction ran on: an applied effect counts once that COMMIT has run there. */
  db: string;
  session: string;
}

declare module '../../core/trace-types' {
  interface TraceEventMap {
    /** TCC Try: freezes the amount (debit) or checks the account (credit). */
    'tcc.try': EffectFields;
    /** TCC Confirm: spends the frozen amount (debit) or credits it (credit). */
    'tcc.confirm': EffectFields;
    /** TCC Cancel: releases the frozen amount. */
    'tcc.cancel': EffectFields;
    /** Saga action: moves the money at once. */
    'saga.action': EffectFields;
    /** Saga compensation: moves it back. */
    'saga.compensate': EffectFields;
  }
}

const EVENT = { try: 'tcc.try', confirm: 'tcc.confirm', cancel: 'tcc.cancel', action: 'saga.action', compensate: 'saga.compensate' } as const;
const KEEP = 6;

// A handler changes a copy of the top level; the jobs map and the handled log are replaced, never changed in place.
const clone = (s: TccSvcState): TccSvcState => ({ ...s });

const job = (s: TccSvcState, session: string): Job => pget(s.jobs, session)!;

function ask(s: TccSvcState, ctx: Ctx, session: string, stmt: DbStmt): void {
  const j = { ...job(s, session), req: s.req++ };
  s.jobs = pset(s.jobs, session, j);
  ctx.send(s.p.db, dbQuery(j.req, stmt, session));
}

/** The call's local transaction ended: trace its effect (on COMMIT, the moment it becomes durable), answer. */
function finish(s: TccSvcState, ctx: Ctx, session: string, status: BranchRes['status']): void {
  const j = job(s, session);
  s.jobs = pdel(s.jobs, session);
  const outcome = j.outcome ?? 'failed';
  s.handled = [...s.handled, { gid: j.gid, branch: j.branch, op: j.op, account: j.account, amount: j.amount, outcome, reason: j.reason }].slice(-KEEP);
  const res: BranchRes = { type: 'branch.res', id: j.id, status, ...(j.reason ? { reason: j.reason } : {}) };
  ctx.send(j.from, res);
}

function traceEffect(s: TccSvcState, session: string, j: Job, ctx: Ctx): void {
  ctx.trace(EVENT[j.op], { gid: j.gid, branch: j.branch, account: j.account, amount: j.amount, kind: j.kind, outcome: j.outcome ?? 'failed', reason: j.reason, db: s.p.db, session });
}

/** Ends the call's transaction: COMMIT (tracing the effect as it is sent) or ROLLBACK. */
function end(s: TccSvcState, ctx: Ctx, session: string, commit: boolean, outcome: JobOutcome, reason: Say | null): void {
  s.jobs = pset(s.jobs, session, { ...job(s, session), step: commit ? 'commit' : 'rollback', outcome, reason });
  if (commit) traceEffect(s, session, job(s, session), ctx);
  ask(s, ctx, session, { op: commit ? 'commit' : 'rollback' });
}

function runBusi(s: TccSvcState, ctx: Ctx, session: string): void {
  const j = job(s, session);
  const b = busiOf(j.op, j.kind, j.account, j.amount, s.p.cancelGuard && !s.p.barrier);
  if (!b) return end(s, ctx, session, true, 'skipped', 'nothing to change on this side');
  s.jobs = pset(s.jobs, session, { ...j, step: 'busi' });
  ask(s, ctx, session, b.stmt);
}

/** The barrier's verdict (DTM's BranchBarrier.Call): a Cancel whose Try never ran, or any repeat, does nothing. */
function afterBarrier(s: TccSvcState, ctx: Ctx, session: string, currentAffected: number): void {
  const j = job(s, session);
  const origin = ORIGIN_OP[j.op];
  if (origin && j.originAffected > 0) return end(s, ctx, session, true, 'skipped', p('model.tcc-svc.barrierEmpty', { origin, op: j.op }));
  if (currentAffected === 0) return end(s, ctx, session, true, 'skipped', p(origin || j.op === 'confirm' ? 'model.tcc-svc.barrierRepeat' : 'model.tcc-svc.barrierRepeatAfter', { row: `${j.gid}/${j.branch}/${j.op}`, op: j.op }));
  runBusi(s, ctx, session);
}

function onResult(s: TccSvcState, ctx: Ctx, session: string, r: DbResult): void {
  const j = job(s, session);
  if (!r.ok && j.step !== 'commit' && j.step !== 'rollback') {
    // The database failed the statement (a lock wait timeout, a lost connection): undo, try again later.
    return end(s, ctx, session, false, 'failed', resultText(r));
  }
  const affected = r.ok ? (r.rows ? r.rows.length : (r.affected ?? 0)) : 0;
  switch (j.step) {
    case 'begin': {
      if (!s.p.barrier) return runBusi(s, ctx, session);
      const origin = ORIGIN_OP[j.op];
      s.jobs = pset(s.jobs, session, { ...j, step: origin ? 'origin' : 'barrier' });
      return ask(s, ctx, session, barrierRow(j.gid, j.branch, origin ?? j.op, j.op));
    }
    case 'origin':
      s.jobs = pset(s.jobs, session, { ...j, step: 'barrier', originAffected: affected });
      return ask(s, ctx, session, barrierRow(j.gid, j.branch, j.op, j.op));
    case 'barrier':
      return afterBarrier(s, ctx, session, affected);
    case 'busi': {
      if (affected > 0) return end(s, ctx, session, true, 'applied', null);
      const b = busiOf(j.op, j.kind, j.account, j.amount, s.p.cancelGuard && !s.p.barrier)!;
      if (b.onNone === 'nothing') return end(s, ctx, session, true, 'skipped', b.none);
      // A compensation that cannot be done is refused by the business, yet must be called again: it answers 500, not 409.
      return end(s, ctx, session, false, 'refused', b.none);
    }
    case 'commit':
      return finish(s, ctx, session, r.ok ? 'ok' : 'error');
    case 'rollback':
      if (j.outcome === 'refused' || j.outcome === 'failed') traceEffect(s, session, j, ctx);
      return finish(s, ctx, session, j.outcome === 'refused' && j.op !== 'compensate' ? 'failure' : 'error');
  }
}

function onCall(s0: TccSvcState, m: BranchReq, from: string, ctx: Ctx): TccSvcState {
  const s = clone(s0);
  const session = `c${s.next++}`;
  s.jobs = pset(s.jobs, session, { id: m.id, from, gid: m.gid, branch: m.branch, op: m.op, kind: m.kind, account: m.account, amount: m.amount, req: 0, step: 'begin', originAffected: 0, outcome: null, reason: null });
  ask(s, ctx, session, { op: 'begin' });
  return s;
}

/** A lost connection to the database fails every call waiting on it: the coordinator will call again. */
function dbGone(s0: TccSvcState, ctx: Ctx): TccSvcState {
  const s = clone(s0);
  for (const session of pkeys(s.jobs)) {
    s.jobs = pset(s.jobs, session, { ...job(s, session), outcome: 'failed', reason: p('model.tcc-svc.dbLost') });
    finish(s, ctx, session, 'error');
  }
  return s;
}

/**
 * A TCC / Saga participant (a service in DTM's examples, e.g. busi/ in github:dtm-labs/dtm):
 * each call runs as one local transaction on its database, optionally behind DTM's
 * sub-transaction barrier (client/dtmcli/barrier.go: insert the origin op's row, then the op's
 * own row; skip the business when the origin row was new or the op's row was not).
 */
export const tccSvcModel: ModelDef<TccSvcParams, TccSvcState> = {
  type: 'tcc-svc',
  init: (p) => ({ p: tccSvcParams.parse(p) as Required<TccSvcParams>, jobs: pmap(), next: 1, req: 1, handled: [] }),
  start(s, ctx) {
    // Request ids start at a random point so a database answer meant for an earlier life matches nothing.
    return { ...s, req: 1 + Math.floor(ctx.random() * 1e6) };
  },
  onMessage(s, msg, from, ctx) {
    if (isConnectionClosed(msg)) return from === s.p.db && s.jobs.size > 0 ? dbGone(s, ctx) : s;
    if (msg.type === 'branch.req') return onCall(s, msg as BranchReq, from, ctx);
    if (msg.type !== 'db.result' || from !== s.p.db) return s;
    const m = msg as DbResultMsg;
    const session = m.session ?? '';
    if (!phas(s.jobs, session) || job(s, session).req !== m.id) return s;
    const next = clone(s);
    onResult(next, ctx, session, m.result);
    return next;
  },
  // Calls in progress die with the process (the database rolls their transactions back); the log of handled calls stays.
  crash: (s) => ({ ...s, jobs: pmap() }),
  describeMessage(msg) {
    if (msg.type === 'branch.res') {
      const m = msg as BranchRes;
      return m.status === 'ok' ? '200 OK' : m.status === 'failure' ? '409 FAILURE' : '500';
    }
    return msg.type;
  },
  narrate(ev, name) {
    if (!(ev.type in NARRATE)) return undefined;
    const e = ev as unknown as EffectFields & { type: keyof typeof NARRATE; node: string };
    return p('model.tcc-svc.line', { node: name(e.node), gid: e.gid, what: NARRATE[e.type](e), reason: e.reason ? p('model.tcc-svc.reason', { reason: e.reason }) : '' });
  },
};

const verb = (done: Phrase, e: EffectFields): Phrase => p('model.tcc-svc.verb', { outcome: e.outcome, done });
const NARRATE: Record<(typeof EVENT)[BranchOp], (e: EffectFields) => Phrase> = {
  'tcc.try': (e) => p('model.tcc-svc.try', { account: e.account, amount: e.amount, verb: verb(p(e.kind === 'debit' ? 'model.tcc-svc.tryDebit' : 'model.tcc-svc.tryCredit', { account: e.account, amount: e.amount }), e) }),
  'tcc.confirm': (e) => p('model.tcc-svc.confirm', { verb: verb(p(e.kind === 'debit' ? 'model.tcc-svc.confirmDebit' : 'model.tcc-svc.confirmCredit', { account: e.account, amount: e.amount }), e) }),
  'tcc.cancel': (e) => p('model.tcc-svc.cancel', { verb: verb(e.kind === 'debit' ? p('model.tcc-svc.cancelDebit', { account: e.account, amount: e.amount }) : p('model.tcc-svc.cancelCredit'), e) }),
  'saga.action': (e) => p('model.tcc-svc.action', { verb: verb(p(e.kind === 'debit' ? 'model.tcc-svc.actionDebit' : 'model.tcc-svc.actionCredit', { account: e.account, amount: e.amount }), e) }),
  'saga.compensate': (e) => p('model.tcc-svc.compensate', { verb: verb(p(e.kind === 'debit' ? 'model.tcc-svc.compensateDebit' : 'model.tcc-svc.compensateCredit', { account: e.account, amount: e.amount }), e) }),
};
