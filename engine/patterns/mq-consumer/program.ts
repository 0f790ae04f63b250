import { isMqMsg, type MqAckMsg, type MqDeliverMsg, type MqHelloMsg } from '../../clients/mq/messages';
import { isConnectionClosed } from '../../core/connection';
import { p } from '../../core/phrase';
import type { ProgramDef } from '../../core/program';
import { timerOwner, type NoFields } from '../../core/timer';
import type { Ctx } from '../../core/types';
import type { MqConsumerParams } from './params';

/**
 * A service consuming a topic as one member of a consumer group (shipping orders once they are
 * paid): it handles the messages it is given one at a time, in the order they came, then
 * answers CONSUME_SUCCESS, or RECONSUME_LATER when handling failed. Delivery is at least once,
 * so the same message can come twice; with `dedupe` the service records each key it handled in
 * the same local transaction as the effect and skips a key it has seen. That database survives a crash.
 */

declare module '../../core/trace-types' {
  interface TraceEventMap {
    /** The consumer's effect happened (the order shipped); `times` counts this key's effects so far. */
    'mqc.effect': { group: string; key: string; msgId: string; times: number; reconsumeTimes: number };
    /** A message whose key was already handled: acknowledged without a second effect. */
    'mqc.skip': { group: string; key: string; msgId: string };
    /** Handling failed: RECONSUME_LATER. */
    'mqc.fail': { group: string; key: string; msgId: string; reconsumeTimes: number };
  }
}

export interface MqConsumerState {
  p: MqConsumerParams;
  /** On disk: how many times each key's effect happened. */
  handled: Record<string, number>;
  /** In memory: messages received and not yet handled, the one being handled first. */
  queue: MqDeliverMsg[];
  busy: boolean;
  failures: number;
  /** This process's session, drawn at start, sent with every hello. */
  session: number;
}

/** Handling the first message ends, and saying hello again. */
const TIMERS = timerOwner<{ done: { msgId: string }; hello: NoFields; beat: NoFields }>('mq-consumer');

function hello(s: MqConsumerState, ctx: Ctx): MqConsumerState {
  const m: MqHelloMsg = { type: 'mq.hello', consumerGroup: s.p.group, topic: s.p.topic, session: s.session };
  ctx.send(s.p.target, m);
  return s;
}

function work(s: MqConsumerState, ctx: Ctx): MqConsumerState {
  if (s.busy || s.queue.length === 0) return s;
  ctx.setTimer(s.p.processMs, TIMERS.make('done', { msgId: s.queue[0].msgId }));
  return { ...s, busy: true };
}

function finish(s: MqConsumerState, ctx: Ctx): MqConsumerState {
  const [m, ...rest] = s.queue;
  let status: MqAckMsg['status'] = 'success';
  let n: MqConsumerState = { ...s, queue: rest, busy: false };
  if (s.p.failOrders.includes(m.key)) {
    status = 'later';
    ctx.trace('mqc.fail', { group: s.p.group, key: m.key, msgId: m.msgId, reconsumeTimes: m.reconsumeTimes });
    n = { ...n, failures: n.failures + 1 };
  } else if (s.p.dedupe && (s.handled[m.key] ?? 0) > 0) {
    ctx.trace('mqc.skip', { group: s.p.group, key: m.key, msgId: m.msgId });
    ctx.metric('mqc.duplicates.skipped');
  } else {
    const times = (s.handled[m.key] ?? 0) + 1;
    ctx.trace('mqc.effect', { group: s.p.group, key: m.key, msgId: m.msgId, times, reconsumeTimes: m.reconsumeTimes });
    ctx.metric('mqc.effects');
    n = { ...n, handled: { ...n.handled, [m.key]: times } };
  }
  const ack: MqAckMsg = { type: 'mq.ack', group: s.p.group, msgId: m.msgId, status };
  ctx.send(s.p.target, ack);
  return work(n, ctx);
}

const initial = (p: MqConsumerParams): MqConsumerState => ({ p, handled: {}, queue: [], busy: false, failures: 0, session: 0 });

export const mqConsumer: ProgramDef<MqConsumerParams, MqConsumerState> = {
  kind: 'mq-consumer',
  init: initial,
  start(s, ctx) {
    ctx.setTimer(s.p.heartbeatMs, TIMERS.make('beat'));
    return hello({ ...s, queue: [], busy: false, session: 1 + Math.floor(ctx.random() * 1e9) }, ctx);
  },
  onMessage(s, msg, from, ctx) {
    if (from !== s.p.target) return s;
    if (isConnectionClosed(msg)) {
      // The broker takes back what it gave us; we say hello again and are given it anew.
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
    return s.busy && s.queue[0]?.msgId === t.msgId ? finish(s, ctx) : s;
  },
  crash: (s, p) => ({ ...initial(p), handled: s.handled, failures: s.failures }),
  view(s) {
    const keys = Object.keys(s.handled);
    const twice = keys.filter((k) => s.handled[k] > 1);
    const tally = p('pattern.mq-consumer.tally', { n: keys.length, twice: twice.length > 0 ? p('pattern.mq-consumer.twice', { keys: twice.join(', ') }) : '', failed: s.failures > 0 ? p('pattern.mq-consumer.failed', { n: s.failures }) : '' });
    if (s.busy) return { status: 'working', detail: p('pattern.mq-consumer.handling', { key: s.queue[0].key, more: s.queue.length > 1 ? p('pattern.mq-consumer.more', { n: s.queue.length - 1 }) : '', tally }) };
    return { status: twice.length > 0 ? 'failed' : 'idle', detail: tally };
  },
  describeTimer(payload) {
    const t = TIMERS.match(payload);
    if (!t) return p('core.timerFires');
    return p(t.timer === 'hello' ? 'pattern.mq-consumer.timerHello' : t.timer === 'beat' ? 'pattern.mq-consumer.timerBeat' : 'pattern.mq-consumer.timerWork');
  },
  narrate(ev, name) {
    switch (ev.type) {
      case 'mqc.effect':
        return ev.times > 1
          ? p('pattern.mq-consumer.effectAgain', { node: name(ev.node), key: ev.key, times: ev.times })
          : p('pattern.mq-consumer.effect', { node: name(ev.node), key: ev.key });
      case 'mqc.skip':
        return p('pattern.mq-consumer.skip', { node: name(ev.node), key: ev.key });
      case 'mqc.fail':
        return p('pattern.mq-consumer.fail', { node: name(ev.node), key: ev.key, retry: ev.reconsumeTimes > 0 ? p('pattern.mq-consumer.retry', { n: ev.reconsumeTimes }) : '' });
      default:
        return undefined;
    }
  },
};
