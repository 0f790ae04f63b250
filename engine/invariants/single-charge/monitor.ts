import type { MonitorDef } from '../../core/monitor';

/**
 * Exactly-once effect, judged where the money moves: a payment service must charge each order
 * at most once, however many times the client sent it. A client that times out cannot tell a
 * lost request from a slow one, so it retries; only an idempotency key, claimed before the
 * charge and checked by every retry, keeps the retry from charging again.
 *
 * Metric: `pay.double.charges` (charges beyond the first per order).
 */
export interface SingleChargeState {
  /** `service|client|order` -> the first charge. */
  first: Record<string, { chargeId: string; at: number; attempt: number }>;
}

const ms = (t: number) => `${Math.round(t)} ms`;

export const singleCharge: MonitorDef<SingleChargeState> = {
  id: 'single-charge',
  title: 'Each order is charged at most once, however often the client retries',
  watches: ['payments.charge'],
  init: () => ({ first: {} }),
  onEvent(s, ev, ctx) {
    if (ev.type !== 'payments.charge') return s;
    const k = `${ev.node}|${ev.client}|${ev.order}`;
    const f = s.first[k];
    if (!f) return { first: { ...s.first, [k]: { chargeId: ev.chargeId, at: ev.t, attempt: ev.attempt } } };
    const why =
      ev.key === null
        ? 'the requests carried no idempotency key, so the retry looked like a new payment'
        : `the retry with key ${ev.key} found no claim on it (the in-progress marker had expired or was never stored)`;
    ctx.violate(
      `${ev.order} was charged twice by ${ctx.name(ev.node)}: ${f.chargeId} at ${ms(f.at)} (attempt ${f.attempt}) and ${ev.chargeId} at ${ms(ev.t)} (attempt ${ev.attempt}); ${why}`,
      [ev.client, ev.node],
      ev.i,
    );
    ctx.metric('pay.double.charges');
    return s;
  },
};
