import { isNotifyMsg, type NotifyCallMsg, type NotifyStatusMsg } from '../../clients/notify/messages';
import { isConnectionClosed } from '../../core/connection';
import { p, type Phrase, type Say } from '../../core/phrase';
import type { ProgramDef } from '../../core/program';
import { timerOwner } from '../../core/timer';
import type { Ctx } from '../../core/types';
import type { NotifierParams } from './params';

/**
 * A payment platform's notification service (best-effort notification): when an order is paid
 * it calls the merchant, and a call that fails (no answer in time, connection refused, an
 * answer other than `success`) is tried again after the next wait of the provider's schedule;
 * after the last one it gives up and the merchant is on its own. It answers the merchant's
 * queries from its own records, which is how a merchant that missed every call can still learn
 * of the payment. Its records survive a crash.
 */

declare module '../../core/trace-types' {
  interface TraceEventMap {
    /** The payment is made at the platform: the merchant must come to know. */
    'notify.paid': { order: string; merchant: string };
    'notify.call': { order: string; attempt: number; tries: number };
    /** A failure, rare: `why` is already a phrase. */
    'notify.failed': { order: string; attempt: number; why: Say; retryInMs: number | null };
    'notify.done': { order: string; attempt: number };
    /** The last try failed: no more calls. */
    'notify.giveup': { order: string; attempts: number };
    /** The merchant asked about an order (and, with `closed`, had the unpaid trade closed). */
    'notify.queried': { order: string; paid: boolean; merchant: string; closed?: boolean };
    /** A buyer's payment for a trade the merchant had closed is refused. */
    'notify.refused': { order: string; merchant: string };
  }
}

/** One order's notification. */
export interface Notification {
  order: string;
  attempt: number;
  state: 'calling' | 'waiting' | 'done' | 'gave-up';
  /** The call in flight: its id and timeout timer. */
  nid: number | null;
  timer: number | null;
}

export interface NotifierState {
  p: NotifierParams;
  /** On disk: orders come due so far (paid, or refused as closed), their notifications, and trades closed. */
  paid: number;
  notes: Notification[];
  closed: string[];
  nextNid: number;
}

/** The next payment, a call timing out, and a retry coming due. */
const TIMERS = timerOwner<{ pay: Record<never, never>; timeout: { nid: number }; retry: { order: string } }>('notifier');

const tries = (p: NotifierParams) => p.retryScheduleMs.length + 1;
const withNote = (s: NotifierState, n: Notification): NotifierState => ({ ...s, notes: s.notes.map((x) => (x.order === n.order ? n : x)) });

function call(s: NotifierState, n0: Notification, ctx: Ctx): NotifierState {
  const nid = s.nextNid;
  const attempt = n0.attempt + 1;
  const m: NotifyCallMsg = { type: 'notify.call', nid, order: n0.order, attempt };
  ctx.send(s.p.target, m);
  ctx.trace('notify.call', { order: n0.order, attempt, tries: tries(s.p) });
  ctx.metric('notify.calls');
  const timer = ctx.setTimer(s.p.timeoutMs, TIMERS.make('timeout', { nid }));
  return withNote({ ...s, nextNid: nid + 1 }, { ...n0, attempt, state: 'calling', nid, timer });
}

/** The call for `n` failed: wait for the schedule's next step, or give up. */
function failed(s: NotifierState, n: Notification, why: Say, ctx: Ctx): NotifierState {
  if (n.timer !== null) ctx.cancelTimer(n.timer);
  const wait = s.p.retryScheduleMs[n.attempt - 1];
  if (wait === undefined) {
    ctx.trace('notify.failed', { order: n.order, attempt: n.attempt, why, retryInMs: null });
    ctx.trace('notify.giveup', { order: n.order, attempts: n.attempt });
    ctx.metric('notify.giveups');
    return withNote(s, { ...n, state: 'gave-up', nid: null, timer: null });
  }
  const retryInMs = wait * s.p.scheduleScale;
  ctx.trace('notify.failed', { order: n.order, attempt: n.attempt, why, retryInMs });
  ctx.setTimer(retryInMs, TIMERS.make('retry', { order: n.order }));
  return withNote(s, { ...n, state: 'waiting', nid: null, timer: null });
}

function onMessage(s: NotifierState, msg: { type: string }, from: string, ctx: Ctx): NotifierState {
  if (from !== s.p.target) return s;
  if (isConnectionClosed(msg)) {
    // Every call in flight on that connection has failed.
    return s.notes.filter((n) => n.state === 'calling').reduce((x, n) => failed(x, x.notes.find((y) => y.order === n.order)!, p('pattern.notifier.whyConnection', { reason: msg.reason }), ctx), s);
  }
  if (!isNotifyMsg(msg)) return s;
  if (msg.type === 'notify.query') {
    const paid = s.notes.some((n) => n.order === msg.order);
    // The close API closes an unpaid trade for good; a paid one cannot be closed.
    const close = msg.close === true && !paid;
    const closed = close || s.closed.includes(msg.order);
    ctx.trace('notify.queried', closed ? { order: msg.order, paid, merchant: from, closed } : { order: msg.order, paid, merchant: from });
    const r: NotifyStatusMsg = closed ? { type: 'notify.status', qid: msg.qid, order: msg.order, paid, closed } : { type: 'notify.status', qid: msg.qid, order: msg.order, paid };
    ctx.reply(r);
    return close && !s.closed.includes(msg.order) ? { ...s, closed: [...s.closed, msg.order] } : s;
  }
  if (msg.type !== 'notify.answer') return s;
  const n = s.notes.find((x) => x.nid === msg.nid && x.state === 'calling');
  if (!n) return s;
  if (msg.body !== 'success') return failed(s, n, p('pattern.notifier.whyAnswer', { body: msg.body }), ctx);
  if (n.timer !== null) ctx.cancelTimer(n.timer);
  ctx.trace('notify.done', { order: n.order, attempt: n.attempt });
  return withNote(s, { ...n, state: 'done', nid: null, timer: null });
}

function onTimer(s: NotifierState, payload: unknown, ctx: Ctx): NotifierState {
  const t = TIMERS.match(payload);
  if (!t) return s;
  if (t.timer === 'pay') {
    const order = `order-${s.paid + 1}`;
    if (s.closed.includes(order)) {
      ctx.trace('notify.refused', { order, merchant: s.p.target });
      if (s.paid + 1 < s.p.orders) ctx.setTimer(s.p.intervalMs, TIMERS.make('pay'));
      return { ...s, paid: s.paid + 1 };
    }
    ctx.trace('notify.paid', { order, merchant: s.p.target });
    ctx.metric('notify.paid');
    if (s.paid + 1 < s.p.orders) ctx.setTimer(s.p.intervalMs, TIMERS.make('pay'));
    const n: Notification = { order, attempt: 0, state: 'calling', nid: null, timer: null };
    return call({ ...s, paid: s.paid + 1, notes: [...s.notes, n] }, n, ctx);
  }
  if (t.timer === 'timeout') {
    const n = s.notes.find((x) => x.nid === t.nid && x.state === 'calling');
    return n ? failed({ ...s }, { ...n, timer: null }, p('pattern.notifier.whyTimeout', { ms: s.p.timeoutMs }), ctx) : s;
  }
  const n = s.notes.find((x) => x.order === t.order && x.state === 'waiting');
  return n ? call(s, n, ctx) : s;
}

const initial = (p: NotifierParams): NotifierState => ({ p, paid: 0, notes: [], closed: [], nextNid: 1 });

export const notifier: ProgramDef<NotifierParams, NotifierState> = {
  kind: 'notifier',
  init: initial,
  start(s, ctx) {
    // Back from a crash, unfinished notifications are called again at once.
    let n: NotifierState = { ...s, nextNid: 1 + Math.floor(ctx.random() * 1e6) };
    for (const x of s.notes) if (x.state === 'calling' || x.state === 'waiting') n = call(n, { ...x, attempt: x.attempt }, ctx);
    if (s.paid < s.p.orders) ctx.setTimer(s.paid === 0 ? 100 : s.p.intervalMs, TIMERS.make('pay'));
    return n;
  },
  onMessage,
  onTimer,
  crash: (s, p) => ({ ...initial(p), paid: s.paid, closed: s.closed, notes: s.notes.map((n) => ({ ...n, nid: null, timer: null })) }),
  view(s) {
    const done = s.notes.filter((n) => n.state === 'done').length;
    const gave = s.notes.filter((n) => n.state === 'gave-up').map((n) => n.order);
    const busy = s.notes.filter((n) => n.state === 'calling' || n.state === 'waiting');
    const busyList = busy.map((n): Phrase => p('pattern.notifier.viewTry', { order: n.order, attempt: n.attempt, tries: tries(s.p) })).reduce<Phrase | null>((a, b) => (a ? p('pattern.notifier.comma', { a, b }) : b), null);
    const detail = p('pattern.notifier.view', {
      paid: s.notes.length,
      done,
      closed: s.closed.length > 0 ? s.closed.join(', ') : 'none',
      gave: gave.length > 0 ? gave.join(', ') : 'none',
      busy: busyList ?? 'none',
    });
    if (busy.length > 0) return { status: 'working', detail };
    return { status: gave.length > 0 ? 'failed' : s.paid < s.p.orders ? 'idle' : 'done', detail };
  },
  describeTimer(payload) {
    const t = TIMERS.match(payload);
    if (!t) return p('core.timerFires');
    if (t.timer === 'pay') return p('pattern.notifier.timerPay');
    if (t.timer === 'timeout') return p('pattern.notifier.timerTimeout');
    return p('pattern.notifier.timerRetry', { order: 'order' in t ? t.order : '' });
  },
  narrate(ev, name) {
    switch (ev.type) {
      case 'notify.paid':
        return p('pattern.notifier.paid', { order: ev.order, node: name(ev.node), merchant: name(ev.merchant) });
      case 'notify.call':
        return p('pattern.notifier.call', { node: name(ev.node), order: ev.order, attempt: ev.attempt, tries: ev.tries });
      case 'notify.failed': {
        const why = ev.why;
        return ev.retryInMs === null
          ? p('pattern.notifier.lastFailed', { node: name(ev.node), order: ev.order, why })
          : p('pattern.notifier.failed', { node: name(ev.node), order: ev.order, why, ms: Math.round(ev.retryInMs) });
      }
      case 'notify.done':
        return p('pattern.notifier.done', { node: name(ev.node), order: ev.order });
      case 'notify.giveup':
        return p('pattern.notifier.giveup', { node: name(ev.node), order: ev.order, attempts: ev.attempts });
      case 'notify.queried':
        return p('pattern.notifier.queried', { merchant: name(ev.merchant), node: name(ev.node), order: ev.order, answer: ev.paid ? 'paid' : ev.closed ? 'closed' : 'unpaid' });
      case 'notify.refused':
        return p('pattern.notifier.refused', { order: ev.order, node: name(ev.node), merchant: name(ev.merchant) });
      default:
        return undefined;
    }
  },
};
