import type { MonitorDef } from '../../core/monitor';
import { p, type Phrase, type Say } from '../../core/phrase';

/**
 * Eventual consistency for a transactional message: once the producer's local transaction has
 * committed (the order is paid), every consumer group of the topic must eventually handle the
 * message. Judged where it can go wrong for good: the broker discards the half message after
 * its last check (the checks answered UNKNOWN, or no producer was there to ask), a check is
 * answered ROLLBACK for a transaction that committed, or the message fails maxReconsumeTimes + 1
 * times and goes to the group's DLQ, which nothing consumes. Each is a paid order that a
 * downstream service will never act on unless someone repairs it by hand.
 *
 * Metric: `mq.lost.messages` (committed messages discarded, rolled back or dead-lettered).
 */
export interface MessageDeliveredState {
  /** Orders whose local transaction committed: key -> producer node, time, and the half message it committed under. */
  committed: Record<string, { producer: string; at: number; msgId: string }>;
  /** Consumer groups by topic, as they introduced themselves. */
  groups: Record<string, string[]>;
  /** Keys already reported, so one loss is one violation. */
  reported: string[];
}

const ms = (t: number) => (t >= 1000 ? `${+(t / 1000).toFixed(2)} s` : `${Math.round(t)} ms`);

export const messageDelivered: MonitorDef<MessageDeliveredState> = {
  id: 'message-delivered',
  title: 'A message committed by its producer reaches its consumers (not discarded, not rolled back, not left in a DLQ)',
  watches: ['txp.local', 'mq.hello', 'mq.tx.discard', 'mq.tx.end', 'mq.dlq'],
  init: () => ({ committed: {}, groups: {}, reported: [] }),
  onEvent(s, ev, ctx) {
    switch (ev.type) {
      case 'txp.local':
        return ev.outcome === 'commit' ? { ...s, committed: { ...s.committed, [ev.order]: { producer: ev.node, at: ev.t, msgId: ev.msgId } } } : s;
      case 'mq.hello': {
        if (!ev.consumerGroup || !ev.topic) return s;
        const list = s.groups[ev.topic] ?? [];
        return list.includes(ev.consumerGroup) ? s : { ...s, groups: { ...s.groups, [ev.topic]: [...list, ev.consumerGroup] } };
      }
      default:
        break;
    }
    let key: string;
    let why: Phrase;
    let who: Say;
    if (ev.type === 'mq.tx.discard') {
      key = ev.key;
      const groups = s.groups[ev.topic] ?? [];
      who = groups.length > 0 ? p('invariants.and', { items: groups }) : p('invariants.mdConsumersOf', { topic: ev.topic });
      why = p('invariants.mdDiscarded', { node: ctx.name(ev.node), checks: ev.checks });
    } else if (ev.type === 'mq.tx.end') {
      if (!ev.found || ev.resolution !== 'rollback') return s;
      key = ev.key;
      who = p('invariants.mdItsConsumers');
      why = p(ev.fromCheck ? 'invariants.mdRollbackCheck' : 'invariants.mdRollback', { producer: ctx.name(ev.producer), node: ctx.name(ev.node) });
    } else if (ev.type === 'mq.dlq') {
      key = ev.key;
      who = ev.group;
      why = p('invariants.mdDlq', { times: ev.reconsumeTimes + 1, dlq: `%DLQ%${ev.group}` });
    } else return s;
    const c = s.committed[key];
    if (!c || s.reported.includes(`${ev.type}|${key}`)) return s;
    // An older half message of the same order (its producer crashed before hearing it was
    // stored, and paid the order again under a new one) is rightly rolled back: no row has its id.
    if (ev.type !== 'mq.dlq' && ev.msgId !== c.msgId) return s;
    ctx.violate(p('invariants.md', { key, producer: ctx.name(c.producer), at: ms(c.at), who, why }), [c.producer, ev.node], ev.i);
    ctx.metric('mq.lost.messages');
    return { ...s, reported: [...s.reported, `${ev.type}|${key}`] };
  },
};
