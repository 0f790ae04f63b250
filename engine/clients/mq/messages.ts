import type { Say } from '../../core/phrase';
import { t } from '../say';

/**
 * Messages between a RocketMQ-style broker and its producers and consumers, over a TCP link.
 * Producers and consumers introduce themselves with a heartbeat (`mq.hello`, naming their group),
 * as RocketMQ clients do: the broker checks half messages with a producer of the group it
 * knows a connection to, and hands a topic's queues to the consumers of a group it knows.
 */

/** Client -> broker: the heartbeat that registers a producer group and/or a consumer group's subscription. */
export interface MqHelloMsg {
  readonly type: 'mq.hello';
  readonly producerGroup?: string;
  readonly consumerGroup?: string;
  /** The topic the consumer group subscribes to. */
  readonly topic?: string;
  /** Drawn anew each time the client process starts (RocketMQ's clientId has its pid): a new one means the old process is gone. */
  readonly session?: number;
}

/**
 * Producer -> broker: a message for `topic`. `key` is the business key (the order id): it picks
 * the queue (SelectMessageQueueByHash, so one order's messages keep their order) and is what
 * consumers dedupe on. `half`: a transactional half message, stored but not delivered.
 */
export interface MqSendMsg {
  readonly type: 'mq.send';
  readonly rid: number;
  readonly topic: string;
  readonly key: string;
  readonly body: string;
  readonly half: boolean;
  readonly producerGroup: string;
}

/** Broker -> producer: the message is stored (SEND_OK) under `msgId`. */
export interface MqSendResultMsg {
  readonly type: 'mq.send.result';
  readonly rid: number;
  readonly msgId: string;
  readonly queue: number;
}

/** What a producer says of its local transaction (RocketMQ's LocalTransactionState). */
export type TxResolution = 'commit' | 'rollback' | 'unknown';

/** Producer -> broker (one-way, as endTransactionOneway): the outcome of the local transaction, or of a check. */
export interface MqEndMsg {
  readonly type: 'mq.end';
  readonly msgId: string;
  readonly key: string;
  readonly resolution: TxResolution;
  /** Answering a back-check rather than ending the transaction itself. */
  readonly fromCheck: boolean;
}

/** Broker -> producer: what became of the local transaction behind this half message? */
export interface MqCheckMsg {
  readonly type: 'mq.check';
  readonly msgId: string;
  readonly key: string;
  readonly topic: string;
  /** The how-many-th check this is (RocketMQ's TRANSACTION_CHECK_TIMES property). */
  readonly checkTimes: number;
}

/** Broker -> consumer: a message to consume. */
export interface MqDeliverMsg {
  readonly type: 'mq.deliver';
  readonly group: string;
  readonly msgId: string;
  readonly topic: string;
  readonly key: string;
  readonly body: string;
  /** Where it came from: `orders#2`, or `%RETRY%shipping`. */
  readonly from: string;
  /** How many times it was consumed and failed before (0 on the first delivery). */
  readonly reconsumeTimes: number;
}

/** Consumer -> broker: CONSUME_SUCCESS, or RECONSUME_LATER (send it back to be retried). */
export interface MqAckMsg {
  readonly type: 'mq.ack';
  readonly group: string;
  readonly msgId: string;
  readonly status: 'success' | 'later';
}

export type MqMsg = MqHelloMsg | MqSendMsg | MqSendResultMsg | MqEndMsg | MqCheckMsg | MqDeliverMsg | MqAckMsg;

/** The retry topic of a consumer group (MixAll.RETRY_GROUP_TOPIC_PREFIX). */
export const retryTopic = (group: string): string => `%RETRY%${group}`;
/** The dead-letter topic of a consumer group (MixAll.DLQ_GROUP_TOPIC_PREFIX). */
export const dlqTopic = (group: string): string => `%DLQ%${group}`;

/** Whether `type` is one of these messages. */
export const isMqMsg = (m: { type: string }): m is MqMsg => m.type.startsWith('mq.');

/** One line for a broker message, for narration and the canvas. */
export function describeMqMessage(m: MqMsg): Say {
  switch (m.type) {
    case 'mq.hello':
      return t('mqHello', { producer: m.producerGroup || 'none', consumer: m.consumerGroup || 'none', topic: String(m.topic) });
    case 'mq.send':
      return t(m.half ? 'mqSendHalf' : 'mqSend', { key: m.key, topic: m.topic });
    case 'mq.send.result':
      return `SEND_OK ${m.msgId}`;
    case 'mq.end':
      return m.fromCheck ? t('mqEndCheck', { resolution: m.resolution.toUpperCase(), key: m.key }) : `${m.resolution.toUpperCase()} ${m.key}`;
    case 'mq.check':
      return t('mqCheck', { key: m.key, times: m.checkTimes });
    case 'mq.deliver':
      return m.reconsumeTimes > 0 ? t('mqDeliverRetry', { key: m.key, times: m.reconsumeTimes }) : t('mqDeliver', { key: m.key });
    case 'mq.ack':
      return m.status === 'success' ? 'CONSUME_SUCCESS' : 'RECONSUME_LATER';
  }
}
