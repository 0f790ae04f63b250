import type { DbResult, DbStmt } from '../../clients/sql/messages';
import { isConnectionClosed } from '../../core/connection';
import { p } from '../../core/phrase';
import type { ProgramDef } from '../../core/program';
import { timerOwner, type NoFields } from '../../core/timer';
import type { Ctx } from '../../core/types';
import { freshChan, sendSql, sqlAnswer, type SqlChan } from '../sql-chan';
import type { OutboxOrderParams } from './params';

/**
 * The writing half of the local message table (transactional outbox): an order service that
 * places each order with ONE local transaction on its own database, inserting the order row
 * and, beside it, an outbox row saying "tell the orders topic about this order" (status new).
 * Either both rows commit or neither does, so no order is left without its message and no
 * message goes out for an order that never was; publishing is the relay's job (outbox-relay).
 * It keeps nothing in memory that matters: at start it reads its orders table to see where it was.
 */

declare module '../../core/trace-types' {
  interface TraceEventMap {
    /** An order and its outbox row committed together. */
    'order.placed': { order: string; outboxId: string; topic: string };
    /** A statement of the order's transaction failed: it is rolled back and tried again. */
    'order.failed': { order: string; error: string };
  }
}

type Step = 'scan' | 'begin' | 'order' | 'outbox' | 'commit' | 'rollback';

export interface OutboxOrderState {
  p: OutboxOrderParams;
  chan: SqlChan<Step>;
  /** The order in progress (in memory). */
  current: string | null;
  /** Orders it knows are committed. */
  placed: number;
}

const TIMERS = timerOwner<{ next: NoFields }>('outbox-order');

const orderName = (i: number) => `order-${i}`;
/** The outbox row's id, the message id consumers dedupe on. */
export const outboxId = (order: string) => `ob-${order.slice('order-'.length)}`;

function statement(s: OutboxOrderState, step: Step, order: string): DbStmt {
  switch (step) {
    case 'scan':
      return { op: 'scan', table: 'orders' };
    case 'begin':
      return { op: 'begin' };
    case 'order':
      return { op: 'insert', table: 'orders', row: { id: order, item: s.p.item, qty: 1, status: 'created' } };
    case 'outbox':
      return { op: 'insert', table: 'outbox', row: { id: outboxId(order), order, topic: s.p.topic, status: 'new' } };
    case 'commit':
      return { op: 'commit' };
    case 'rollback':
      return { op: 'rollback' };
  }
}

function send(s: OutboxOrderState, ctx: Ctx, step: Step): OutboxOrderState {
  return { ...s, chan: sendSql(s.chan, ctx, s.p.target, statement(s, step, s.current ?? ''), step) };
}

/** Tries again from the start after the interval: reads the orders table to see what is placed. */
function later(s: OutboxOrderState, ctx: Ctx): OutboxOrderState {
  ctx.setTimer(s.p.intervalMs, TIMERS.make('next'));
  return { ...s, chan: { ...s.chan, pending: null }, current: null };
}

const NEXT: Partial<Record<Step, Step>> = { begin: 'order', order: 'outbox', outbox: 'commit' };

function onAnswer(s0: OutboxOrderState, tag: Step, r: DbResult, ctx: Ctx): OutboxOrderState {
  const s = { ...s0, chan: { ...s0.chan, pending: null } };
  if (tag === 'scan') {
    if (!r.ok) return later(s, ctx);
    const have = new Set((r.rows ?? []).map((row) => String(row.id)));
    let i = 1;
    while (i <= s.p.orders && have.has(orderName(i))) i++;
    if (i > s.p.orders) return { ...s, placed: have.size, current: null };
    return send({ ...s, placed: have.size, current: orderName(i) }, ctx, 'begin');
  }
  if (tag === 'rollback') return later(s, ctx);
  const order = s.current!;
  if (!r.ok) {
    ctx.trace('order.failed', { order, error: `${r.error.code}: ${r.error.message}` });
    return send(s, ctx, 'rollback');
  }
  const next = NEXT[tag];
  if (next) return send(s, ctx, next);
  ctx.trace('order.placed', { order, outboxId: outboxId(order), topic: s.p.topic });
  ctx.metric('order.placed');
  return later({ ...s, placed: s.placed + 1 }, ctx);
}

const initial = (p: OutboxOrderParams): OutboxOrderState => ({ p, chan: freshChan(), current: null, placed: 0 });

export const outboxOrder: ProgramDef<OutboxOrderParams, OutboxOrderState> = {
  kind: 'outbox-order',
  init: initial,
  start(s, ctx) {
    ctx.setTimer(s.p.intervalMs, TIMERS.make('next'));
    return { ...s, chan: freshChan(1 + Math.floor(ctx.random() * 1e6)) };
  },
  onMessage(s, msg, from, ctx) {
    if (from !== s.p.target) return s;
    // The database rolls back whatever was open on the connection: start over.
    if (isConnectionClosed(msg)) return s.chan.pending ? later(s, ctx) : s;
    const a = sqlAnswer(s.chan, msg);
    return a ? onAnswer(s, a.tag, a.result, ctx) : s;
  },
  onTimer(s, payload, ctx) {
    if (!TIMERS.match(payload) || s.chan.pending) return s;
    return send(s, ctx, 'scan');
  },
  view(s) {
    if (s.current) return { status: 'working', detail: p('pattern.outbox-order.working', { order: s.current, placed: s.placed }) };
    return { status: s.placed >= s.p.orders ? 'done' : 'idle', detail: p('pattern.outbox-order.placed', { placed: s.placed, orders: s.p.orders }) };
  },
  describeTimer: () => p('pattern.outbox-order.timer'),
  narrate(ev, name) {
    switch (ev.type) {
      case 'order.placed':
        return p('pattern.outbox-order.placedNarr', { node: name(ev.node), order: ev.order, outboxId: ev.outboxId });
      case 'order.failed':
        return p('pattern.outbox-order.failed', { node: name(ev.node), order: ev.order, error: ev.error });
      default:
        return undefined;
    }
  },
};
