import { isConnectionClosed } from '../../core/connection';
import type { BranchOp, BranchReq, BranchRes } from '../../clients/tcc/messages';
import { timerOwner, type NoFields } from '../../core/timer';
import type { Ctx, ModelDef } from '../../core/types';
import { tcParams, type TcParams } from './params';
import { branchWhat } from './view';
import type { BranchState, GStatus, Gtx, TcState } from './state';

import { p, type Phrase, type Say } from '../../core/phrase';

declare module '../../core/trace-types' {
  interface TraceEventMap {
    /** A global transaction begins: its branches, as `debit alice 30`. */
    'tc.begin': { gid: string; mode: 'tcc' | 'saga'; branches: Phrase[]; deadlineMs?: number };
    /** A branch answered (or did not in time): `retryInMs` when the call will be made again. */
    'tc.branch': { gid: string; branch: string; op: BranchOp; svc: string; result: 'ok' | 'failure' | 'error' | 'unknown'; reason: Say | null; retryInMs: number | null };
    /** The second phase begins: Confirm or Cancel every tried branch, or compensate the saga's steps in reverse. */
    'tc.phase': { gid: string; phase: 'confirm' | 'cancel' | 'compensate'; why: Say };
    /** The global transaction is over: every branch confirmed (succeeded) or undone (failed). */
    'tc.end': { gid: string; outcome: 'succeeded' | 'failed' };
    /** The coordinator restarted and read its log: the global transactions it takes up again. */
    'tc.recover': { resumed: string[]; aborted: string[] };
  }
}

type TcTimers = { next: NoFields; retry: NoFields; timeout: { id: number } };
const TC_TIMERS = timerOwner<TcTimers>('tc');

const FINAL: readonly GStatus[] = ['succeeded', 'failed'];

/**
 * The global transaction in progress: only the last one begun can be, since one begins only when
 * every earlier one is over.
 */
function active(s: TcState): Gtx | null {
  const g = s.log.at(-1);
  return g && !FINAL.includes(g.status) ? g : null;
}

const own = (g: Gtx): Gtx => ({ ...g, branches: g.branches.map((b) => ({ ...b })) });

/**
 * A copy a handler may change in place: the top level and the log's array, with its own copy of
 * the entries a handler can change (the one in progress, the one the call in flight belongs to);
 * the rest is shared with `s`.
 */
function clone(s: TcState): TcState {
  const log = [...s.log];
  const last = active(s) ? log.length - 1 : -1;
  if (last >= 0) log[last] = own(log[last]);
  const c = s.call === null ? -1 : s.log.findIndex((x) => x.gid === s.call!.gid);
  if (c >= 0 && c !== last) log[c] = own(log[c]);
  return { ...s, log };
}

/** The next call of `g`'s current phase: [branch index, op], or null when the phase is over. */
function nextCall(g: Gtx): [number, BranchOp] | null {
  const bs = g.branches;
  const first = (ok: (st: BranchState) => boolean) => bs.findIndex((b) => ok(b.state));
  const last = (ok: (st: BranchState) => boolean) => bs.findLastIndex((b) => ok(b.state));
  let i: number;
  switch (g.status) {
    case 'trying':
      i = first((st) => st === 'pending');
      return i < 0 ? null : [i, 'try'];
    case 'acting':
      i = first((st) => st === 'pending');
      return i < 0 ? null : [i, 'action'];
    // The second phase runs over the branches in reverse order.
    case 'confirming':
      i = last((st) => st === 'tried');
      return i < 0 ? null : [i, 'confirm'];
    case 'cancelling':
      // Every branch whose Try was called, failed or unknown too (DTM cancels what it registered).
      i = last((st) => st === 'tried' || st === 'try failed' || st === 'unknown');
      return i < 0 ? null : [i, 'cancel'];
    case 'compensating':
      // Steps that succeeded, failed or are unknown; never those that never started.
      i = last((st) => st === 'done' || st === 'failed' || st === 'unknown');
      return i < 0 ? null : [i, 'compensate'];
    default:
      return null;
  }
}

function send(s: TcState, g: Gtx, b: number, op: BranchOp, ctx: Ctx): void {
  const br = g.branches[b];
  const to = br.svc[br.calls % br.svc.length];
  br.calls += 1;
  const id = s.req++;
  const m: BranchReq = { type: 'branch.req', id, gid: g.gid, branch: br.id, op, kind: br.kind, account: br.account, amount: br.amount };
  ctx.send(to, m);
  s.call = { id, gid: g.gid, b, op, to, timer: ctx.setTimer(s.p.requestTimeoutMs, TC_TIMERS.make('timeout', { id })) };
}

function phase(g: Gtx, status: GStatus, why: Say, ctx: Ctx): void {
  g.status = status;
  g.interval = 0;
  ctx.trace('tc.phase', { gid: g.gid, phase: status === 'confirming' ? 'confirm' : status === 'cancelling' ? 'cancel' : 'compensate', why });
}

/** Makes the next call of the active global transaction, moving to the next phase or ending it when one is over. */
function advance(s: TcState, ctx: Ctx): void {
  const g = active(s);
  if (!g || s.call || s.waiting) return;
  const c = nextCall(g);
  if (c) return send(s, g, c[0], c[1], ctx);
  if (g.status === 'trying') {
    phase(g, 'confirming', p('model.tc.whyAllTried'), ctx);
    return advance(s, ctx);
  }
  const outcome = g.status === 'confirming' || g.status === 'acting' ? 'succeeded' : 'failed';
  g.status = outcome;
  ctx.metric(outcome === 'succeeded' ? 'tc.succeeded' : 'tc.failed');
  ctx.trace('tc.end', { gid: g.gid, outcome });
  if (s.next < s.p.transactions.length) ctx.setTimer(s.p.intervalMs, TC_TIMERS.make('next'));
}

function begin(s: TcState, ctx: Ctx): void {
  const t = s.p.transactions[s.next];
  if (!t || active(s)) return;
  s.next += 1;
  const g: Gtx = {
    gid: t.gid ?? `${ctx.self}-${s.next}`,
    mode: t.mode,
    status: t.mode === 'tcc' ? 'trying' : 'acting',
    branches: t.branches.map((b, i) => ({ id: String(i + 1).padStart(2, '0'), svc: b.svc, kind: b.kind, account: b.account, amount: b.amount, state: 'pending', calls: 0, retries: 0 })),
    interval: 0,
  };
  s.log.push(g);
  ctx.trace('tc.begin', { gid: g.gid, mode: g.mode, branches: g.branches.map(branchWhat), ...(s.p.settleWithinMs === undefined ? {} : { deadlineMs: s.p.settleWithinMs }) });
  advance(s, ctx);
}

/** The call in flight ended: `ok`, `failure` (the business said no), `error` (it failed, try again) or `unknown` (a timeout, a broken connection). */
function onAnswer(s: TcState, result: 'ok' | 'failure' | 'error' | 'unknown', reason: Say | null, ctx: Ctx): void {
  const c = s.call!;
  s.call = null;
  const g = s.log.find((x) => x.gid === c.gid)!;
  const br = g.branches[c.b];
  let retryInMs: number | null = null;
  // The backoff is for calls failing in a row: an answer resets it.
  if (result === 'ok' || result === 'failure') g.interval = 0;
  if (g.status === 'trying') {
    br.state = result === 'ok' ? 'tried' : result === 'failure' ? 'try failed' : 'unknown';
  } else if (g.status === 'acting' && (result === 'ok' || result === 'failure')) {
    br.state = result === 'ok' ? 'done' : 'failed';
  } else if (result === 'ok') {
    br.state = g.status === 'confirming' ? 'confirmed' : g.status === 'cancelling' ? 'cancelled' : 'compensated';
  } else {
    // Confirm, Cancel and compensation must succeed in the end, and a saga's action whose fate is
    // unknown is tried again (forward): call again after the interval, doubling it each time.
    if (g.status !== 'acting') br.retries += 1;
    g.interval = g.interval === 0 ? s.p.retryIntervalMs : g.interval * 2;
    retryInMs = g.interval;
    s.waiting = true;
    ctx.setTimer(retryInMs, TC_TIMERS.make('retry'));
  }
  ctx.trace('tc.branch', { gid: g.gid, branch: br.id, op: c.op, svc: c.to, result, reason, retryInMs });
  if (g.status === 'trying' && result !== 'ok') phase(g, 'cancelling', p('model.tc.whyTryFailed', { branch: br.id, unknown: result === 'unknown' ? 'yes' : 'no' }), ctx);
  if (g.status === 'acting' && result === 'failure') phase(g, 'compensating', p('model.tc.whyActionFailed', { branch: br.id }), ctx);
  advance(s, ctx);
}

function onMessage(s0: TcState, msg: { type: string }, from: string, ctx: Ctx): TcState {
  const c = s0.call;
  if (!c || c.to !== from) return s0;
  if (isConnectionClosed(msg)) {
    const s = clone(s0);
    ctx.cancelTimer(c.timer);
    onAnswer(s, 'unknown', p('model.tc.connectionBroken'), ctx);
    return s;
  }
  if (msg.type !== 'branch.res') return s0;
  const m = msg as BranchRes;
  if (m.id !== c.id) return s0;
  const s = clone(s0);
  ctx.cancelTimer(c.timer);
  onAnswer(s, m.status, m.reason ?? null, ctx);
  return s;
}

/**
 * A TCC / Saga coordinator in the style of DTM's server (github:dtm-labs/dtm, dtmsvr/) and
 * Seata's TC: a global transaction id per transfer, a branch table in its durable log, Try
 * (or a saga's actions) in order, then Confirm / Cancel (or compensations) in reverse, each
 * retried until it succeeds, the wait doubling each time (dtmsvr/trans_status.go,
 * getNextCronInterval). After a restart it reads its log: a TCC transaction still in its Try
 * phase is aborted (DTM does so once TimeoutToFail, 35 s, has passed), everything else resumes.
 */
export const tcModel: ModelDef<TcParams, TcState> = {
  type: 'tc',
  init: (p) => ({ p: tcParams.parse(p) as Required<TcParams>, log: [], next: 0, restarts: 0, call: null, waiting: false, req: 1 }),
  start(s0, ctx) {
    const s = clone(s0);
    s.req = 1 + Math.floor(ctx.random() * 1e6);
    if (s.restarts === 0) {
      if (s.p.transactions.length > 0) ctx.setTimer(s.p.startMs, TC_TIMERS.make('next'));
      return s;
    }
    const g = active(s);
    const resumed: string[] = [];
    const aborted: string[] = [];
    if (g) {
      // A call that was in flight has an unknown outcome.
      for (const b of g.branches) if (b.state === 'pending' && b.calls > 0) b.state = g.status === 'trying' ? 'unknown' : 'pending';
      if (g.status === 'trying') {
        aborted.push(g.gid);
        g.status = 'cancelling';
        g.interval = 0;
      } else resumed.push(g.gid);
    }
    ctx.trace('tc.recover', { resumed, aborted });
    if (g) advance(s, ctx);
    else if (s.next < s.p.transactions.length) ctx.setTimer(s.p.intervalMs, TC_TIMERS.make('next'));
    return s;
  },
  onMessage,
  onTimer(s0, payload, ctx) {
    const tm = TC_TIMERS.match(payload);
    if (!tm) return s0;
    if (tm.timer === 'timeout' && s0.call?.id !== tm.id) return s0;
    const s = clone(s0);
    if (tm.timer === 'next') begin(s, ctx);
    else if (tm.timer === 'retry') {
      s.waiting = false;
      advance(s, ctx);
    } else {
      // No answer in time: the HTTP client gives up on its connection, and the outcome is unknown.
      ctx.disconnect(s.call!.to);
      onAnswer(s, 'unknown', p('model.tc.noAnswer', { ms: s.p.requestTimeoutMs }), ctx);
    }
    return s;
  },
  crash: (s) => ({ ...s, call: null, waiting: false, restarts: s.restarts + 1 }),
  describeTimer: (payload) => {
    const t = TC_TIMERS.match(payload)?.timer;
    return p(t === 'retry' ? 'model.tc.timerRetry' : t === 'timeout' ? 'model.tc.timerTimeout' : 'model.tc.timerNext');
  },
  describeMessage(msg) {
    if (msg.type !== 'branch.req') return msg.type;
    const m = msg as BranchReq;
    return p('model.tc.branchReq', { op: m.op, gid: m.gid, branch: m.branch });
  },
  narrate(ev, name) {
    switch (ev.type) {
      case 'tc.begin':
        return p('model.tc.begin', { node: name(ev.node), mode: ev.mode, gid: ev.gid, branches: ev.branches.slice(1).reduce((a, b) => p('model.tc.comma', { a, b }), ev.branches[0] ?? '') });
      case 'tc.branch':
        return p('model.tc.branch', { gid: ev.gid, branch: ev.branch, op: ev.op, svc: name(ev.svc), result: ev.result, reason: ev.reason && ev.result !== 'ok' ? p('model.tc.reason', { reason: ev.reason }) : '', retry: ev.retryInMs !== null ? p('model.tc.callsAgain', { node: name(ev.node), ms: ev.retryInMs }) : '' });
      case 'tc.phase':
        return p('model.tc.phase', { gid: ev.gid, why: ev.why, node: name(ev.node), phase: ev.phase });
      case 'tc.end':
        return p('model.tc.end', { gid: ev.gid, outcome: ev.outcome });
      case 'tc.recover':
        return p('model.tc.recover', { node: name(ev.node), aborted: ev.aborted.length ? p('model.tc.recoverAborts', { gids: ev.aborted.join(', ') }) : '', resumed: ev.resumed.length ? p('model.tc.recoverResumes', { gids: ev.resumed.join(', ') }) : '', nothing: ev.aborted.length + ev.resumed.length === 0 ? 'yes' : 'no' });
      default:
        return undefined;
    }
  },
};
