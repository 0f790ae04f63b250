import { isMqMsg, type MqAckMsg, type MqDeliverMsg, type MqHelloMsg } from '../../clients/mq/messages';
import type { DbResult, DbStmt } from '../../clients/sql/messages';
import { isConnectionClosed } from '../../core/connection';
import { p, type Say } from '../../core/phrase';
import type { ProgramDef } from '../../core/program';
import { timerOwner, type NoFields } from '../../core/timer';
import type { Ctx } from '../../core/types';
import { freshChan, sendSql, sqlAnswer, type SqlChan } from '../sql-chan';
import type { InboxConsumerParams } from './params';

/**
 * The consuming half of the local message table: a shipping service that takes one item from
 * its inventory per order message, in a local transaction on its own database. With `dedupe`
 * the same transaction first inserts the message's id (the producer's outbox id, which a
 * republished message keeps, unlike the broker's message id) into its `inbox` table: a message
 * it has handled fails that insert with a duplicate key (ERROR 1062), so it rolls back and
 * acknowledges without a second effect. The record and the effect commit together, so a crash
 * can never leave one without the other. Without `dedupe` every delivery ships again.
 *
 * With `effect: credit` the effect is a credit to an account instead, and the inbox is keyed by
 * the message key (the order), the business key a payment dedupes on: a transactional message
 * has no outbox id, and a redelivery keeps its key.
 */

declare module '../../core/trace-types' {
  interface TraceEventMap {
    /** The effect committed: an item left the inventory for this order. */
    'inbox.effect': { group: string; order: string; outboxId: string; msgId: string; dedupe: boolean; credit?: { account: string; amount: number } };
    /** The message id was already in the inbox: rolled back, acknowledged, no second effect. */
    'inbox.duplicate': { group: string; order: string; outboxId: string; msgId: string };
    /** Handling failed (a statement failed, or the database went away): RECONSUME_LATER. */
    'inbox.fail': { group: string; order: string; outboxId: string; error: Say };
  }
}

type Step = 'begin' | 'inbox' | 'ship' | 'commit' | 'rollback';

export interface InboxConsumerState {
  p: InboxConsumerParams;
  chan: SqlChan<Step>;
  /** Messages received and not yet handled, the one being handled first (in memory). */
  queue: MqDeliverMsg[];
  busy: boolean;
  /** Why the transaction is being rolled back, if it is. */
  undo: 'duplicate' | Say | null;
  shipped: number;
  duplicates: number;
  session: number;
}

const TIMERS = timerOwner<{ work: { msgId: string }; hello: NoFields; beat: NoFields }>('inbox-consumer');

function hello(s: InboxConsumerState, ctx: Ctx): InboxConsumerState {
  const m: MqHelloMsg = { type: 'mq.hello', consumerGroup: s.p.group, topic: s.p.topic, session: s.session };
  ctx.send(s.p.target, m);
  return s;
}

function statement(s: InboxConsumerState, step: Step, m: MqDeliverMsg): DbStmt {
  switch (step) {
    case 'begin':
      return { op: 'begin' };
    case 'inbox':
      return { op: 'insert', table: 'inbox', row: { id: dedupeId(s, m), order: m.key } };
    case 'ship':
      if (s.p.effect === 'credit') return { op: 'update', table: 'accounts', id: s.p.account, add: { balance: s.p.amount } };
      return { op: 'update', table: 'inventory', id: s.p.item, add: { stock: -1, shipped: 1 }, atLeast: { stock: 1 } };
    case 'commit':
      return { op: 'commit' };
    case 'rollback':
      return { op: 'rollback' };
  }
}

/** The id the inbox remembers a message by: the outbox id it carries, or its key for a credit. */
const dedupeId = (s: InboxConsumerState, m: MqDeliverMsg): string => (s.p.effect === 'credit' ? m.key : m.body);

function sql(s: InboxConsumerState, ctx: Ctx, step: Step): InboxConsumerState {
  return { ...s, chan: sendSql(s.chan, ctx, s.p.db, statement(s, step, s.queue[0]), step) };
}

/** Starts on the first message if idle. */
function work(s: InboxConsumerState, ctx: Ctx): InboxConsumerState {
  if (s.busy || s.queue.length === 0) return s;
  ctx.setTimer(s.p.processMs, TIMERS.make('work', { msgId: s.queue[0].msgId }));
  return { ...s, busy: true };
}

/** Acknowledges the first message and moves on. */
function ack(s: InboxConsumerState, ctx: Ctx, status: MqAckMsg['status']): InboxConsumerState {
  const m = s.queue[0];
  const a: MqAckMsg = { type: 'mq.ack', group: s.p.group, msgId: m.msgId, status };
  ctx.send(s.p.target, a);
  return work({ ...s, queue: s.queue.slice(1), busy: false, undo: null, chan: { ...s.chan, pending: null } }, ctx);
}

function fail(s: InboxConsumerState, ctx: Ctx, error: Say): InboxConsumerState {
  const m = s.queue[0];
  ctx.trace('inbox.fail', { group: s.p.group, order: m.key, outboxId: dedupeId(s, m), error });
  return ack(s, ctx, 'later');
}

function onAnswer(s0: InboxConsumerState, tag: Step, r: DbResult, ctx: Ctx): InboxConsumerState {
  const s = { ...s0, chan: { ...s0.chan, pending: null } };
  const m = s.queue[0];
  if (tag === 'rollback') {
    if (s.undo !== 'duplicate') return fail(s, ctx, s.undo ?? p('pattern.inbox-consumer.rolledBack'));
    ctx.trace('inbox.duplicate', { group: s.p.group, order: m.key, outboxId: dedupeId(s, m), msgId: m.msgId });
    ctx.metric('inbox.duplicates');
    return ack({ ...s, duplicates: s.duplicates + 1 }, ctx, 'success');
  }
  if (!r.ok) {
    if (tag === 'begin' || tag === 'commit') return fail(s, ctx, `ERROR ${r.error.code}: ${r.error.message}`);
    return sql({ ...s, undo: tag === 'inbox' && r.error.code === 1062 ? 'duplicate' : `ERROR ${r.error.code}: ${r.error.message}` }, ctx, 'rollback');
  }
  switch (tag) {
    case 'begin':
      return sql(s, ctx, s.p.dedupe ? 'inbox' : 'ship');
    case 'inbox':
      return sql(s, ctx, 'ship');
    case 'ship':
      if (r.affected === 0) return sql({ ...s, undo: s.p.effect === 'credit' ? p('pattern.inbox-consumer.noAccount', { account: String(s.p.account) }) : p('pattern.inbox-consumer.outOfStock', { item: String(s.p.item) }) }, ctx, 'rollback');
      return sql(s, ctx, 'commit');
    case 'commit':
      ctx.trace('inbox.effect', { group: s.p.group, order: m.key, outboxId: dedupeId(s, m), msgId: m.msgId, dedupe: s.p.dedupe, ...(s.p.effect === 'credit' ? { credit: { account: s.p.account, amount: s.p.amount } } : {}) });
      ctx.metric('inbox.effects');
      return ack({ ...s, shipped: s.shipped + 1 }, ctx, 'success');
  }
}

const initial = (p: InboxConsumerParams): InboxConsumerState => ({ p, chan: freshChan(), queue: [], busy: false, undo: null, shipped: 0, duplicates: 0, session: 0 });

export const inboxConsumer: ProgramDef<InboxConsumerParams, InboxConsumerState> = {
  kind: 'inbox-consumer',
  init: initial,
  start(s, ctx) {
    ctx.setTimer(s.p.heartbeatMs, TIMERS.make('beat'));
    const session = 1 + Math.floor(ctx.random() * 1e9);
    return hello({ ...s, queue: [], busy: false, undo: null, chan: freshChan(1 + (session % 1e6)), session }, ctx);
  },
  onMessage(s, msg, from, ctx) {
    if (from === s.p.db) {
      // The database rolled back the open transaction with the connection: the message is retried.
      if (isConnectionClosed(msg)) return s.chan.pending ? fail(s, ctx, p('pattern.inbox-consumer.connLost')) : s;
      const a = sqlAnswer(s.chan, msg);
      return a ? onAnswer(s, a.tag, a.result, ctx) : s;
    }
    if (from !== s.p.target) return s;
    if (isConnectionClosed(msg)) {
      // The broker takes back what it gave us; the message being handled finishes, its ack is stale.
      ctx.setTimer(s.p.reconnectMs, TIMERS.make('hello'));
      return { ...s, queue: s.busy ? s.queue.slice(0, 1) : [] };
    }
    if (!isMqMsg(msg) || msg.type !== 'mq.deliver' || msg.group !== s.p.group) return s;
    return work({ ...s, queue: [...s.queue, msg] }, ctx);
  },
  onTimer(s, payload, ctx) {
    const t = TIMERS.match(payload);
    if (!t) return s;
    if (t.timer === 'hello') return hello(s, ctx);
    if (t.timer === 'beat') {
      ctx.setTimer(s.p.heartbeatMs, TIMERS.make('beat'));
      return hello(s, ctx);
    }
    return s.busy && s.queue[0]?.msgId === t.msgId && !s.chan.pending ? sql(s, ctx, 'begin') : s;
  },
  view(s) {
    const tally = p('pattern.inbox-consumer.tally', { n: s.shipped, effect: s.p.effect === 'credit' ? 'credit' : 'ship', dups: s.duplicates > 0 ? p('pattern.inbox-consumer.dups', { n: s.duplicates }) : '' });
    if (s.busy) return { status: 'working', detail: p('pattern.inbox-consumer.handling', { key: s.queue[0].key, body: s.queue[0].body, tally }) };
    return { status: 'idle', detail: tally };
  },
  describeTimer(payload) {
    const t = TIMERS.match(payload);
    if (!t) return p('core.timerFires');
    return p(t.timer === 'hello' ? 'pattern.inbox-consumer.timerHello' : t.timer === 'beat' ? 'pattern.inbox-consumer.timerBeat' : 'pattern.inbox-consumer.timerWork');
  },
  narrate(ev, name) {
    switch (ev.type) {
      case 'inbox.effect':
        if (ev.credit) {
          const what = p('pattern.inbox-consumer.what', { account: ev.credit.account, amount: ev.credit.amount, order: ev.order });
          return ev.dedupe ? p('pattern.inbox-consumer.creditDedupe', { node: name(ev.node), what, order: ev.order }) : p('pattern.inbox-consumer.creditNoInbox', { node: name(ev.node), what, msgId: ev.msgId });
        }
        return ev.dedupe
          ? p('pattern.inbox-consumer.shipDedupe', { node: name(ev.node), order: ev.order, outboxId: ev.outboxId })
          : p('pattern.inbox-consumer.shipNoInbox', { node: name(ev.node), order: ev.order, outboxId: ev.outboxId, msgId: ev.msgId });
      case 'inbox.duplicate':
        return p('pattern.inbox-consumer.duplicate', { node: name(ev.node), order: ev.order, msgId: ev.msgId, outboxId: ev.outboxId, what: ev.outboxId === ev.order ? 'credit' : 'shipment' });
      case 'inbox.fail':
        return p('pattern.inbox-consumer.fail', { node: name(ev.node), order: ev.order, error: ev.error });
      default:
        return undefined;
    }
  },
};
