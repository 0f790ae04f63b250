import type { MonitorDef } from '../../core/monitor';
import { p as say } from '../../core/phrase';

/**
 * Best-effort notification's promise, judged where it breaks for good: a merchant that closes
 * an order as unpaid when the platform has taken the money. That happens when every
 * notification failed (the merchant was down for the whole schedule, or answered wrongly) and
 * the merchant did not ask: best effort ends with the last try, and only a query finds the rest.
 *
 * Metric: `orders.paid.closed` (paid orders the merchant closed as unpaid).
 */
export interface PaidOrderKnownState {
  /** Order -> the platform that took the payment, when, and whether it gave up notifying. */
  paid: Record<string, { at: number; platform: string; gaveUpAt: number | null; tries: number }>;
}

const ms = (t: number) => (t >= 1000 ? `${+(t / 1000).toFixed(2)} s` : `${Math.round(t)} ms`);

export const paidOrderKnown: MonitorDef<PaidOrderKnownState> = {
  id: 'paid-order-known',
  title: 'An order paid at the platform is never closed as unpaid by the merchant',
  watches: ['notify.paid', 'notify.giveup', 'recv.close'],
  init: () => ({ paid: {} }),
  onEvent(s, ev, ctx) {
    switch (ev.type) {
      case 'notify.paid':
        return { paid: { ...s.paid, [ev.order]: { at: ev.t, platform: ev.node, gaveUpAt: null, tries: 0 } } };
      case 'notify.giveup': {
        const p = s.paid[ev.order];
        return p ? { paid: { ...s.paid, [ev.order]: { ...p, gaveUpAt: ev.t, tries: ev.attempts } } } : s;
      }
      case 'recv.close': {
        const p = s.paid[ev.order];
        if (!p) return s;
        const why = p.gaveUpAt === null ? say('invariants.pokStillTrying', { platform: ctx.name(p.platform) }) : say('invariants.pokGaveUp', { platform: ctx.name(p.platform), tries: p.tries, at: ms(p.gaveUpAt), node: ctx.name(ev.node) });
        ctx.violate(say('invariants.pok', { order: ev.order, platform: ctx.name(p.platform), at: ms(p.at), node: ctx.name(ev.node), why }), [p.platform, ev.node], ev.i);
        ctx.metric('orders.paid.closed');
        return s;
      }
      default:
        return s;
    }
  },
};
