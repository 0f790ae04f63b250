import type { Say } from '../../core/phrase';
import { t } from '../say';

/**
 * Messages of a best-effort notification, HTTP-like, over a TCP link: the provider (a payment
 * platform) calls the merchant's notify URL, which must answer the body `success` (Alipay's
 * rule; anything else counts as a failure); and the merchant's query API call, its safety net.
 */

/** Provider -> merchant: order `order` is paid. `nid` matches the answer to this attempt. */
export interface NotifyCallMsg {
  readonly type: 'notify.call';
  readonly nid: number;
  readonly order: string;
  readonly attempt: number;
}

/** Merchant -> provider: the body of the answer to a notification. */
export interface NotifyAnswerMsg {
  readonly type: 'notify.answer';
  readonly nid: number;
  readonly order: string;
  readonly body: string;
}

/**
 * Merchant -> provider: the trade query API (alipay.trade.query): is this order paid? With
 * `close`, the trade close API too (alipay.trade.close): if it is not paid, close it, so no
 * payment can land after the merchant has given up on it.
 */
export interface NotifyQueryMsg {
  readonly type: 'notify.query';
  readonly qid: number;
  readonly order: string;
  readonly close?: boolean;
}

/** Provider -> merchant: the answer to a query. */
export interface NotifyStatusMsg {
  readonly type: 'notify.status';
  readonly qid: number;
  readonly order: string;
  readonly paid: boolean;
  /** The trade is closed at the provider: it will never be paid. */
  readonly closed?: boolean;
}

export type NotifyMsg = NotifyCallMsg | NotifyAnswerMsg | NotifyQueryMsg | NotifyStatusMsg;

/** Whether `m` is one of these messages. */
export const isNotifyMsg = (m: { type: string }): m is NotifyMsg => m.type === 'notify.call' || m.type === 'notify.answer' || m.type === 'notify.query' || m.type === 'notify.status';

/** Alipay's asynchronous notification schedule after the first try: 4m, 10m, 10m, 1h, 2h, 6h, 15h (8 tries in about 25 h). */
export const ALIPAY_RETRY_MS = [240_000, 600_000, 600_000, 3_600_000, 7_200_000, 21_600_000, 54_000_000] as const;

/** One line for a notification message, for narration and the canvas. */
export function describeNotifyMessage(m: NotifyMsg): Say {
  switch (m.type) {
    case 'notify.call':
      return t('notifyCall', { order: m.order, attempt: m.attempt });
    case 'notify.answer':
      return t('notifyAnswer', { body: m.body, order: m.order });
    case 'notify.query':
      return t('notifyQuery', { order: m.order });
    case 'notify.status':
      return t('notifyStatus', { order: m.order, paid: m.paid ? 'yes' : 'no' });
  }
}
