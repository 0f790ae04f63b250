import type { MonitorDef } from '../../core/monitor';

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
    let why: string;
    let who: string;
    if (ev.type === 'mq.tx.discard') {
      key = ev.key;
      const groups = s.groups[ev.topic] ?? [];
      who = groups.length > 0 ? groups.join(' and ') : `the consumers of ${ev.topic}`;
      why = `${ctx.name(ev.node)} discarded its half message after ${ev.checks} checks, none of which answered COMMIT`;
    } else if (ev.type === 'mq.tx.end') {
      if (!ev.found || ev.resolution !== 'rollback') return s;
      key = ev.key;
      who = 'its consumers';
      why = `${ctx.name(ev.producer)} answered ROLLBACK${ev.fromCheck ? ' to a check' : ''}, and ${ctx.name(ev.node)} dropped the half message`;
    } else if (ev.type === 'mq.dlq') {
      key = ev.key;
      who = ev.group;
      why = `handling it failed ${ev.reconsumeTimes + 1} times and it now sits in %DLQ%${ev.group}, which nothing consumes`;
    } else return s;
    const c = s.committed[key];
    if (!c || s.reported.includes(`${ev.type}|${key}`)) return s;
    // An older half message of the same order (its producer crashed before hearing it was
    // stored, and paid the order again under a new one) is rightly rolled back: no row has its id.
    if (ev.type !== 'mq.dlq' && ev.msgId !== c.msgId) return s;
    ctx.violate(`${key} was paid at ${ctx.name(c.producer)} (committed at ${ms(c.at)}) but ${who} will never hear of it: ${why}`, [c.producer, ev.node], ev.i);
    ctx.metric('mq.lost.messages');
    return { ...s, reported: [...s.reported, `${ev.type}|${key}`] };
  },
};
