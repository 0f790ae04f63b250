import type { MonitorDef } from '../../core/monitor';
import { p } from '../../core/phrase';

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
        ? p('invariants.scNoKey')
        : p('invariants.scNoClaim', { key: ev.key });
    ctx.violate(
      p('invariants.sc', { order: ev.order, node: ctx.name(ev.node), first: f.chargeId, firstAt: ms(f.at), firstAttempt: f.attempt, second: ev.chargeId, secondAt: ms(ev.t), secondAttempt: ev.attempt, why }),
      [ev.client, ev.node],
      ev.i,
    );
    ctx.metric('pay.double.charges');
    return s;
  },
};
