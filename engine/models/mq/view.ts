import { dlqTopic, retryTopic } from '../../clients/mq/messages';
import { remaining, type MqState } from './state';

// Kept apart from the model's behaviour, as every kind's view: the UI reads only this.

/** What the canvas shows of a broker. */
export interface MqView {
  topics: { name: string; queues: { id: number; total: number }[] }[];
  groups: {
    name: string;
    topic: string;
    members: string[];
    consumed: number;
    /** Messages not yet consumed (in the topic's queues and the retry topic). */
    remaining: number;
    inflight: { key: string; consumer: string; reconsumeTimes: number }[];
    retryTopic: string;
    /** Scheduled or ready retries: `dueAt` is on the broker's clock. */
    retry: { key: string; reconsumeTimes: number; dueAt: number; ready: boolean }[];
    dlqTopic: string;
    dlq: { key: string; reconsumeTimes: number }[];
  }[];
  half: { key: string; msgId: string; checks: number }[];
  checkMax: number;
  discarded: { key: string; checks: number }[];
}

/** A plain summary of the broker's state for its card. */
export function mqView(s: MqState): MqView {
  return {
    topics: Object.entries(s.topics).map(([name, qs]) => ({ name, queues: qs.map((q, id) => ({ id, total: q.length })) })),
    groups: Object.entries(s.groups).map(([name, g]) => ({
      name,
      topic: g.topic,
      members: g.members,
      consumed: g.consumed,
      remaining: remaining(s, g),
      inflight: g.inflight.map((d) => ({ key: d.key, consumer: d.consumer, reconsumeTimes: d.reconsumeTimes })),
      retryTopic: retryTopic(name),
      retry: g.retry.filter((r) => r.state !== 'done').map((r) => ({ key: r.msg.key, reconsumeTimes: r.reconsumeTimes, dueAt: r.dueAt, ready: r.state === 'ready' })),
      dlqTopic: dlqTopic(name),
      dlq: g.dlq.map((d) => ({ key: d.msg.key, reconsumeTimes: d.reconsumeTimes })),
    })),
    half: s.half.map((h) => ({ key: h.msg.key, msgId: h.msg.id, checks: h.checks })),
    checkMax: s.p.transactionCheckMax,
    discarded: s.discarded.map((d) => ({ key: d.msg.key, checks: d.checks })),
  };
}
