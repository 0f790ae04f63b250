import { describeMqMessage, dlqTopic, isMqMsg, retryTopic, type MqCheckMsg, type MqEndMsg, type MqHelloMsg, type MqSendMsg, type MqSendResultMsg, type TxResolution } from '../../clients/mq/messages';
import { isConnectionClosed } from '../../core/connection';
import { p } from '../../core/phrase';
import type { Msg } from '../../core/msg';
import type { Ctx, ModelDef } from '../../core/types';
import { clientGone, onAck, onConsumeTimeout, onRetryDue, pump, pumpTopic } from './delivery';
import type { MqParams } from './params';
import { TIMERS, freshMq, queueFor, withGroup, withTopic, type GroupState, type MqState, type StoredMsg } from './state';

/**
 * A RocketMQ-style broker (one broker, no replicas). Topics have queues; a message goes to the
 * queue its key hashes to, and each consumer group consumes every message at least once, each
 * queue in order: a message fails (RECONSUME_LATER, or a consumer holding it past
 * consumeTimeout) and goes back through the group's %RETRY% topic at RocketMQ's delay levels,
 * then to %DLQ%<group> after maxReconsumeTimes. Half messages are stored but not delivered
 * until COMMIT, dropped on ROLLBACK, and checked with a producer of their group once older than
 * transactionTimeOut, every transactionCheckInterval, until transactionCheckMax checks: then
 * discarded.
 *
 * Durability: the model assumes every stored message is on disk when SEND_OK goes back (as with
 * flushDiskType SYNC_FLUSH, or a process crash under RocketMQ's default ASYNC_FLUSH, which leaves
 * the page cache to the OS): committed and half messages, check counts, retries and the DLQ
 * survive a crash. Consume offsets reach disk every flushConsumerOffsetInterval, so a crash
 * delivers again what was consumed since the last flush. Connections, the heartbeat tables and
 * messages out with consumers are lost.
 */

declare module '../../core/trace-types' {
  interface TraceEventMap {
    /** A producer or consumer introduced itself (a heartbeat on a new connection). */
    'mq.hello': { client: string; producerGroup: string | null; consumerGroup: string | null; topic: string | null };
    /** A message (or a half message) was stored. */
    'mq.stored': { producer: string; producerGroup: string; msgId: string; topic: string; queue: number; key: string; half: boolean };
    /** A producer ended a half message's transaction (or answered a check); `found` false: it was already resolved or discarded. */
    'mq.tx.end': { producer: string; msgId: string; key: string; resolution: TxResolution; fromCheck: boolean; found: boolean };
    /** The broker checks a half message with a producer of its group (`producer` null: none connected, the check is counted anyway). */
    'mq.tx.check': { msgId: string; key: string; producerGroup: string; checkTimes: number; producer: string | null };
    /** A half message checked transactionCheckMax times is discarded: never delivered. */
    'mq.tx.discard': { msgId: string; key: string; topic: string; producerGroup: string; checks: number };
    'mq.deliver': { group: string; consumer: string; msgId: string; key: string; from: string; reconsumeTimes: number };
    'mq.consumed': { group: string; consumer: string; msgId: string; key: string; reconsumeTimes: number };
    /** An ack for a message the consumer no longer holds (sent back on a timeout, or requeued). */
    'mq.ack.stale': { group: string; consumer: string; msgId: string; status: 'success' | 'later' };
    /** A failed message is scheduled again at a delay level. */
    'mq.retry': { group: string; msgId: string; key: string; reconsumeTimes: number; level: number; delayMs: number; why: 'later' | 'timeout' };
    /** A message failed maxReconsumeTimes + 1 times and went to the group's DLQ. */
    'mq.dlq': { group: string; msgId: string; key: string; reconsumeTimes: number; why: 'later' | 'timeout' };
    /** A consumer's connection ended: the messages it held go back to the group. */
    'mq.requeue': { group: string; consumer: string; keys: string[] };
    /** The broker came back up: what its disk held. */
    'mq.recover': { messages: number; half: number };
  }
}

function onHello(s0: MqState, m: MqHelloMsg, from: string, ctx: Ctx): MqState {
  ctx.trace('mq.hello', { client: from, producerGroup: m.producerGroup ?? null, consumerGroup: m.consumerGroup ?? null, topic: m.topic ?? null });
  let s = s0;
  if (m.producerGroup) {
    const list = s.producers[m.producerGroup] ?? [];
    if (!list.includes(from)) s = { ...s, producers: { ...s.producers, [m.producerGroup]: [...list, from] } };
  }
  if (m.consumerGroup && m.topic) {
    s = withTopic(s, m.topic);
    // A known consumer with a new session restarted without this end hearing its connection end:
    // what the old process held will never be acknowledged, so it goes back to the group first.
    const known = s.groups[m.consumerGroup];
    if (known && m.session !== undefined && known.sessions[from] !== undefined && known.sessions[from] !== m.session) s = clientGone(s, from, ctx);
    const g: GroupState = s.groups[m.consumerGroup] ?? { topic: m.topic, queues: s.topics[m.topic].map(() => ({ offset: 0, acked: [] })), flushed: s.topics[m.topic].map(() => 0), retry: [], dlq: [], inflight: [], consumed: 0, members: [], sessions: {} };
    const sessions = m.session === undefined ? g.sessions : { ...g.sessions, [from]: m.session };
    s = withGroup(s, m.consumerGroup, { ...g, members: g.members.includes(from) ? g.members : [...g.members, from], sessions });
    s = pump(s, m.consumerGroup, ctx);
  }
  return s;
}

/** Appends `msg` to its queue in the commit log. */
function append(s: MqState, msg: StoredMsg): MqState {
  const queues = s.topics[msg.topic].map((q, i) => (i === msg.queue ? [...q, msg] : q));
  return { ...s, topics: { ...s.topics, [msg.topic]: queues } };
}

function onSend(s0: MqState, m: MqSendMsg, from: string, ctx: Ctx): MqState {
  const s1 = withTopic(s0, m.topic);
  const queue = queueFor(s1.topics[m.topic].length, m.key);
  const msg: StoredMsg = { id: `msg-${s1.nextId}`, topic: m.topic, queue, key: m.key, body: m.body, producer: from, producerGroup: m.producerGroup, at: ctx.now };
  const s = { ...s1, nextId: s1.nextId + 1 };
  ctx.trace('mq.stored', { producer: from, producerGroup: m.producerGroup, msgId: msg.id, topic: m.topic, queue, key: m.key, half: m.half });
  ctx.metric(m.half ? 'mq.half' : 'mq.sent');
  const ok: MqSendResultMsg = { type: 'mq.send.result', rid: m.rid, msgId: msg.id, queue };
  ctx.reply(ok);
  if (m.half) return { ...s, half: [...s.half, { msg, checks: 0 }] };
  return pumpTopic(append(s, msg), m.topic, ctx);
}

function onEnd(s: MqState, m: MqEndMsg, from: string, ctx: Ctx): MqState {
  const h = s.half.find((x) => x.msg.id === m.msgId);
  ctx.trace('mq.tx.end', { producer: from, msgId: m.msgId, key: m.key, resolution: m.resolution, fromCheck: m.fromCheck, found: h !== undefined });
  if (!h || m.resolution === 'unknown') return s;
  const rest = { ...s, half: s.half.filter((x) => x !== h) };
  if (m.resolution === 'rollback') {
    ctx.metric('mq.tx.rollbacks');
    return rest;
  }
  ctx.metric('mq.tx.commits');
  // The committed message is written to its real topic anew (EndTransactionProcessor), at the queue's end.
  return pumpTopic(append(rest, h.msg), h.msg.topic, ctx);
}

/** The check scan (TransactionalMessageServiceImpl.check): discard, or check with a producer. */
function checkScan(s: MqState, ctx: Ctx): MqState {
  ctx.setTimer(s.p.transactionCheckIntervalMs, TIMERS.make('check'));
  const half = [];
  const discarded = [...s.discarded];
  for (const h of s.half) {
    if (ctx.now - h.msg.at <= s.p.transactionTimeOutMs) {
      half.push(h);
      continue;
    }
    if (h.checks >= s.p.transactionCheckMax) {
      ctx.trace('mq.tx.discard', { msgId: h.msg.id, key: h.msg.key, topic: h.msg.topic, producerGroup: h.msg.producerGroup, checks: h.checks });
      ctx.metric('mq.tx.discarded');
      discarded.push({ msg: h.msg, checks: h.checks, at: ctx.now });
      continue;
    }
    const checkTimes = h.checks + 1;
    const producer = (s.producers[h.msg.producerGroup] ?? [])[0] ?? null;
    ctx.trace('mq.tx.check', { msgId: h.msg.id, key: h.msg.key, producerGroup: h.msg.producerGroup, checkTimes, producer });
    ctx.metric('mq.tx.checks');
    if (producer !== null) {
      const c: MqCheckMsg = { type: 'mq.check', msgId: h.msg.id, key: h.msg.key, topic: h.msg.topic, checkTimes };
      ctx.send(producer, c);
    }
    half.push({ ...h, checks: checkTimes });
  }
  return { ...s, half, discarded };
}

function onMessage(s: MqState, msg: Msg, from: string, ctx: Ctx): MqState {
  if (isConnectionClosed(msg)) return clientGone(s, from, ctx);
  if (!isMqMsg(msg)) return s;
  switch (msg.type) {
    case 'mq.hello':
      return onHello(s, msg, from, ctx);
    case 'mq.send':
      return onSend(s, msg, from, ctx);
    case 'mq.end':
      return onEnd(s, msg, from, ctx);
    case 'mq.ack':
      return onAck(s, msg.group, msg.msgId, msg.status, from, ctx);
    default:
      return s;
  }
}

function onTimer(s: MqState, payload: unknown, ctx: Ctx): MqState {
  const t = TIMERS.match(payload);
  if (!t) return s;
  switch (t.timer) {
    case 'check':
      return checkScan(s, ctx);
    case 'flush': {
      ctx.setTimer(s.p.flushConsumerOffsetIntervalMs, TIMERS.make('flush'));
      const groups = Object.fromEntries(Object.entries(s.groups).map(([k, g]) => [k, { ...g, flushed: g.queues.map((q) => q.offset) }]));
      return { ...s, groups };
    }
    case 'retry':
      return onRetryDue(s, t.group, t.idx, ctx);
    case 'consume':
      return onConsumeTimeout(s, t.group, t.ref, t.msgId, ctx);
  }
}

/** What a crash keeps: the commit log, half messages, discards, retries and DLQs, and the flushed offsets. */
function crash(s: MqState, p: MqParams): MqState {
  const groups = Object.fromEntries(
    Object.entries(s.groups).map(([k, g]) => [k, { ...g, queues: g.flushed.map((o) => ({ offset: o, acked: [] })), inflight: [], members: [], sessions: {} }]),
  );
  return { ...freshMq(p), nextId: s.nextId, topics: s.topics, half: s.half, discarded: s.discarded, groups };
}

function start(s: MqState, ctx: Ctx): MqState {
  ctx.setTimer(s.p.transactionCheckIntervalMs, TIMERS.make('check'));
  ctx.setTimer(s.p.flushConsumerOffsetIntervalMs, TIMERS.make('flush'));
  const messages = Object.values(s.topics).reduce((n, qs) => n + qs.reduce((m, q) => m + q.length, 0), 0);
  if (messages + s.half.length > 0) {
    // Back from a crash: re-arm the retries still scheduled, and say how far consumption went back.
    for (const [name, g] of Object.entries(s.groups)) {
      g.retry.forEach((r, idx) => {
        if (r.state === 'scheduled') ctx.setTimer(Math.max(0, r.dueAt - ctx.now), TIMERS.make('retry', { group: name, idx }));
      });
    }
    ctx.trace('mq.recover', { messages, half: s.half.length });
  }
  return s;
}

const ms = (t: number) => (t >= 1000 ? `${+(t / 1000).toFixed(2)} s` : `${Math.round(t)} ms`);

export const mqModel: ModelDef<MqParams, MqState> = {
  type: 'mq',
  init: (p) => freshMq(p),
  start,
  onMessage,
  onTimer,
  crash,
  describeTimer(payload) {
    const t = TIMERS.match(payload);
    if (!t) return p('model.mq.timerFires');
    return p({ check: 'model.mq.timerCheck', flush: 'model.mq.timerFlush', retry: 'model.mq.timerRetry', consume: 'model.mq.timerConsume' }[t.timer]);
  },
  describeMessage: (msg) => (isMqMsg(msg) ? describeMqMessage(msg) : msg.type),
  narrate(ev, name, prm) {
    switch (ev.type) {
      case 'mq.hello':
        return p('model.mq.hello', {
          client: name(ev.client),
          node: name(ev.node),
          producer: ev.producerGroup ? p('model.mq.helloProducer', { group: ev.producerGroup }) : '',
          consumer: ev.consumerGroup ? p('model.mq.helloConsumer', { group: ev.consumerGroup, topic: String(ev.topic) }) : '',
        });
      case 'mq.stored':
        return ev.half
          ? p('model.mq.storedHalf', { node: name(ev.node), producer: name(ev.producer), key: ev.key, msgId: ev.msgId })
          : p('model.mq.stored', { node: name(ev.node), key: ev.key, msgId: ev.msgId, topic: ev.topic, queue: ev.queue });
      case 'mq.tx.end':
        if (!ev.found) return p('model.mq.endNotFound', { producer: name(ev.producer), resolution: ev.resolution.toUpperCase(), key: ev.key, node: name(ev.node) });
        if (ev.resolution === 'unknown') return p('model.mq.endUnknown', { producer: name(ev.producer), key: ev.key });
        return p(ev.resolution === 'commit' ? 'model.mq.endCommit' : 'model.mq.endRollback', { producer: name(ev.producer), key: ev.key, checked: ev.fromCheck ? 'yes' : 'no', node: name(ev.node) });
      case 'mq.tx.check':
        return ev.producer === null
          ? p('model.mq.checkNobody', { node: name(ev.node), key: ev.key, n: ev.checkTimes, max: prm.transactionCheckMax, group: ev.producerGroup })
          : p('model.mq.check', { node: name(ev.node), producer: name(ev.producer), key: ev.key, n: ev.checkTimes, max: prm.transactionCheckMax });
      case 'mq.tx.discard':
        return p('model.mq.discard', { node: name(ev.node), key: ev.key, checks: ev.checks });
      case 'mq.deliver':
        return p('model.mq.deliver', { node: name(ev.node), key: ev.key, from: ev.from, consumer: name(ev.consumer), retry: ev.reconsumeTimes });
      case 'mq.consumed':
        return p('model.mq.consumed', { consumer: name(ev.consumer), key: ev.key, group: ev.group });
      case 'mq.ack.stale':
        return p('model.mq.ackStale', { consumer: name(ev.consumer), msgId: ev.msgId, node: name(ev.node) });
      case 'mq.retry':
        return p('model.mq.retry', { key: ev.key, group: ev.group, why: ev.why === 'timeout' ? 'timeout' : 'later', topic: retryTopic(ev.group), level: ev.level, delay: ms(ev.delayMs), n: ev.reconsumeTimes, max: prm.maxReconsumeTimes });
      case 'mq.dlq':
        return p('model.mq.dlq', { key: ev.key, times: ev.reconsumeTimes + 1, group: ev.group, topic: dlqTopic(ev.group) });
      case 'mq.requeue':
        return p('model.mq.requeue', { consumer: name(ev.consumer), node: name(ev.node), keys: ev.keys.join(', '), group: ev.group });
      case 'mq.recover':
        return p('model.mq.recover', { node: name(ev.node), messages: ev.messages, half: ev.half });
      default:
        return undefined;
    }
  },
};
