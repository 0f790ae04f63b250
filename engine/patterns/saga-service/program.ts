import { isMqMsg, type MqAckMsg, type MqDeliverMsg, type MqHelloMsg, type MqSendMsg } from '../../clients/mq/messages';
import type { DbResult, DbStmt } from '../../clients/sql/messages';
import { isConnectionClosed } from '../../core/connection';
import { p, type Phrase, type Say } from '../../core/phrase';
import type { ProgramDef } from '../../core/program';
import { timerOwner, type NoFields } from '../../core/timer';
import type { Ctx } from '../../core/types';
import { freshChan, sendSql, sqlAnswer, type SqlChan } from '../sql-chan';
import type { SagaServiceParams } from './params';

/**
 * One service of a choreographed saga (no coordinator): each reacts to the broker's events
 * with one local transaction on its own database and publishes the event that says what it
 * did. order-created -> payment debits the customer (payment-debited, or payment-failed) ->
 * inventory reserves stock (stock-reserved, or stock-failed) -> the order is confirmed; on
 * stock-failed, payment refunds (payment-refunded) and the order is cancelled: the
 * compensations run backwards, driven by events. Delivery is at least once, so with `dedupe`
 * each service records the event's id, and the event it answered with, in an inbox table in
 * the transaction of its effect: a repeat rolls back, and the recorded answer is published
 * again (the first publish may have been lost with a crash). It acknowledges an event only
 * after its answer is on the broker, so a crash in between redelivers it.
 */

declare module '../../core/trace-types' {
  interface TraceEventMap {
    /** The order service committed a new order (pending) and starts its saga. */
    'choreo.start': { order: string; customer: string; amount: number; item: string; qty: number };
    /** A service committed its step for an event; `money` and `stock` are what it changed. */
    'choreo.step': { order: string; on: string; did: Say; answer: string | null; money: number; stock: number; customer: string; item: string };
    /** An event already in the inbox: rolled back, its recorded answer published again. */
    'choreo.duplicate': { order: string; on: string; answer: string | null };
    /** An event published to the broker. */
    'choreo.event': { order: string; event: string };
    /** The order service closed the saga. */
    'choreo.end': { order: string; status: 'confirmed' | 'cancelled' };
  }
}

/** What an event carries. */
interface Body {
  event: string;
  customer: string;
  amount: number;
  item: string;
  qty: number;
}

type Job = { k: 'place'; i: number } | { k: 'deliver'; m: MqDeliverMsg; b: Body };
type Step = 'begin' | 'insert' | 'effect' | 'inbox' | 'commit' | 'rollback' | 'answer';

export interface SagaServiceState {
  p: SagaServiceParams;
  chan: SqlChan<Step>;
  jobs: Job[];
  busy: boolean;
  /** The answer of the job in progress, once its effect is known; `dup`: the event was a repeat. */
  answer: string | null;
  dup: boolean;
  /** The effect's result: whether the guarded update changed a row. */
  applied: boolean;
  rid: number;
  /** The publish waiting for SEND_OK. */
  pubRid: number | null;
  session: number;
  next: number;
}

const TIMERS = timerOwner<{ work: NoFields; place: NoFields; hello: NoFields }>('saga-service');

const orderName = (i: number) => `order-${i + 1}`;

/** What a role does with an event: the update, and the answers when it changed a row or not. Null: not its event. */
function reaction(role: SagaServiceParams['role'], b: Body, order: string): { stmt: DbStmt; ok: string | null; no: string | null; did: Phrase; not?: Phrase; money: number; stock: number } | null {
  if (role === 'payment' && b.event === 'order-created')
    return { stmt: { op: 'update', table: 'accounts', id: b.customer, add: { balance: -b.amount }, atLeast: { balance: b.amount } }, ok: 'payment-debited', no: 'payment-failed', did: p('pattern.saga-service.didDebit', { customer: b.customer, amount: b.amount }), not: p('pattern.saga-service.notDebit', { customer: b.customer, amount: b.amount }), money: -b.amount, stock: 0 };
  if (role === 'payment' && b.event === 'stock-failed')
    return { stmt: { op: 'update', table: 'accounts', id: b.customer, add: { balance: b.amount } }, ok: 'payment-refunded', no: null, did: p('pattern.saga-service.didRefund', { customer: b.customer, amount: b.amount }), money: b.amount, stock: 0 };
  if (role === 'inventory' && b.event === 'payment-debited')
    return { stmt: { op: 'update', table: 'inventory', id: b.item, add: { stock: -b.qty }, atLeast: { stock: b.qty } }, ok: 'stock-reserved', no: 'stock-failed', did: p('pattern.saga-service.didReserve', { qty: b.qty, item: b.item }), not: p('pattern.saga-service.notReserve', { qty: b.qty, item: b.item }), money: 0, stock: -b.qty };
  if (role === 'order' && b.event === 'stock-reserved') return { stmt: { op: 'update', table: 'orders', id: order, set: { status: 'confirmed' } }, ok: null, no: null, did: p('pattern.saga-service.didConfirm'), money: 0, stock: 0 };
  if (role === 'order' && (b.event === 'payment-refunded' || b.event === 'payment-failed'))
    return { stmt: { op: 'update', table: 'orders', id: order, set: { status: 'cancelled' } }, ok: null, no: null, did: p('pattern.saga-service.didCancel'), money: 0, stock: 0 };
  return null;
}

function parse(body: string): Body | null {
  try {
    const b = JSON.parse(body) as Body;
    return typeof b.event === 'string' ? b : null;
  } catch {
    return null;
  }
}

function hello(s: SagaServiceState, ctx: Ctx): SagaServiceState {
  const m: MqHelloMsg = { type: 'mq.hello', consumerGroup: s.p.role, topic: s.p.topic, session: s.session, producerGroup: `${s.p.role}-service` };
  ctx.send(s.p.target, m);
  return s;
}

function sql(s: SagaServiceState, ctx: Ctx, stmt: DbStmt, step: Step): SagaServiceState {
  return { ...s, chan: sendSql(s.chan, ctx, s.p.db, stmt, step) };
}

function publish(s: SagaServiceState, ctx: Ctx, order: string, b: Body, event: string): SagaServiceState {
  const rid = s.rid + 1;
  const body = JSON.stringify({ ...b, event });
  const m: MqSendMsg = { type: 'mq.send', rid, topic: s.p.topic, key: order, body, half: false, producerGroup: `${s.p.role}-service` };
  ctx.send(s.p.target, m);
  ctx.trace('choreo.event', { order, event });
  return { ...s, rid, pubRid: rid };
}

/** The job in progress is over: acknowledge its event (if any) and take the next. */
function finish(s: SagaServiceState, ctx: Ctx, status: MqAckMsg['status'] = 'success'): SagaServiceState {
  const job = s.jobs[0];
  if (job.k === 'deliver') {
    const a: MqAckMsg = { type: 'mq.ack', group: s.p.role, msgId: job.m.msgId, status };
    ctx.send(s.p.target, a);
  } else if (status !== 'success' || job.i + 1 < s.p.orders.length) ctx.setTimer(s.p.intervalMs, TIMERS.make('place'));
  const n: SagaServiceState = { ...s, jobs: s.jobs.slice(1), busy: false, answer: null, dup: false, applied: false, pubRid: null, chan: { ...s.chan, pending: null }, next: job.k === 'place' && status === 'success' ? job.i + 1 : s.next };
  return start(n, ctx);
}

function start(s: SagaServiceState, ctx: Ctx): SagaServiceState {
  if (s.busy || s.jobs.length === 0) return s;
  ctx.setTimer(s.p.processMs, TIMERS.make('work'));
  return { ...s, busy: true };
}

function afterCommit(s: SagaServiceState, ctx: Ctx, job: Job): SagaServiceState {
  if (job.k === 'place') {
    const o = s.p.orders[job.i];
    ctx.trace('choreo.start', { order: orderName(job.i), ...o });
    return publish(s, ctx, orderName(job.i), { event: 'order-created', ...o }, 'order-created');
  }
  const order = job.m.key;
  const r = reaction(s.p.role, job.b, order)!;
  const answer = s.applied ? r.ok : r.no;
  ctx.trace('choreo.step', { order, on: job.b.event, did: s.applied ? r.did : (r.not ?? p('pattern.saga-service.nothing', { did: r.did })), answer, money: s.applied ? r.money : 0, stock: s.applied ? r.stock : 0, customer: job.b.customer, item: job.b.item });
  if (s.p.role === 'order' && s.applied) ctx.trace('choreo.end', { order, status: job.b.event === 'stock-reserved' ? 'confirmed' : 'cancelled' });
  return answer ? publish(s, ctx, order, job.b, answer) : finish(s, ctx);
}

function onAnswer(s0: SagaServiceState, tag: Step, r: DbResult, ctx: Ctx): SagaServiceState {
  const s = { ...s0, chan: { ...s0.chan, pending: null } };
  const job = s.jobs[0];
  if (!job) return s;
  const order = job.k === 'place' ? orderName(job.i) : job.m.key;
  // An order already in the table: this process restarted; it announces the order again if it is still pending.
  if (!r.ok && tag === 'insert' && r.error.code === 1062) return sql({ ...s, dup: true }, ctx, { op: 'rollback' }, 'rollback');
  if (!r.ok && !(tag === 'inbox' && r.error.code === 1062)) {
    if (tag === 'rollback' || tag === 'begin' || tag === 'commit' || tag === 'answer') return finish(s, ctx, 'later');
    return sql({ ...s, dup: false, answer: null }, ctx, { op: 'rollback' }, 'rollback');
  }
  switch (tag) {
    case 'begin': {
      // The card shows the amount, the quantity and the status; who pays and what for travel with the events.
      if (job.k === 'place') return sql(s, ctx, { op: 'insert', table: 'orders', row: { id: order, amount: s.p.orders[job.i].amount, qty: s.p.orders[job.i].qty, status: 'pending' } }, 'insert');
      return sql(s, ctx, reaction(s.p.role, job.b, order)!.stmt, 'effect');
    }
    case 'insert':
      return sql(s, ctx, { op: 'commit' }, 'commit');
    case 'effect': {
      const applied = (r.ok && r.affected !== 0) || false;
      const rx = reaction(s.p.role, job.k === 'deliver' ? job.b : ({} as Body), order)!;
      const n = { ...s, applied };
      if (!s.p.dedupe) return sql(n, ctx, { op: 'commit' }, 'commit');
      const answer = applied ? rx.ok : rx.no;
      return sql(n, ctx, { op: 'insert', table: 'inbox', row: { id: `${order}/${job.k === 'deliver' ? job.b.event : ''}`, answer: answer ?? '–' } }, 'inbox');
    }
    case 'inbox':
      if (!r.ok) return sql({ ...s, dup: true }, ctx, { op: 'rollback' }, 'rollback');
      return sql(s, ctx, { op: 'commit' }, 'commit');
    case 'commit':
      return afterCommit(s, ctx, job);
    case 'rollback':
      if (!s.dup) return finish(s, ctx, 'later');
      if (job.k === 'place') return sql(s, ctx, { op: 'select', table: 'orders', id: order }, 'answer');
      return sql(s, ctx, { op: 'select', table: 'inbox', id: `${order}/${job.b.event}` }, 'answer');
    case 'answer': {
      if (job.k === 'place') return r.ok && r.rows?.[0]?.status === 'pending' ? publish(s, ctx, order, { event: 'order-created', ...s.p.orders[job.i] }, 'order-created') : finish(s, ctx);
      const rec = r.ok ? r.rows?.[0] : undefined;
      const answer = rec && rec.answer !== '–' ? String(rec.answer) : null;
      ctx.trace('choreo.duplicate', { order, on: job.b.event, answer });
      ctx.metric('saga.duplicates');
      return answer ? publish(s, ctx, order, job.b, answer) : finish(s, ctx);
    }
  }
}

const initial = (p: SagaServiceParams): SagaServiceState => ({ p, chan: freshChan(), jobs: [], busy: false, answer: null, dup: false, applied: false, rid: 0, pubRid: null, session: 0, next: 0 });

export const sagaService: ProgramDef<SagaServiceParams, SagaServiceState> = {
  kind: 'saga-service',
  init: initial,
  start(s0, ctx) {
    const session = 1 + Math.floor(ctx.random() * 1e9);
    const s = { ...initial(s0.p), chan: freshChan<Step>(1 + (session % 1e6)), rid: session % 1e6, session };
    if (s.p.role === 'order' && s.p.orders.length > 0) ctx.setTimer(s.p.intervalMs, TIMERS.make('place'));
    return hello(s, ctx);
  },
  onMessage(s, msg, from, ctx) {
    if (from === s.p.db) {
      if (isConnectionClosed(msg)) return s.busy ? finish(s, ctx, 'later') : s;
      const a = sqlAnswer(s.chan, msg);
      return a ? onAnswer(s, a.tag, a.result, ctx) : s;
    }
    if (from !== s.p.target) return s;
    if (isConnectionClosed(msg)) {
      // The broker takes back what it gave us and will deliver it again; an order not yet announced
      // is placed again. A job whose transaction is open runs on to its end (abandoning it would
      // leave the transaction open, and the next BEGIN would commit it half done); one waiting for
      // its publish's SEND_OK is dropped: its event comes again, and the inbox has its answer.
      ctx.setTimer(1000, TIMERS.make('hello'));
      const keep = s.busy && s.pubRid === null;
      return keep ? { ...s, jobs: s.jobs.slice(0, 1) } : { ...s, jobs: [], busy: false, pubRid: null, chan: { ...s.chan, pending: null } };
    }
    if (!isMqMsg(msg)) return s;
    if (msg.type === 'mq.send.result') return msg.rid === s.pubRid ? finish(s, ctx) : s;
    if (msg.type !== 'mq.deliver' || msg.group !== s.p.role) return s;
    const b = parse(msg.body);
    if (!b || !reaction(s.p.role, b, msg.key)) {
      // Not an event this service acts on: acknowledged at once.
      const a: MqAckMsg = { type: 'mq.ack', group: s.p.role, msgId: msg.msgId, status: 'success' };
      ctx.send(s.p.target, a);
      return s;
    }
    return start({ ...s, jobs: [...s.jobs, { k: 'deliver', m: msg, b }] }, ctx);
  },
  onTimer(s, payload, ctx) {
    const t = TIMERS.match(payload);
    if (!t) return s;
    if (t.timer === 'hello') {
      // An order whose job the lost connection dropped is placed (or announced) again.
      if (s.p.role === 'order' && s.next < s.p.orders.length) ctx.setTimer(s.p.intervalMs, TIMERS.make('place'));
      return hello(s, ctx);
    }
    if (t.timer === 'place') return s.next < s.p.orders.length ? start({ ...s, jobs: [...s.jobs, { k: 'place', i: s.next }] }, ctx) : s;
    return s.busy && !s.chan.pending && s.pubRid === null ? sql(s, ctx, { op: 'begin' }, 'begin') : s;
  },
  view(s) {
    const job = s.jobs[0];
    if (!job) return { status: 'idle', detail: p('pattern.saga-service.idle', { role: s.p.role }) };
    const what = job.k === 'place' ? p('pattern.saga-service.placing', { order: orderName(job.i) }) : p('pattern.saga-service.handling', { event: job.b.event, order: job.m.key });
    return { status: 'working', detail: p('pattern.saga-service.working', { what, more: s.jobs.length - 1 }) };
  },
  describeTimer: (payload) => p('pattern.saga-service.timer', { timer: TIMERS.match(payload)?.timer ?? 'work' }),
  narrate(ev, name) {
    switch (ev.type) {
      case 'choreo.start':
        return p('pattern.saga-service.start', { node: name(ev.node), order: ev.order, qty: ev.qty, item: ev.item, amount: ev.amount, customer: ev.customer });
      case 'choreo.step':
        return p('pattern.saga-service.step', { node: name(ev.node), on: ev.on, order: ev.order, did: ev.did, answer: ev.answer ?? 'none' });
      case 'choreo.duplicate':
        return p('pattern.saga-service.duplicate', { node: name(ev.node), on: ev.on, order: ev.order, answer: ev.answer ?? 'none' });
      case 'choreo.event':
        return p('pattern.saga-service.event', { node: name(ev.node), event: ev.event, order: ev.order });
      case 'choreo.end':
        return p('pattern.saga-service.end', { order: ev.order, status: ev.status });
      default:
        return undefined;
    }
  },
};
