import { timerOwner } from '../../core/timer';
import type { MqParams } from './params';

// The broker's state, plain data. What a crash keeps is said in model.ts (`crash`).

/** A message in the commit log. */
export interface StoredMsg {
  id: string;
  topic: string;
  queue: number;
  key: string;
  body: string;
  producer: string;
  producerGroup: string;
  /** When the broker stored it (its clock): a half message's age counts from here. */
  at: number;
}

/** A half message waiting for COMMIT or ROLLBACK (RMQ_SYS_TRANS_HALF_TOPIC). */
export interface HalfMsg {
  msg: StoredMsg;
  /** Checks sent so far (TRANSACTION_CHECK_TIMES). */
  checks: number;
}

/** A half message given up on after transactionCheckMax checks (TRANS_CHECK_MAX_TIME_TOPIC). */
export interface Discarded {
  msg: StoredMsg;
  checks: number;
  at: number;
}

/** A group's progress on one queue: everything below `offset` is done; `acked` are done indexes above it. */
export interface QueueProgress {
  offset: number;
  acked: number[];
}

/** A message sent back by the group: scheduled at a delay level, then ready in %RETRY%<group>, then done. */
export interface RetryEntry {
  msg: StoredMsg;
  reconsumeTimes: number;
  dueAt: number;
  state: 'scheduled' | 'ready' | 'done';
}

/** A message in %DLQ%<group>: nobody consumes it. */
export interface DeadLetter {
  msg: StoredMsg;
  reconsumeTimes: number;
  at: number;
  why: string;
}

/** A message handed to a consumer and not yet acknowledged. `ref` is `q<queue>:<index>` or `r<retry index>`. */
export interface Delivery {
  ref: string;
  msgId: string;
  key: string;
  consumer: string;
  since: number;
  timer: number;
  reconsumeTimes: number;
}

/** A consumer group subscribed to one topic. */
export interface GroupState {
  topic: string;
  queues: QueueProgress[];
  /** Consume offsets as last flushed to disk: what a crash goes back to. */
  flushed: number[];
  retry: RetryEntry[];
  dlq: DeadLetter[];
  inflight: Delivery[];
  consumed: number;
  /** Consumers with a live connection (volatile: the heartbeat table). */
  members: string[];
  /** Each member's process session, from its hello (volatile). */
  sessions: Record<string, number>;
}

export interface MqState {
  p: MqParams;
  nextId: number;
  /** The commit log, by topic and queue. */
  topics: Record<string, StoredMsg[][]>;
  half: HalfMsg[];
  discarded: Discarded[];
  groups: Record<string, GroupState>;
  /** Producer groups and the producers with a live connection (volatile). */
  producers: Record<string, string[]>;
}

/** The check scan, the offset flush, a retry coming due, and a consumer holding a message too long. */
export const TIMERS = timerOwner<{ check: Record<never, never>; flush: Record<never, never>; retry: { group: string; idx: number }; consume: { group: string; ref: string; msgId: string } }>('mq');

/** An empty broker. */
export function freshMq(p: MqParams): MqState {
  return { p, nextId: 1, topics: {}, half: [], discarded: [], groups: {}, producers: {} };
}

/** The state with topic `topic` created if it was not (autoCreateTopicEnable). */
export function withTopic(s: MqState, topic: string): MqState {
  if (Object.hasOwn(s.topics, topic)) return s;
  return { ...s, topics: { ...s.topics, [topic]: Array.from({ length: s.p.queuesPerTopic }, () => []) } };
}

/** Java's String.hashCode, so a key picks the queue SelectMessageQueueByHash would. */
export function javaHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

/** The queue of `topic` that messages with `key` go to. */
export const queueFor = (queues: number, key: string): number => Math.abs(javaHash(key) % queues);

export const withGroup = (s: MqState, name: string, g: GroupState): MqState => ({ ...s, groups: { ...s.groups, [name]: g } });

/** Messages of a group's topic not yet done (in its queues and its retry topic). */
export function remaining(s: MqState, g: GroupState): number {
  const log = s.topics[g.topic] ?? [];
  let n = 0;
  g.queues.forEach((q, i) => (n += (log[i]?.length ?? 0) - q.offset - q.acked.length));
  return n + g.retry.filter((r) => r.state !== 'done').length;
}
