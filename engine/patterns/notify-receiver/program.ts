import { isNotifyMsg, type NotifyAnswerMsg, type NotifyCallMsg, type NotifyQueryMsg } from '../../clients/notify/messages';
import { isConnectionClosed } from '../../core/connection';
import { p } from '../../core/phrase';
import type { ProgramDef } from '../../core/program';
import { timerOwner } from '../../core/timer';
import type { Ctx } from '../../core/types';
import type { NotifyReceiverParams } from './params';

/**
 * A merchant waiting to hear that its orders are paid. A notification is handled (the order
 * credited) and answered `success`; with `dedupe` the order is recorded in the same local
 * transaction, so a repeated notification is answered without a second credit. An order it
 * has not heard about within orderTimeoutMs is closed as unpaid; with `queryBack` it first asks
 * the platform (and asks about every open order when it starts), so it learns of a payment
 * whose notifications all failed. Its orders survive a crash.
 */

declare module '../../core/trace-types' {
  interface TraceEventMap {
    /** The order is credited (marked paid): the effect that must happen once. */
    'recv.effect': { order: string; via: 'notification' | 'query'; times: number };
    /** A repeated notification, recognised: answered `success`, no second credit. */
    'recv.skip': { order: string };
    'recv.query': { order: string };
    /** An order it never heard about is closed as unpaid. */
    'recv.close': { order: string };
  }
}

export interface NotifyReceiverState {
  p: NotifyReceiverParams;
  /** On disk: credits per order, and orders closed as unpaid. */
  credited: Record<string, number>;
  closed: string[];
  /** In memory: notifications waiting to be handled, the first being handled. */
  inbox: { nid: number; order: string; from: string }[];
  busy: boolean;
  nextQid: number;
  /** Orders asked about and not yet answered. */
  asking: string[];
}

/** Handling the first notification ends; an order's timeout comes; asking again after a failed query. */
const TIMERS = timerOwner<{ handled: { nid: number }; timeout: { order: string }; ask: Record<never, never> }>('notify-receiver');

/** A query whose connection broke is sent again this long after, as an HTTP client retries (ms). */
const QUERY_RETRY_MS = 1000;

const orderNames = (p: NotifyReceiverParams) => Array.from({ length: p.orders }, (_, i) => `order-${i + 1}`);
const open = (s: NotifyReceiverState, o: string) => !(o in s.credited) && !s.closed.includes(o);

/**
 * Asks the platform about `order`. An overdue order is asked with `close`: the platform closes
 * the trade if it is unpaid, so the shop can close it too without a payment landing after its
 * answer (a plain query would race with one).
 */
function query(s: NotifyReceiverState, order: string, ctx: Ctx): NotifyReceiverState {
  const close = ctx.now >= s.p.orderTimeoutMs;
  const m: NotifyQueryMsg = close ? { type: 'notify.query', qid: s.nextQid, order, close } : { type: 'notify.query', qid: s.nextQid, order };
  ctx.send(s.p.target, m);
  ctx.trace('recv.query', { order });
  ctx.metric('recv.queries');
  return { ...s, nextQid: s.nextQid + 1, asking: s.asking.includes(order) ? s.asking : [...s.asking, order] };
}

function credit(s: NotifyReceiverState, order: string, via: 'notification' | 'query', ctx: Ctx): NotifyReceiverState {
  if (s.p.dedupe && (s.credited[order] ?? 0) > 0) {
    ctx.trace('recv.skip', { order });
    ctx.metric('recv.duplicates.skipped');
    return s;
  }
  const times = (s.credited[order] ?? 0) + 1;
  ctx.trace('recv.effect', { order, via, times });
  ctx.metric('recv.credits');
  return { ...s, credited: { ...s.credited, [order]: times }, closed: s.closed.filter((o) => o !== order) };
}

function work(s: NotifyReceiverState, ctx: Ctx): NotifyReceiverState {
  if (s.busy || s.inbox.length === 0) return s;
  ctx.setTimer(s.p.processMs, TIMERS.make('handled', { nid: s.inbox[0].nid }));
  return { ...s, busy: true };
}

const initial = (p: NotifyReceiverParams): NotifyReceiverState => ({ p, credited: {}, closed: [], inbox: [], busy: false, nextQid: 1, asking: [] });

export const notifyReceiver: ProgramDef<NotifyReceiverParams, NotifyReceiverState> = {
  kind: 'notify-receiver',
  init: initial,
  start(s0, ctx) {
    let s: NotifyReceiverState = { ...s0, inbox: [], busy: false, asking: [] };
    // Orders were created at time 0; each open one times out orderTimeoutMs after that (at once if overdue).
    for (const o of orderNames(s.p)) {
      if (!open(s, o)) continue;
      // Back up with queryBack: ask at once; the answer closes an overdue order the platform says is unpaid.
      if (s.p.queryBack && ctx.now > 0) s = query(s, o, ctx);
      if (!s.p.queryBack || ctx.now < s.p.orderTimeoutMs) ctx.setTimer(Math.max(0, s.p.orderTimeoutMs - ctx.now), TIMERS.make('timeout', { order: o }));
    }
    return s;
  },
  onMessage(s0, msg, from, ctx) {
    if (from !== s0.p.target) return s0;
    if (isConnectionClosed(msg)) {
      // Queries in flight on that connection are lost: ask again shortly.
      if (s0.asking.length > 0) ctx.setTimer(QUERY_RETRY_MS, TIMERS.make('ask'));
      return s0;
    }
    if (!isNotifyMsg(msg)) return s0;
    let s = s0;
    if (msg.type === 'notify.status') {
      s = { ...s, asking: s.asking.filter((o) => o !== msg.order) };
      if (!open(s, msg.order)) return s;
      if (msg.paid) return credit(s, msg.order, 'query', ctx);
      if (ctx.now < s.p.orderTimeoutMs) return s;
      // Overdue, but the platform only said "not paid": have it close the trade first.
      if (!msg.closed) return query(s, msg.order, ctx);
      ctx.trace('recv.close', { order: msg.order });
      ctx.metric('recv.closed');
      return { ...s, closed: [...s.closed, msg.order] };
    }
    if (msg.type !== 'notify.call') return s;
    const m = msg as NotifyCallMsg;
    return work({ ...s, inbox: [...s.inbox, { nid: m.nid, order: m.order, from }] }, ctx);
  },
  onTimer(s, payload, ctx) {
    const t = TIMERS.match(payload);
    if (!t) return s;
    if (t.timer === 'ask') return s.asking.filter((o) => open(s, o)).reduce((n, o) => query(n, o, ctx), s);
    if (t.timer === 'timeout') {
      if (!open(s, t.order)) return s;
      if (s.p.queryBack) {
        // Ask first, and close only if the platform says unpaid.
        return query(s, t.order, ctx);
      }
      ctx.trace('recv.close', { order: t.order });
      ctx.metric('recv.closed');
      return { ...s, closed: [...s.closed, t.order] };
    }
    const [head, ...rest] = s.inbox;
    if (!s.busy || !head || head.nid !== t.nid) return s;
    const n = credit({ ...s, inbox: rest, busy: false }, head.order, 'notification', ctx);
    const a: NotifyAnswerMsg = { type: 'notify.answer', nid: head.nid, order: head.order, body: 'success' };
    ctx.send(head.from, a);
    return work(n, ctx);
  },
  crash: (s, p) => ({ ...initial(p), credited: s.credited, closed: s.closed }),
  view(s) {
    const names = orderNames(s.p);
    const paid = names.filter((o) => o in s.credited);
    const twice = paid.filter((o) => s.credited[o] > 1);
    const detail = p('pattern.notify-receiver.view', {
      paid: paid.length,
      orders: names.length,
      twice: twice.length > 0 ? twice.join(', ') : 'none',
      closed: s.closed.length > 0 ? s.closed.join(', ') : 'none',
    });
    if (s.busy) return { status: 'working', detail };
    return { status: twice.length > 0 || s.closed.length > 0 ? 'failed' : paid.length === names.length ? 'done' : 'waiting', detail };
  },
  describeTimer(payload) {
    const t = TIMERS.match(payload);
    if (!t) return p('core.timerFires');
    if (t.timer === 'ask') return p('pattern.notify-receiver.timerAsk');
    return t.timer === 'handled' ? p('pattern.notify-receiver.timerHandled') : p('pattern.notify-receiver.timerTimeout', { order: t.order });
  },
  narrate(ev, name) {
    switch (ev.type) {
      case 'recv.effect':
        return ev.times > 1
          ? p('pattern.notify-receiver.creditAgain', { node: name(ev.node), order: ev.order, times: ev.times })
          : ev.via === 'query'
            ? p('pattern.notify-receiver.creditQuery', { node: name(ev.node), order: ev.order })
            : p('pattern.notify-receiver.credit', { node: name(ev.node), order: ev.order });
      case 'recv.skip':
        return p('pattern.notify-receiver.skip', { node: name(ev.node), order: ev.order });
      case 'recv.query':
        return p('pattern.notify-receiver.query', { node: name(ev.node), order: ev.order });
      case 'recv.close':
        return p('pattern.notify-receiver.close', { node: name(ev.node), order: ev.order });
      default:
        return undefined;
    }
  },
};
