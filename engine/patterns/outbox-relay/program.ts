import { isMqMsg, type MqSendMsg } from '../../clients/mq/messages';
import type { DbResult } from '../../clients/sql/messages';
import { isConnectionClosed } from '../../core/connection';
import { p } from '../../core/phrase';
import type { ProgramDef } from '../../core/program';
import { timerOwner, type NoFields } from '../../core/timer';
import type { Ctx } from '../../core/types';
import { freshChan, sendSql, sqlAnswer, type SqlChan } from '../sql-chan';
import type { OutboxRelayParams } from './params';

/**
 * The relay of the local message table (a "message relay" / polling publisher, as in
 * Debezium-less outbox setups and the note's background job): every pollMs it selects the
 * outbox rows still marked new, publishes each to the broker, and only after the broker's
 * SEND_OK marks the row sent. That order makes delivery at least once: a crash between the
 * publish and the mark leaves the row new, and the next poll (after a restart) publishes it
 * again, a duplicate the consumer must absorb. Marking first would make it at most once: a crash
 * after the mark and before the publish would lose the message. Nothing of it survives a crash;
 * the outbox table is the only state that matters.
 */

declare module '../../core/trace-types' {
  interface TraceEventMap {
    /** A poll found rows still marked new. */
    'outbox.poll': { pending: string[] };
    /** A row is published to the broker (its status still says new). */
    'outbox.publish': { outboxId: string; order: string; topic: string };
    /** The broker stored it: SEND_OK with its message id. */
    'outbox.acked': { outboxId: string; order: string; msgId: string };
    /** The row is marked sent in the outbox table. */
    'outbox.sent': { outboxId: string; order: string };
  }
}

interface Row {
  id: string;
  order: string;
  topic: string;
}

type Step = 'scan' | 'mark';

export interface OutboxRelayState {
  p: OutboxRelayParams;
  chan: SqlChan<Step>;
  /** Rows found by the last poll, not yet published and marked; the first is in progress. */
  rows: Row[];
  /** The first row's progress. */
  stage: 'idle' | 'scanning' | 'publishing' | 'acked' | 'marking';
  rid: number;
  published: number;
  sent: number;
}

const TIMERS = timerOwner<{ poll: NoFields; mark: { rid: number } }>('outbox-relay');

function poll(s: OutboxRelayState, ctx: Ctx): OutboxRelayState {
  ctx.setTimer(s.p.pollMs, TIMERS.make('poll'));
  return { ...s, rows: [], stage: 'idle', chan: { ...s.chan, pending: null } };
}

function publish(s: OutboxRelayState, ctx: Ctx): OutboxRelayState {
  const row = s.rows[0];
  if (!row) return poll(s, ctx);
  const rid = s.rid + 1;
  const m: MqSendMsg = { type: 'mq.send', rid, topic: row.topic, key: row.order, body: row.id, half: false, producerGroup: s.p.producerGroup };
  ctx.send(s.p.broker, m);
  ctx.trace('outbox.publish', { outboxId: row.id, order: row.order, topic: row.topic });
  ctx.metric('outbox.published');
  return { ...s, rid, stage: 'publishing', published: s.published + 1 };
}

function onDb(s0: OutboxRelayState, tag: Step, r: DbResult, ctx: Ctx): OutboxRelayState {
  const s = { ...s0, chan: { ...s0.chan, pending: null } };
  if (!r.ok) return poll(s, ctx);
  if (tag === 'scan') {
    const rows = (r.rows ?? []).map((x) => ({ id: String(x.id), order: String(x.order), topic: String(x.topic) }));
    if (rows.length === 0) return poll(s, ctx);
    ctx.trace('outbox.poll', { pending: rows.map((x) => x.id) });
    return publish({ ...s, rows }, ctx);
  }
  const row = s.rows[0];
  ctx.trace('outbox.sent', { outboxId: row.id, order: row.order });
  return publish({ ...s, rows: s.rows.slice(1), sent: s.sent + 1 }, ctx);
}

const initial = (p: OutboxRelayParams): OutboxRelayState => ({ p, chan: freshChan(), rows: [], stage: 'idle', rid: 0, published: 0, sent: 0 });

export const outboxRelay: ProgramDef<OutboxRelayParams, OutboxRelayState> = {
  kind: 'outbox-relay',
  init: initial,
  start(s, ctx) {
    const first = 1 + Math.floor(ctx.random() * 1e6);
    return poll({ ...s, chan: freshChan(first), rid: first }, ctx);
  },
  onMessage(s, msg, from, ctx) {
    if (isConnectionClosed(msg)) {
      // Whatever was in progress is abandoned; rows not marked sent are found again by the next poll.
      if (from !== s.p.target && from !== s.p.broker) return s;
      return s.stage === 'idle' ? s : poll(s, ctx);
    }
    if (from === s.p.target) {
      const a = sqlAnswer(s.chan, msg);
      return a ? onDb(s, a.tag, a.result, ctx) : s;
    }
    if (from !== s.p.broker || !isMqMsg(msg) || msg.type !== 'mq.send.result' || msg.rid !== s.rid || s.stage !== 'publishing') return s;
    const row = s.rows[0];
    ctx.trace('outbox.acked', { outboxId: row.id, order: row.order, msgId: msg.msgId });
    ctx.setTimer(s.p.markDelayMs, TIMERS.make('mark', { rid: s.rid }));
    return { ...s, stage: 'acked' };
  },
  onTimer(s, payload, ctx) {
    const t = TIMERS.match(payload);
    if (!t) return s;
    if (t.timer === 'poll') {
      if (s.stage !== 'idle') return s;
      return { ...s, stage: 'scanning', chan: sendSql(s.chan, ctx, s.p.target, { op: 'scan', table: 'outbox', where: { status: 'new' } }, 'scan') };
    }
    if (s.stage !== 'acked' || t.rid !== s.rid) return s;
    const row = s.rows[0];
    return { ...s, stage: 'marking', chan: sendSql(s.chan, ctx, s.p.target, { op: 'update', table: 'outbox', id: row.id, set: { status: 'sent' } }, 'mark') };
  },
  view(s) {
    const tally = p('pattern.outbox-relay.tally', { published: s.published, sent: s.sent });
    const row = s.rows[0];
    if (!row || s.stage === 'idle' || s.stage === 'scanning') return { status: 'idle', detail: p('pattern.outbox-relay.polling', { tally }) };
    const what = p(s.stage === 'publishing' ? 'pattern.outbox-relay.publishing' : s.stage === 'acked' ? 'pattern.outbox-relay.acked' : 'pattern.outbox-relay.marking');
    return { status: 'working', detail: p('pattern.outbox-relay.working', { id: row.id, order: row.order, what, tally }) };
  },
  describeTimer: (payload) => p(TIMERS.match(payload)?.timer === 'mark' ? 'pattern.outbox-relay.timerMark' : 'pattern.outbox-relay.timerPoll'),
  narrate(ev, name) {
    switch (ev.type) {
      case 'outbox.poll':
        return p('pattern.outbox-relay.poll', { node: name(ev.node), pending: ev.pending.join(', ') });
      case 'outbox.publish':
        return p('pattern.outbox-relay.publish', { node: name(ev.node), outboxId: ev.outboxId, order: ev.order, topic: ev.topic });
      case 'outbox.acked':
        return p('pattern.outbox-relay.ackedNarr', { outboxId: ev.outboxId, order: ev.order, msgId: ev.msgId, node: name(ev.node) });
      case 'outbox.sent':
        return p('pattern.outbox-relay.sent', { node: name(ev.node), outboxId: ev.outboxId, order: ev.order });
      default:
        return undefined;
    }
  },
};
