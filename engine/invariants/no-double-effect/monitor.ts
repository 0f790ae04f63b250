import type { MonitorDef } from '../../core/monitor';
import { p } from '../../core/phrase';

/**
 * Exactly-once effect over at-least-once delivery: a broker, or a notifier that retries, may
 * deliver the same message twice (an ack lost with a crash, offsets not yet flushed, an answer
 * that came too late). A consumer must have each message's effect once: the key recorded in
 * the same local transaction as the effect, and a repeat skipped.
 *
 * Metric: `effects.doubled` (effects beyond the first per consumer and key).
 */
export interface NoDoubleEffectState {
  /** `node|key` -> when the first effect happened. */
  first: Record<string, number>;
  /** Broker message id -> the node that published it, for blaming a repeat on its publisher. */
  publisher: Record<string, string>;
}

const ms = (t: number) => (t >= 1000 ? `${+(t / 1000).toFixed(2)} s` : `${Math.round(t)} ms`);

export const noDoubleEffect: MonitorDef<NoDoubleEffectState> = {
  id: 'no-double-effect',
  title: 'Each message has its effect once at each consumer, however often it is delivered',
  watches: ['mqc.effect', 'recv.effect', 'inbox.effect', 'mq.stored'],
  init: () => ({ first: {}, publisher: {} }),
  onEvent(s, ev, ctx) {
    if (ev.type === 'mq.stored') return ev.half ? s : { ...s, publisher: { ...s.publisher, [ev.msgId]: ev.producer } };
    if (ev.type !== 'mqc.effect' && ev.type !== 'recv.effect' && ev.type !== 'inbox.effect') return s;
    const key = ev.type === 'mqc.effect' ? ev.key : ev.order;
    const k = `${ev.node}|${key}`;
    const first = s.first[k];
    if (first === undefined) return { ...s, first: { ...s.first, [k]: ev.t } };
    const what = ev.type === 'recv.effect' ? 'credited' : 'shipped';
    // An outbox relay that published the message again is part of the story (its crash, usually).
    const by = ev.type === 'inbox.effect' ? s.publisher[ev.msgId] : undefined;
    ctx.violate(p('invariants.nde', { node: ctx.name(ev.node), what, key, first: ms(first), again: ms(ev.t) }), by ? [ev.node, by] : [ev.node], ev.i);
    ctx.metric('effects.doubled');
    return s;
  },
};
