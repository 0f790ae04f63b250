import { z } from 'zod';
import { must } from '../../core/param-error';

// The parameters of a RocketMQ-style broker, apart from its behaviour (model.ts): the catalog
// imports them eagerly to validate scenarios and build the inspector's form. The defaults are
// RocketMQ's own (5.x source): BrokerConfig, MessageStoreConfig, SubscriptionGroupConfig and the
// clients' DefaultMQProducer / DefaultMQPushConsumer. Scenarios scale the long ones down and say so.

const ms = (min: number, max: number) => z.number({ error: must.numberOf('ms') }).min(min, { error: must.numberFrom(min, max) }).max(max, { error: must.numberFrom(min, max) });
const int = (min: number, max: number) => z.number().int({ error: must.wholeNumber() }).min(min, { error: must.between(min, max) }).max(max, { error: must.between(min, max) });

/** RocketMQ's `messageDelayLevel` (MessageStoreConfig): levels 1 to 18, in seconds. */
export const DELAY_LEVELS_S = [1, 5, 10, 30, 60, 120, 180, 240, 300, 360, 420, 480, 540, 600, 1200, 1800, 3600, 7200] as const;

export const mqParams = z
  .object({
    /** Queues of a topic created on first use (DefaultMQProducer.defaultTopicQueueNums = 4). */
    queuesPerTopic: int(1, 16).default(4),
    /**
     * The retry delays are RocketMQ's delay levels times this: 1 is real time (10 s, 30 s, 1 min …
     * 2 h); 0.01 plays 10 s as 100 ms.
     */
    delayScale: z.number().min(0.0001, { error: must.between(0.0001, 1) }).max(1, { error: must.between(0.0001, 1) }).default(1),
    /** Deliveries that failed before a message goes to the group's DLQ (SubscriptionGroupConfig.retryMaxTimes = 16). */
    maxReconsumeTimes: int(0, 16).default(16),
    /** A message a consumer holds longer than this is sent back to be retried (DefaultMQPushConsumer.consumeTimeout = 15 min). */
    consumeTimeoutMs: ms(1, 86_400_000).default(900_000),
    /** A half message younger than this is not checked (BrokerConfig.transactionTimeOut = 6 s). */
    transactionTimeOutMs: ms(1, 86_400_000).default(6000),
    /** How often the broker scans half messages to check them (BrokerConfig.transactionCheckInterval: 30 s in 5.x, 60 s in 4.x). */
    transactionCheckIntervalMs: ms(1, 86_400_000).default(30_000),
    /** Checks before a half message is discarded (BrokerConfig.transactionCheckMax = 15). */
    transactionCheckMax: int(1, 100).default(15),
    /** How often consume offsets reach disk (BrokerConfig.flushConsumerOffsetInterval = 5 s): a crash redelivers what was acked since. */
    flushConsumerOffsetIntervalMs: ms(1, 3_600_000).default(5000),
  })
  .strict();
export type MqParams = z.infer<typeof mqParams>;

/** The delay before retry number `reconsumeTimes + 1`: level 3 + reconsumeTimes (AbstractSendMessageProcessor). */
export function retryDelayMs(p: MqParams, reconsumeTimes: number): number {
  const level = Math.min(3 + reconsumeTimes, DELAY_LEVELS_S.length);
  return DELAY_LEVELS_S[level - 1] * 1000 * p.delayScale;
}
