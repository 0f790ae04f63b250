import { isMqMsg, type MqCheckMsg, type MqEndMsg, type MqHelloMsg, type MqSendMsg, type MqSendResultMsg, type TxResolution } from '../../clients/mq/messages';
import { isConnectionClosed } from '../../core/connection';
import type { ProgramDef } from '../../core/program';
import { timerOwner, type NoFields } from '../../core/timer';
import type { Ctx } from '../../core/types';
import type { TxProducerParams } from './params';

/**
 * A payment service sending "order paid" as a RocketMQ transactional message: it sends a half
 * message, and once the broker has stored it, runs its local transaction (marks the order paid
 * in its own database) and ends the message with COMMIT, or ROLLBACK when the local
 * transaction failed. Its check listener answers the broker's back-checks from that database:
 * the row with the checked message's id says COMMIT or ROLLBACK, and no row means the local
 * transaction never committed (ROLLBACK). The database survives a crash; the rest does not.
 */

declare module '../../core/trace-types' {
  interface TraceEventMap {
    /** The producer sends an order's half message. */
    'txp.half': { order: string; topic: string };
    /** The local transaction ended: the order is marked paid (commit) or not (rollback). */
    'txp.local': { order: string; msgId: string; outcome: 'commit' | 'rollback' };
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
  state: 'committed' | 'rolled-back';
}

export interface TxProducerState {
  p: TxProducerParams;
  /** On disk: the local database. */
  rows: PaidRow[];
  /** In memory: the order in progress. */
  current: { order: string; rid: number; msgId: string | null; stage: Stage } | null;
  nextRid: number;
  connected: boolean;
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
  ctx.trace('txp.half', { order, topic: s.p.topic });
  return { ...s, nextRid: rid + 1, current: { order, rid, msgId: null, stage: 'half' } };
}

function onResult(s: TxProducerState, m: MqSendResultMsg, ctx: Ctx): TxProducerState {
  const c = s.current;
  if (!c || c.rid !== m.rid || c.stage !== 'half') return s;
  ctx.setTimer(s.p.localTxMs, TIMERS.make('local', { rid: c.rid }));
  return { ...s, current: { ...c, msgId: m.msgId, stage: 'local' } };
}

function onCheck(s: TxProducerState, m: MqCheckMsg, ctx: Ctx): TxProducerState {
  const row = s.rows.find((r) => r.msgId === m.msgId);
  // A transaction still running has no row yet: too early to say.
  const running = s.current?.msgId === m.msgId;
  let answer: TxResolution = row ? (row.state === 'committed' ? 'commit' : 'rollback') : running ? 'unknown' : 'rollback';
  if (s.p.checkAnswer === 'unknown') answer = 'unknown';
  ctx.trace('txp.check', { order: m.key, msgId: m.msgId, checkTimes: m.checkTimes, answer, row: row?.state ?? 'none' });
  const end: MqEndMsg = { type: 'mq.end', msgId: m.msgId, key: m.key, resolution: answer, fromCheck: true };
  ctx.reply(end);
  return s;
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
      return c ? s : placeNext(s, ctx);
    case 'local': {
      if (!c || c.rid !== t.rid || c.stage !== 'local' || c.msgId === null) return s;
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
      const resolution: TxResolution = row?.state === 'committed' ? 'commit' : 'rollback';
      const m: MqEndMsg = { type: 'mq.end', msgId: c.msgId, key: c.order, resolution, fromCheck: false };
      ctx.send(s.p.target, m);
      ctx.trace('txp.end', { order: c.order, msgId: c.msgId, resolution });
      ctx.setTimer(s.p.intervalMs, TIMERS.make('next'));
      return { ...s, current: null };
    }
  }
}

function onMessage(s: TxProducerState, msg: { type: string }, from: string, ctx: Ctx): TxProducerState {
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

const initial = (p: TxProducerParams): TxProducerState => ({ p, rows: [], current: null, nextRid: 1, connected: false });

export const txProducer: ProgramDef<TxProducerParams, TxProducerState> = {
  kind: 'tx-producer',
  init: initial,
  start(s, ctx) {
    ctx.setTimer(s.p.intervalMs, TIMERS.make('next'));
    ctx.setTimer(s.p.heartbeatMs, TIMERS.make('beat'));
    return hello({ ...s, current: null, nextRid: 1 + Math.floor(ctx.random() * 1e6) }, ctx);
  },
  onMessage,
  onTimer,
  // The database is on disk; the order in progress is not.
  crash: (s, p) => ({ ...initial(p), rows: s.rows }),
  view(s) {
    const paid = s.rows.filter((r) => r.state === 'committed').length;
    const failed = s.rows.length - paid;
    const tally = `${paid} paid${failed > 0 ? `, ${failed} failed` : ''}`;
    const c = s.current;
    if (c) {
      const what = c.stage === 'half' ? 'half message sent' : c.stage === 'local' ? 'local transaction running' : 'committed locally, COMMIT next';
      return { status: 'working', detail: `${c.order}: ${what} · ${tally}` };
    }
    return nextOrder(s) === null ? { status: 'done', detail: tally } : { status: 'idle', detail: tally };
  },
  describeTimer(payload) {
    const t = TIMERS.match(payload);
    if (!t) return 'timer fires';
    return { next: 'pay the next order', local: 'the local transaction ends', end: 'send COMMIT or ROLLBACK', hello: 'introduce itself to the broker again', beat: 'heartbeat to the broker' }[t.timer];
  },
  narrate(ev, name) {
    switch (ev.type) {
      case 'txp.half':
        return `${name(ev.node)} sends a half message for ${ev.order} to ${ev.topic}: stored, but no consumer sees it yet`;
      case 'txp.local':
        return ev.outcome === 'commit'
          ? `${name(ev.node)} commits its local transaction: ${ev.order} is paid in its database`
          : `${name(ev.node)}'s local transaction for ${ev.order} fails and rolls back`;
      case 'txp.end':
        return `${name(ev.node)} sends ${ev.resolution.toUpperCase()} for ${ev.order}`;
      case 'txp.check':
        return `${name(ev.node)} is asked about ${ev.order} (check ${ev.checkTimes}); its database has ${ev.row === 'none' ? 'no row for that message' : `${ev.order} ${ev.row}`}, so it answers ${ev.answer.toUpperCase()}`;
      default:
        return undefined;
    }
  },
};
