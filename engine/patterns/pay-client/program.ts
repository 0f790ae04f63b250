import { codeText, payDetail, type PayCode, type PayRequestMsg, type PayResponseMsg } from '../../clients/payments/messages';
import { p, type Say } from '../../core/phrase';
import type { ProgramDef } from '../../core/program';
import { timerOwner, type NoFields } from '../../core/timer';
import type { Ctx } from '../../core/types';
import type { PayClientParams } from './params';

/**
 * A shop paying for one order: it sends the payment, and when no answer comes within its
 * timeout it sends it again — the same order, the same amount and, when it has one, the same
 * idempotency key. A 409 (still in progress) or 503 is retried after a back-off; a 422 (the key
 * belongs to another payment) ends it. It cannot tell a lost request from a slow one, and like
 * an HTTP client it closes a timed-out attempt's connection, so that attempt's answer is lost.
 */

declare module '../../core/trace-types' {
  interface TraceEventMap {
    /** The client sends an attempt. */
    'pay.client.send': { target: string; order: string; amount: number; key: string | null; attempt: number };
    /** No answer to the attempt within the timeout. */
    'pay.client.timeout': { order: string; attempt: number; timeoutMs: number };
    /** An answer arrived; `late` when its attempt was already abandoned (timed out) or the client had finished. */
    'pay.client.answer': { order: string; attempt: number; code: PayCode; chargeId: string | null; replayed: boolean; late: boolean; detail: string };
    /** The client stops: paid, refused, or out of attempts. */
    'pay.client.done': { order: string; outcome: 'paid' | 'refused' | 'gave-up'; attempts: number; chargeId: string | null };
  }
}

type Phase = 'starting' | 'sent' | 'backoff' | 'paid' | 'refused' | 'gave-up';

export interface PayClientState {
  p: PayClientParams;
  phase: Phase;
  attempt: number;
  /** Request ids of this life start here (attempt n uses base + n), so answers from before a crash match nothing. */
  base: number;
  timer: number | null;
  chargeId: string | null;
  replayed: boolean;
  detail: Say;
}

/** Sending (first, or again after a back-off), and attempt number `attempt` running out of time. */
const TIMERS = timerOwner<{ send: NoFields; timeout: { attempt: number } }>('pay-client');
const final = (p: Phase) => p === 'paid' || p === 'refused' || p === 'gave-up';

function send(s: PayClientState, ctx: Ctx): PayClientState {
  const attempt = s.attempt + 1;
  const m: PayRequestMsg = { type: 'pay.request', rid: s.base + attempt, order: s.p.order, amount: s.p.amount, attempt, ...(s.p.key ? { key: s.p.key } : {}) };
  ctx.send(s.p.target, m);
  ctx.trace('pay.client.send', { target: s.p.target, order: s.p.order, amount: s.p.amount, key: s.p.key ?? null, attempt });
  if (attempt > 1) ctx.metric('pay.client.retries');
  const timer = ctx.setTimer(s.p.timeoutMs, TIMERS.make('timeout', { attempt }));
  return { ...s, phase: 'sent', attempt, timer, detail: p('pattern.pay-client.waiting', { attempt, key: s.p.key ? p('pattern.pay-client.waitingKey', { key: s.p.key }) : '' }) };
}

function finish(s: PayClientState, outcome: 'paid' | 'refused' | 'gave-up', detail: Say, ctx: Ctx, chargeId: string | null = null, replayed = false): PayClientState {
  if (s.timer !== null) ctx.cancelTimer(s.timer);
  ctx.trace('pay.client.done', { order: s.p.order, outcome, attempts: s.attempt, chargeId });
  ctx.metric(`pay.client.${outcome}`);
  return { ...s, phase: outcome, timer: null, chargeId, replayed, detail };
}

/** Another attempt after `delayMs`, or the end when none are left. */
function again(s: PayClientState, delayMs: number, why: Say, ctx: Ctx): PayClientState {
  if (s.attempt >= s.p.maxAttempts) return finish(s, 'gave-up', p('pattern.pay-client.gaveUp', { n: s.attempt, why }), ctx);
  if (delayMs <= 0) return send(s, ctx);
  const timer = ctx.setTimer(delayMs, TIMERS.make('send'));
  return { ...s, phase: 'backoff', timer, detail: p('pattern.pay-client.retryIn', { why, ms: delayMs }) };
}

function onAnswer(s: PayClientState, m: PayResponseMsg, ctx: Ctx): PayClientState {
  const attempt = m.rid - s.base;
  if (attempt < 1 || attempt > s.attempt) return s;
  // The client closed an attempt's connection when it timed out: its answer reaches no one.
  const late = final(s.phase) || attempt !== s.attempt || s.phase !== 'sent';
  ctx.trace('pay.client.answer', { order: m.order, attempt, code: m.code, chargeId: m.chargeId ?? null, replayed: m.replayed ?? false, late, detail: m.detail });
  if (late) return s;
  if (s.timer !== null) ctx.cancelTimer(s.timer);
  const n = { ...s, timer: null };
  if (m.code === 200) {
    const how = m.replayed ? p('pattern.pay-client.stored') : '';
    return finish(n, 'paid', p('pattern.pay-client.paid', { charge: m.chargeId ?? '', how, n: s.attempt }), ctx, m.chargeId ?? null, m.replayed ?? false);
  }
  if (m.code === 422) return finish(n, 'refused', p('pattern.pay-client.refused', { detail: payDetail(m.detail) }), ctx);
  return again(n, s.p.backoffMs, codeText(m.code), ctx);
}

/** Pays for one order, retrying after timeouts with the same idempotency key. */
export const payClient: ProgramDef<PayClientParams, PayClientState> = {
  kind: 'pay-client',
  init: (p) => ({ p, phase: 'starting', attempt: 0, base: 0, timer: null, chargeId: null, replayed: false, detail: '' }),
  start(s, ctx) {
    const base = Math.floor(ctx.random() * 1e9) * 100;
    const timer = ctx.setTimer(s.p.startDelayMs, TIMERS.make('send'));
    return { ...s, phase: 'starting', attempt: 0, base, timer, chargeId: null, replayed: false, detail: s.p.startDelayMs > 0 ? p('pattern.pay-client.paysIn', { ms: s.p.startDelayMs }) : '' };
  },
  onMessage(s, msg, _from, ctx) {
    return msg.type === 'pay.response' ? onAnswer(s, msg as PayResponseMsg, ctx) : s;
  },
  onTimer(s, payload, ctx) {
    const t = TIMERS.match(payload);
    if (!t || final(s.phase)) return s;
    if (t.timer === 'send') return s.phase === 'starting' || s.phase === 'backoff' ? send({ ...s, timer: null }, ctx) : s;
    if (t.attempt !== s.attempt || s.phase !== 'sent') return s;
    ctx.trace('pay.client.timeout', { order: s.p.order, attempt: s.attempt, timeoutMs: s.p.timeoutMs });
    ctx.metric('pay.client.timeouts');
    // Right away: the request may be lost, and the shopper is waiting.
    return again({ ...s, timer: null }, 0, p('pattern.pay-client.timedOut', { attempt: s.attempt }), ctx);
  },
  view(s) {
    const d = s.detail || undefined;
    switch (s.phase) {
      case 'starting':
        return { status: 'idle', detail: d };
      case 'sent':
      case 'backoff':
        return { status: 'waiting', detail: d };
      case 'paid':
        return { status: 'done', detail: d };
      case 'refused':
      case 'gave-up':
        return { status: 'failed', detail: d };
    }
  },
  describeTimer(payload) {
    const t = TIMERS.match(payload);
    if (!t) return p('core.timerFires');
    return p(t.timer === 'send' ? 'pattern.pay-client.timerSend' : 'pattern.pay-client.timerTimeout');
  },
  narrate(ev, name) {
    switch (ev.type) {
      case 'pay.client.send':
        return p('pattern.pay-client.send', { node: name(ev.node), retry: ev.attempt === 1 ? 'no' : 'yes', amount: ev.amount, order: ev.order, target: name(ev.target), key: ev.key === null ? p('pattern.pay-client.noKey') : p('pattern.pay-client.key', { key: ev.key }), attempt: ev.attempt });
      case 'pay.client.timeout':
        return p('pattern.pay-client.timeout', { node: name(ev.node), ms: ev.timeoutMs, attempt: ev.attempt });
      case 'pay.client.answer':
        return ev.late
          ? p('pattern.pay-client.lateAnswer', { node: name(ev.node), attempt: ev.attempt, code: codeText(ev.code), charge: ev.chargeId ? ` ${ev.chargeId}` : '' })
          : p('pattern.pay-client.answer', { node: name(ev.node), code: codeText(ev.code), charge: ev.chargeId ? ` ${ev.chargeId}` : '', attempt: ev.attempt, stored: ev.replayed ? p('pattern.pay-client.storedNarr') : '' });
      case 'pay.client.done':
        return ev.outcome === 'paid'
          ? p('pattern.pay-client.donePaid', { node: name(ev.node), order: ev.order, charge: String(ev.chargeId), n: ev.attempts })
          : ev.outcome === 'refused'
            ? p('pattern.pay-client.doneRefused', { node: name(ev.node), order: ev.order })
            : p('pattern.pay-client.doneGaveUp', { node: name(ev.node), order: ev.order, n: ev.attempts });
      default:
        return undefined;
    }
  },
};
