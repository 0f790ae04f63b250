import { isMqMsg, type MqCheckMsg, type MqEndMsg, type MqHelloMsg, type MqSendMsg, type MqSendResultMsg, type TxResolution } from '../../clients/mq/messages';
import { dbQuery, type DbResult, type DbResultMsg } from '../../clients/sql/messages';
import { isConnectionClosed } from '../../core/connection';
import { p, type Say } from '../../core/phrase';
import type { ProgramDef } from '../../core/program';
import { timerOwner, type NoFields } from '../../core/timer';
import type { Ctx } from '../../core/types';
import { freshChan, sendSql, sqlAnswer, type SqlChan } from '../sql-chan';
import { after, CHECK_SESSION, checkStmt, statement, type LocalTx, type Step as SqlStep } from './local-tx';
import type { TxProducerParams } from './params';

/**
 * A payment service sending "order paid" as a RocketMQ transactional message: it sends a half
 * message, and once the broker has stored it, runs its local transaction (marks the order paid
 * in its own database) and ends the message with COMMIT, or ROLLBACK when the local
 * transaction failed. Its check listener answers the broker's back-checks from that database:
 * the row with the checked message's id says COMMIT or ROLLBACK, and no row means the local
 * transaction never committed (ROLLBACK). The database survives a crash; the rest does not.
 *
 * With `db` the database is a `db` node: the local transaction debits the payer's account and
 * inserts the message's row into `tx_log` in one transaction, and the checker looks that row
 * up on a session of its own. A commit whose answer never came (the database went away) is
 * UNKNOWN, as an exception in executeLocalTransaction is: only the check can tell.
 */

declare module '../../core/trace-types' {
  interface TraceEventMap {
    /** The producer sends an order's half message. */
    'txp.half': { order: string; topic: string; deadlineMs?: number };
    /** The local transaction ended: the order is marked paid (commit) or not (rollback). */
    'txp.local': { order: string; msgId: string; outcome: 'commit' | 'rollback' | 'unknown'; why?: Say };
    /** The producer ends the half message itself. */
    'txp.end': { order: string; msgId: string; resolution: TxResolution };
    /** The producer answers a back-check. */
    'txp.check': { order: string; msgId: string; checkTimes: number; answer: TxResolution; row: 'committed' | 'rolled-back' | 'none' };
  }
}

type Stage = 'half' | 'local' | 'after';

/** A row of the producer's own database: the order, its state and the half message's id. */
export interface PaidRow {
  order: string;
  msgId: string;
  state: 'committed' | 'rolled-back' | 'unknown';
}

/** A back-check waiting for its tx_log lookup (with `db`). */
interface PendingCheck {
  msgId: string;
  key: string;
  checkTimes: number;
}

export interface TxProducerState {
  p: TxProducerParams;
  /** On disk: the local database. */
  rows: PaidRow[];
  /** In memory: the order in progress. */
  current: { order: string; rid: number; msgId: string | null; stage: Stage } | null;
  nextRid: number;
  connected: boolean;
  /** With `db`: the main session, whether tx_log has been read since the start, and the checks out. */
  chan: SqlChan<SqlStep>;
  scanned: boolean;
  checks: Record<number, PendingCheck>;
  nextCheck: number;
  /** Why the local transaction is being rolled back. */
  undo: Say | null;
}

/** The next order, the local transaction's end, sending END, and saying hello again. */
const TIMERS = timerOwner<{ next: NoFields; local: { rid: number }; end: { rid: number }; hello: NoFields; beat: NoFields }>('tx-producer');

const orderName = (i: number) => `order-${i}`;

function hello(s: TxProducerState, ctx: Ctx): TxProducerState {
  const m: MqHelloMsg = { type: 'mq.hello', producerGroup: s.p.producerGroup };
  ctx.send(s.p.target, m);
  return { ...s, connected: true };
}

/** The lowest order not in the database (an order interrupted by a crash is paid again). */
function nextOrder(s: TxProducerState): string | null {
  for (let i = 1; i <= s.p.orders; i++) if (!s.rows.some((r) => r.order === orderName(i))) return orderName(i);
  return null;
}

function placeNext(s: TxProducerState, ctx: Ctx): TxProducerState {
  const order = nextOrder(s);
  if (order === null) return { ...s, current: null };
  const rid = s.nextRid;
  const m: MqSendMsg = { type: 'mq.send', rid, topic: s.p.topic, key: order, body: `${order} paid`, half: true, producerGroup: s.p.producerGroup };
  ctx.send(s.p.target, m);
  ctx.trace('txp.half', { order, topic: s.p.topic, ...(s.p.settleWithinMs === undefined ? {} : { deadlineMs: s.p.settleWithinMs }) });
  return { ...s, nextRid: rid + 1, current: { order, rid, msgId: null, stage: 'half' } };
}

function onResult(s: TxProducerState, m: MqSendResultMsg, ctx: Ctx): TxProducerState {
  const c = s.current;
  if (!c || c.rid !== m.rid || c.stage !== 'half') return s;
  ctx.setTimer(s.p.localTxMs, TIMERS.make('local', { rid: c.rid }));
  return { ...s, current: { ...c, msgId: m.msgId, stage: 'local' } };
}

/** Answers a check from what the database says about the message (`row`). */
function answerCheck(s: TxProducerState, c: PendingCheck, row: 'committed' | 'rolled-back' | 'none', ctx: Ctx): void {
  // A transaction still running has no row yet: too early to say.
  const running = s.current?.msgId === c.msgId;
  let answer: TxResolution = row === 'committed' ? 'commit' : row === 'rolled-back' ? 'rollback' : running ? 'unknown' : 'rollback';
  if (s.p.checkAnswer === 'unknown') answer = 'unknown';
  ctx.trace('txp.check', { order: c.key, msgId: c.msgId, checkTimes: c.checkTimes, answer, row });
  const end: MqEndMsg = { type: 'mq.end', msgId: c.msgId, key: c.key, resolution: answer, fromCheck: true };
  ctx.send(s.p.target, end);
}

function onCheck(s: TxProducerState, m: MqCheckMsg, ctx: Ctx): TxProducerState {
  const c: PendingCheck = { msgId: m.msgId, key: m.key, checkTimes: m.checkTimes };
  if (s.p.db === undefined) {
    const row = s.rows.find((r) => r.msgId === m.msgId);
    answerCheck(s, c, row?.state === 'committed' ? 'committed' : row ? 'rolled-back' : 'none', ctx);
    return s;
  }
  ctx.send(s.p.db, dbQuery(s.nextCheck, checkStmt(m.msgId), CHECK_SESSION));
  return { ...s, checks: { ...s.checks, [s.nextCheck]: c }, nextCheck: s.nextCheck + 1 };
}

/** The checker's lookup answered: a row means the local transaction committed; an error says nothing (UNKNOWN). */
function onCheckAnswer(s: TxProducerState, m: DbResultMsg, ctx: Ctx): TxProducerState {
  const c = s.checks[m.id];
  if (!c) return s;
  const checks = { ...s.checks };
  delete checks[m.id];
  const r = m.result;
  if (!r.ok) {
    ctx.trace('txp.check', { order: c.key, msgId: c.msgId, checkTimes: c.checkTimes, answer: 'unknown', row: 'none' });
    const end: MqEndMsg = { type: 'mq.end', msgId: c.msgId, key: c.key, resolution: 'unknown', fromCheck: true };
    ctx.send(s.p.target, end);
  } else answerCheck(s, c, (r.rows ?? []).length > 0 ? 'committed' : 'none', ctx);
  return { ...s, checks };
}

const localTx = (s: TxProducerState): LocalTx => ({ order: s.current!.order, msgId: s.current!.msgId ?? '', account: s.p.account, amount: s.p.amount });

function sql(s: TxProducerState, ctx: Ctx, step: SqlStep): TxProducerState {
  const t = s.current ? localTx(s) : { order: '', msgId: '', account: s.p.account, amount: s.p.amount };
  return { ...s, chan: sendSql(s.chan, ctx, s.p.db!, statement(step, t), step) };
}

/** The local transaction ended (`outcome`): noted, and END follows after afterCommitMs. */
function ended(s: TxProducerState, ctx: Ctx, outcome: 'commit' | 'rollback' | 'unknown', why: Say | null): TxProducerState {
  const c = s.current!;
  ctx.trace('txp.local', why === null ? { order: c.order, msgId: c.msgId!, outcome } : { order: c.order, msgId: c.msgId!, outcome, why });
  if (outcome !== 'unknown') ctx.metric(outcome === 'commit' ? 'txp.paid' : 'txp.failed');
  ctx.setTimer(s.p.afterCommitMs, TIMERS.make('end', { rid: c.rid }));
  const state = outcome === 'commit' ? 'committed' : outcome === 'rollback' ? 'rolled-back' : 'unknown';
  return { ...s, undo: null, rows: [...s.rows, { order: c.order, msgId: c.msgId!, state }], current: { ...c, stage: 'after' } };
}

/** The main session's statement answered. */
function onSql(s0: TxProducerState, tag: SqlStep, r: DbResult, ctx: Ctx): TxProducerState {
  const s = { ...s0, chan: { ...s0.chan, pending: null } };
  if (tag === 'scan') {
    if (!r.ok) {
      ctx.setTimer(s.p.intervalMs, TIMERS.make('next'));
      return s;
    }
    const rows: PaidRow[] = (r.rows ?? []).map((row) => ({ order: String(row.order), msgId: String(row.id), state: 'committed' }));
    return placeNext({ ...s, rows, scanned: true }, ctx);
  }
  const c = s.current;
  if (!c || c.stage !== 'local') return s;
  if (tag === 'commit') return r.ok ? ended(s, ctx, 'commit', null) : ended(s, ctx, 'rollback', `ERROR ${r.error.code}`);
  if (tag === 'rollback') return ended(s, ctx, 'rollback', s.undo);
  const next = after(tag, r, s.p.failOrders.includes(c.order), localTx(s));
  return sql({ ...s, undo: next.why ?? s.undo }, ctx, next.next);
}

/** The database connection ended: what was open is rolled back, except a COMMIT whose answer was lost. */
function dbLost(s: TxProducerState, ctx: Ctx): TxProducerState {
  const pending = s.chan.pending;
  const checks = {};
  const c = s.current;
  if (!pending) return { ...s, checks };
  const next = { ...s, checks, chan: { ...s.chan, pending: null } };
  if (pending.tag === 'scan') {
    ctx.setTimer(s.p.intervalMs, TIMERS.make('next'));
    return next;
  }
  if (!c || c.stage !== 'local') return next;
  return ended(next, ctx, pending.tag === 'commit' ? 'unknown' : 'rollback', pending.tag === 'commit' ? p('pattern.tx-producer.whyGoneCommit') : p('pattern.tx-producer.whyGone'));
}

function onTimer(s: TxProducerState, payload: unknown, ctx: Ctx): TxProducerState {
  const t = TIMERS.match(payload);
  if (!t) return s;
  const c = s.current;
  switch (t.timer) {
    case 'hello':
      return hello(s, ctx);
    case 'beat':
      ctx.setTimer(s.p.heartbeatMs, TIMERS.make('beat'));
      return hello(s, ctx);
    case 'next':
      if (c) return s;
      if (s.p.db !== undefined && !s.scanned) return s.chan.pending ? s : sql(s, ctx, 'scan');
      return placeNext(s, ctx);
    case 'local': {
      if (!c || c.rid !== t.rid || c.stage !== 'local' || c.msgId === null) return s;
      if (s.p.db !== undefined) return s.chan.pending ? s : sql(s, ctx, 'begin');
      const outcome = s.p.failOrders.includes(c.order) ? 'rollback' : 'commit';
      ctx.trace('txp.local', { order: c.order, msgId: c.msgId, outcome });
      ctx.metric(outcome === 'commit' ? 'txp.paid' : 'txp.failed');
      ctx.setTimer(s.p.afterCommitMs, TIMERS.make('end', { rid: c.rid }));
      const row: PaidRow = { order: c.order, msgId: c.msgId, state: outcome === 'commit' ? 'committed' : 'rolled-back' };
      return { ...s, rows: [...s.rows, row], current: { ...c, stage: 'after' } };
    }
    case 'end': {
      if (!c || c.rid !== t.rid || c.stage !== 'after' || c.msgId === null) return s;
      const row = s.rows.find((r) => r.msgId === c.msgId);
      const resolution: TxResolution = row?.state === 'committed' ? 'commit' : row?.state === 'unknown' ? 'unknown' : 'rollback';
      const m: MqEndMsg = { type: 'mq.end', msgId: c.msgId, key: c.order, resolution, fromCheck: false };
      ctx.send(s.p.target, m);
      ctx.trace('txp.end', { order: c.order, msgId: c.msgId, resolution });
      ctx.setTimer(s.p.intervalMs, TIMERS.make('next'));
      return { ...s, current: null };
    }
  }
}

function onMessage(s: TxProducerState, msg: { type: string }, from: string, ctx: Ctx): TxProducerState {
  if (from === s.p.db) {
    if (isConnectionClosed(msg)) return dbLost(s, ctx);
    if (msg.type === 'db.result' && (msg as DbResultMsg).session === CHECK_SESSION) return onCheckAnswer(s, msg as DbResultMsg, ctx);
    const a = sqlAnswer(s.chan, msg);
    return a ? onSql(s, a.tag, a.result, ctx) : s;
  }
  if (from !== s.p.target) return s;
  if (isConnectionClosed(msg)) {
    // The broker went away: introduce ourselves again later; an order whose half message got
    // no answer is tried again from the start.
    ctx.setTimer(s.p.reconnectMs, TIMERS.make('hello'));
    const lost = s.current?.stage === 'half';
    if (lost) ctx.setTimer(s.p.reconnectMs + s.p.intervalMs, TIMERS.make('next'));
    return { ...s, connected: false, current: lost ? null : s.current };
  }
  if (!isMqMsg(msg)) return s;
  if (msg.type === 'mq.send.result') return onResult(s, msg, ctx);
  if (msg.type === 'mq.check') return onCheck(s, msg, ctx);
  return s;
}

const initial = (p: TxProducerParams): TxProducerState => ({ p, rows: [], current: null, nextRid: 1, connected: false, chan: freshChan(), scanned: false, checks: {}, nextCheck: 1, undo: null });

export const txProducer: ProgramDef<TxProducerParams, TxProducerState> = {
  kind: 'tx-producer',
  init: initial,
  start(s, ctx) {
    ctx.setTimer(s.p.intervalMs, TIMERS.make('next'));
    ctx.setTimer(s.p.heartbeatMs, TIMERS.make('beat'));
    const s1 = { ...s, current: null, nextRid: 1 + Math.floor(ctx.random() * 1e6) };
    // With a database, fresh request ids per start (and apart for the checker), so a restarted process never reuses one.
    const db = s.p.db === undefined ? s1 : { ...s1, chan: freshChan<SqlStep>(1 + Math.floor(ctx.random() * 1e6)), nextCheck: 1 + Math.floor(ctx.random() * 1e6) };
    return hello(db, ctx);
  },
  onMessage,
  onTimer,
  // The database is on disk; the order in progress is not. A `db` node keeps its own rows.
  crash: (s, p) => (p.db === undefined ? { ...initial(p), rows: s.rows } : initial(p)),
  view(s) {
    const paid = s.rows.filter((r) => r.state === 'committed').length;
    const failed = s.rows.filter((r) => r.state === 'rolled-back').length;
    const tally = p('pattern.tx-producer.tally', { paid, failed });
    const c = s.current;
    if (c) return { status: 'working', detail: p('pattern.tx-producer.working', { order: c.order, stage: c.stage, tally }) };
    return nextOrder(s) === null ? { status: 'done', detail: tally } : { status: 'idle', detail: tally };
  },
  describeTimer(payload) {
    const t = TIMERS.match(payload);
    if (!t) return p('core.timerFires');
    return p('pattern.tx-producer.timer', { timer: t.timer });
  },
  narrate(ev, name) {
    switch (ev.type) {
      case 'txp.half':
        return p('pattern.tx-producer.half', { node: name(ev.node), order: ev.order, topic: ev.topic });
      case 'txp.local':
        return ev.outcome === 'commit'
          ? p('pattern.tx-producer.localCommit', { node: name(ev.node), order: ev.order })
          : ev.outcome === 'unknown'
            ? p('pattern.tx-producer.localUnknown', { node: name(ev.node), order: ev.order, why: ev.why ?? p('pattern.tx-producer.noAnswer') })
            : ev.why
              ? p('pattern.tx-producer.localRollbackWhy', { node: name(ev.node), order: ev.order, why: ev.why })
              : p('pattern.tx-producer.localRollback', { node: name(ev.node), order: ev.order });
      case 'txp.end':
        return p('pattern.tx-producer.end', { node: name(ev.node), resolution: ev.resolution.toUpperCase(), order: ev.order });
      case 'txp.check':
        return p('pattern.tx-producer.check', { node: name(ev.node), order: ev.order, checkTimes: ev.checkTimes, row: ev.row, answer: ev.answer.toUpperCase() });
      default:
        return undefined;
    }
  },
};
