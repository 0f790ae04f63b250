import type { MonitorDef } from '../../core/monitor';
import { p } from '../../core/phrase';
import { fingerprint } from '../../clients/payments/messages';

/**
 * An idempotency key names one request: a stored result may be replayed only to a request with
 * the same parameters. Replaying it to a different one (a client that reused a key for another
 * order or amount) tells that client it paid when nothing was charged for it; Stripe refuses
 * such a request instead.
 */
export const replayMatchesRequest: MonitorDef<{ replays: number }> = {
  id: 'replay-matches-request',
  title: 'A stored result is only replayed to a request with the same parameters',
  watches: ['payments.reply'],
  init: () => ({ replays: 0 }),
  onEvent(s, ev, ctx) {
    if (ev.type !== 'payments.reply' || !ev.replayed) return s;
    const asked = fingerprint(ev.order, ev.amount);
    if (ev.storedFp === null || ev.storedFp === asked) return { replays: s.replays + 1 };
    ctx.violate(
      p('invariants.rmr', { client: ctx.name(ev.client), node: ctx.name(ev.node), amount: ev.amount, order: ev.order, key: String(ev.key), stored: ev.storedFp, charge: String(ev.chargeId) }),
      [ev.client, ev.node],
      ev.i,
    );
    return { replays: s.replays + 1 };
  },
};
