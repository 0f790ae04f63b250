import type { MqDeliverMsg } from '../../clients/mq/messages';
import { retryTopic } from '../../clients/mq/messages';
import type { Ctx } from '../../core/types';
import { retryDelayMs } from './params';
import { TIMERS, withGroup, type Delivery, type GroupState, type MqState, type StoredMsg } from './state';

// The consumer side of the broker: handing messages to a group's consumers in queue order,
// their acknowledgements, sending a failed message back to be retried at RocketMQ's delay
// levels, and the dead-letter queue after maxReconsumeTimes.

/** RocketMQ's pullBatchSize: at most this many messages of one queue are out with consumers at once. */
const PULL_BATCH = 32;

function deliver(s: MqState, name: string, g: GroupState, ref: string, msg: StoredMsg, reconsumeTimes: number, consumer: string, ctx: Ctx): GroupState {
  const from = ref.startsWith('r') ? retryTopic(name) : `${msg.topic}#${msg.queue}`;
  const m: MqDeliverMsg = { type: 'mq.deliver', group: name, msgId: msg.id, topic: msg.topic, key: msg.key, body: msg.body, from, reconsumeTimes };
  ctx.send(consumer, m);
  ctx.trace('mq.deliver', { group: name, consumer, msgId: msg.id, key: msg.key, from, reconsumeTimes });
  const timer = ctx.setTimer(s.p.consumeTimeoutMs, TIMERS.make('consume', { group: name, ref, msgId: msg.id }));
  const d: Delivery = { ref, msgId: msg.id, key: msg.key, consumer, since: ctx.now, timer, reconsumeTimes };
  return { ...g, inflight: [...g.inflight, d] };
}

/**
 * Hands group `name` every message it can take: each queue in order to the consumer the queue
 * is allocated to (queue i to the i-th consumer, modulo their number, as
 * AllocateMessageQueueAveragely does for one queue per consumer), then its retry topic's ready messages.
 */
export function pump(s: MqState, name: string, ctx: Ctx): MqState {
  let g = s.groups[name];
  if (!g || g.members.length === 0) return s;
  const members = [...g.members].sort();
  const log = s.topics[g.topic] ?? [];
  const out = new Set(g.inflight.map((d) => d.ref));
  g.queues.forEach((q, qi) => {
    const msgs = log[qi] ?? [];
    let holding = g.inflight.filter((d) => d.ref.startsWith(`q${qi}:`)).length;
    for (let i = q.offset; i < msgs.length && holding < PULL_BATCH; i++) {
      const ref = `q${qi}:${i}`;
      if (q.acked.includes(i) || out.has(ref)) continue;
      g = deliver(s, name, g, ref, msgs[i], 0, members[qi % members.length], ctx);
      holding += 1;
    }
  });
  g.retry.forEach((r, ri) => {
    const ref = `r${ri}`;
    if (r.state === 'ready' && !out.has(ref)) g = deliver(s, name, g, ref, r.msg, r.reconsumeTimes, members[ri % members.length], ctx);
  });
  return g === s.groups[name] ? s : withGroup(s, name, g);
}

/** Pumps every group subscribed to `topic`. */
export function pumpTopic(s: MqState, topic: string, ctx: Ctx): MqState {
  return Object.keys(s.groups).reduce((n, name) => (n.groups[name].topic === topic ? pump(n, name, ctx) : n), s);
}

/** The delivered message behind `ref` is done for its queue (consumed, or sent back). */
function done(g: GroupState, ref: string): GroupState {
  if (ref.startsWith('r')) {
    const ri = Number(ref.slice(1));
    return { ...g, retry: g.retry.map((r, i) => (i === ri ? { ...r, state: 'done' as const } : r)) };
  }
  const [qi, idx] = ref.slice(1).split(':').map(Number);
  const queues = g.queues.map((q, i) => {
    if (i !== qi) return q;
    let offset = q.offset;
    let acked = q.acked.includes(idx) ? q.acked : [...q.acked, idx];
    while (acked.includes(offset)) {
      acked = acked.filter((a) => a !== offset);
      offset += 1;
    }
    return { offset, acked };
  });
  return { ...g, queues };
}

function msgOf(s: MqState, g: GroupState, ref: string): StoredMsg {
  if (ref.startsWith('r')) return g.retry[Number(ref.slice(1))].msg;
  const [qi, idx] = ref.slice(1).split(':').map(Number);
  return s.topics[g.topic][qi][idx];
}

/**
 * Delivery `d` failed (RECONSUME_LATER, or held past consumeTimeout): the message goes back to
 * be retried at delay level 3 + reconsumeTimes, or to the DLQ once it has failed
 * maxReconsumeTimes + 1 times (AbstractSendMessageProcessor).
 */
function sendBack(s: MqState, name: string, g0: GroupState, d: Delivery, why: 'later' | 'timeout', ctx: Ctx): GroupState {
  const msg = msgOf(s, g0, d.ref);
  const g = done(g0, d.ref);
  if (d.reconsumeTimes >= s.p.maxReconsumeTimes) {
    ctx.trace('mq.dlq', { group: name, msgId: msg.id, key: msg.key, reconsumeTimes: d.reconsumeTimes, why });
    ctx.metric('mq.dlq');
    return { ...g, dlq: [...g.dlq, { msg, reconsumeTimes: d.reconsumeTimes, at: ctx.now, why }] };
  }
  const delayMs = retryDelayMs(s.p, d.reconsumeTimes);
  const idx = g.retry.length;
  ctx.setTimer(delayMs, TIMERS.make('retry', { group: name, idx }));
  ctx.trace('mq.retry', { group: name, msgId: msg.id, key: msg.key, reconsumeTimes: d.reconsumeTimes + 1, level: Math.min(3 + d.reconsumeTimes, 18), delayMs, why });
  ctx.metric('mq.retries');
  return { ...g, retry: [...g.retry, { msg, reconsumeTimes: d.reconsumeTimes + 1, dueAt: ctx.now + delayMs, state: 'scheduled' }] };
}

/** Consumer `from` acknowledged `msgId` for group `name`; an ack for a message no longer out with it is ignored. */
export function onAck(s: MqState, name: string, msgId: string, status: 'success' | 'later', from: string, ctx: Ctx): MqState {
  const g0 = s.groups[name];
  const d = g0?.inflight.find((x) => x.msgId === msgId && x.consumer === from);
  if (!g0 || !d) {
    ctx.trace('mq.ack.stale', { group: name, consumer: from, msgId, status });
    return s;
  }
  ctx.cancelTimer(d.timer);
  const g1 = { ...g0, inflight: g0.inflight.filter((x) => x !== d) };
  if (status === 'later') return pump(withGroup(s, name, sendBack(s, name, g1, d, 'later', ctx)), name, ctx);
  ctx.trace('mq.consumed', { group: name, consumer: from, msgId, key: d.key, reconsumeTimes: d.reconsumeTimes });
  ctx.metric('mq.consumed');
  return pump(withGroup(s, name, { ...done(g1, d.ref), consumed: g1.consumed + 1 }), name, ctx);
}

/** A consumer held a message past consumeTimeout: it is sent back as if consumption had failed. */
export function onConsumeTimeout(s: MqState, name: string, ref: string, msgId: string, ctx: Ctx): MqState {
  const g0 = s.groups[name];
  const d = g0?.inflight.find((x) => x.ref === ref && x.msgId === msgId);
  if (!g0 || !d) return s;
  const g1 = { ...g0, inflight: g0.inflight.filter((x) => x !== d) };
  return pump(withGroup(s, name, sendBack(s, name, g1, d, 'timeout', ctx)), name, ctx);
}

/** A retry's delay has passed: it is ready in the group's retry topic. */
export function onRetryDue(s: MqState, name: string, idx: number, ctx: Ctx): MqState {
  const g = s.groups[name];
  const r = g?.retry[idx];
  if (!r || r.state !== 'scheduled') return s;
  return pump(withGroup(s, name, { ...g, retry: g.retry.map((x, i) => (i === idx ? { ...x, state: 'ready' as const } : x)) }), name, ctx);
}

/**
 * The connection to `client` ended: it leaves every group and producer table, and the messages
 * it held go back to their queues for the group's other consumers (a rebalance: no retry counted).
 */
export function clientGone(s0: MqState, client: string, ctx: Ctx): MqState {
  let s: MqState = { ...s0, producers: Object.fromEntries(Object.entries(s0.producers).map(([k, v]) => [k, v.filter((c) => c !== client)])) };
  for (const name of Object.keys(s.groups)) {
    const g = s.groups[name];
    const mine = g.inflight.filter((d) => d.consumer === client);
    if (mine.length === 0 && !g.members.includes(client)) continue;
    for (const d of mine) ctx.cancelTimer(d.timer);
    if (mine.length > 0) ctx.trace('mq.requeue', { group: name, consumer: client, keys: mine.map((d) => d.key) });
    s = pump(withGroup(s, name, { ...g, members: g.members.filter((c) => c !== client), inflight: g.inflight.filter((d) => d.consumer !== client) }), name, ctx);
  }
  return s;
}
