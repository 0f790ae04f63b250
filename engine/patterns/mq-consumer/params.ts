import { z } from 'zod';
import { must } from '../../core/param-error';

// The parameters of the broker consumer, apart from its behaviour (program.ts).

const ms = (min: number, max: number) => z.number({ error: must.numberOf('ms') }).min(min, { error: must.numberFrom(min, max) }).max(max, { error: must.numberFrom(min, max) });
const name = z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/, { error: must.name() });

export const mqConsumerParams = z
  .object({
    kind: z.literal('mq-consumer'),
    /** The broker. */
    target: z.string().min(1, { error: must.id() }),
    /** Its consumer group: every group gets every message of the topic. */
    group: name.default('shipping'),
    topic: name.default('orders'),
    /** How long handling one message takes (ms). */
    processMs: ms(0, 600_000).default(200),
    /** Orders whose handling always fails (RECONSUME_LATER): a bug, or data it cannot handle. */
    failOrders: z.array(name).max(50).default([]),
    /** Keep the keys it has handled in its own database, in the transaction of the effect, and skip a message it has seen. */
    dedupe: z.boolean().default(true),
    /** How often it sends the broker a heartbeat (MQClientInstance's heartbeatBrokerInterval: 30 s), which also re-registers it after a broker restart it did not notice (ms). */
    heartbeatMs: ms(100, 3_600_000).default(30_000),
    /** Wait before introducing itself again after its connection to the broker ended (ms). */
    reconnectMs: ms(1, 600_000).default(1000),
  })
  .strict();
export type MqConsumerParams = z.infer<typeof mqConsumerParams>;
