import { p, type Phrase, type Say } from '../../core/phrase';
import { t } from '../say';

/**
 * Messages between a paying client and the payment service. A request names the order it pays
 * for and the amount; with an idempotency key, every retry of it carries the same key, so the
 * service can tell a retry from a new payment.
 */

/** Client -> payments: charge `amount` for `order`. */
export interface PayRequestMsg {
  readonly type: 'pay.request';
  /** Matches the response to the attempt (unique per client life and attempt). */
  readonly rid: number;
  readonly order: string;
  readonly amount: number;
  /** The idempotency key (the same on every retry), or absent: no dedupe possible. */
  readonly key?: string;
  /** 1 for the first try, 2 for the first retry… */
  readonly attempt: number;
}

/**
 * The HTTP-like outcome: 200 paid (now or earlier, `replayed`), 409 the same key is still being
 * processed (retry later), 422 the key was used for a different payment, 503 the idempotency
 * store did not answer. 409 and 422 are the IETF Idempotency-Key draft's codes (Stripe answers
 * a reused key with 400).
 */
export type PayCode = 200 | 409 | 422 | 503;

/** Payments -> client: the answer to one attempt. */
export interface PayResponseMsg {
  readonly type: 'pay.response';
  readonly rid: number;
  readonly order: string;
  readonly code: PayCode;
  /** The charge, when paid. */
  readonly chargeId?: string;
  /** Paid earlier: this is the stored result of the first request with this key. */
  readonly replayed?: boolean;
  readonly detail: string;
}

export type PayMsg = PayRequestMsg | PayResponseMsg;

/** What the service stores under a key: the request's parameters, so a reuse can be caught. */
export const fingerprint = (order: string, amount: number): string => `${order}/${amount}`;

/** The phrase for a response code ("200 paid"). */
export function codeText(code: PayCode): Phrase {
  return t('payCode', { code, kind: code === 200 ? 'paid' : code === 409 ? 'progress' : code === 422 ? 'reused' : 'unavailable' });
}

/**
 * A response's `detail` in words. On the wire it is plain text, as an HTTP body would be; the
 * payment service's details are worded (model.payments messages), anything else (a store's
 * error code) is shown as it is.
 */
export function payDetail(detail: string): Say {
  let m: RegExpExecArray | null;
  if ((m = /^charged (\d+(?:\.\d+)?)$/.exec(detail))) return p('model.payments.charged', { amount: Number(m[1]) });
  if ((m = /^charged (\d+(?:\.\d+)?); storing the result failed: (.+)$/.exec(detail))) return p('model.payments.chargedStoreFailed', { amount: Number(m[1]), error: m[2] });
  if ((m = /^charged (\d+(?:\.\d+)?); the result may not be stored \((.+) did not answer\)$/.exec(detail))) return p('model.payments.chargedStoreSilent', { amount: Number(m[1]), store: m[2] });
  if ((m = /^unreadable record under (.+)$/.exec(detail))) return p('model.payments.unreadable', { key: m[1] });
  if ((m = /^key (.+) was used for (.+), not (.+)$/.exec(detail))) return p('model.payments.otherUse', { key: m[1], stored: m[2], fp: m[3] });
  if ((m = /^key (.+) is still being processed$/.exec(detail))) return p('model.payments.inProgress', { key: m[1] });
  if ((m = /^already paid as (.+)$/.exec(detail))) return p('model.payments.alreadyPaid', { charge: m[1] });
  if ((m = /^cannot create (.+): (.+)$/.exec(detail))) return p('model.payments.cannotCreate', { path: m[1], error: m[2] });
  if ((m = /^(.+) did not answer$/.exec(detail))) return p('model.payments.storeSilent', { store: m[1] });
  return detail;
}

/** One line for a payment message, for narration and the canvas. */
export function describePayMessage(m: PayMsg): Say {
  if (m.type === 'pay.request') return t('payRequest', { amount: m.amount, order: m.order, key: m.key || 'none', attempt: m.attempt > 1 ? m.attempt : 'first' });
  return t('payResponse', { code: codeText(m.code), charge: m.chargeId || 'none', replayed: m.replayed ? 'yes' : 'no' });
}
