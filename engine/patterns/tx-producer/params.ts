import { z } from 'zod';
import { must } from '../../core/param-error';

// The parameters of the transactional producer, apart from its behaviour (program.ts).

const ms = (min: number, max: number) => z.number({ error: must.numberOf('ms') }).min(min, { error: must.numberFrom(min, max) }).max(max, { error: must.numberFrom(min, max) });
const name = z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/, { error: must.name() });

export const txProducerParams = z
  .object({
    kind: z.literal('tx-producer'),
    /** The broker. */
    target: z.string().min(1, { error: must.id() }),
    /**
     * Its database, a `db` node: the local transaction debits `account` by `amount` and inserts
     * the message's row into `tx_log`, and the check listener looks that row up. Unset: a table
     * kept inside the service itself (it survives the service's crashes).
     */
    db: z.string().min(1, { error: must.id() }).optional(),
    /** The account the local transaction debits (with `db`). */
    account: name.default('alice'),
    /** How much each order debits (with `db`). */
    amount: z.number().int({ error: must.wholeNumber() }).min(1, { error: must.between(1, 1000000) }).max(1_000_000, { error: must.between(1, 1000000) }).default(30),
    producerGroup: name.default('pay-service'),
    topic: name.default('orders'),
    /** Orders to pay, order-1 … order-N, one after another. */
    orders: z.number().int({ error: must.wholeNumber() }).min(1, { error: must.between(1, 50) }).max(50, { error: must.between(1, 50) }).default(3),
    /** Time between one order's END and the next order's half message (ms); the first starts after it too. */
    intervalMs: ms(1, 3_600_000).default(1000),
    /** How long the local transaction (marking the order paid in its database) takes (ms); with `db`, the work before its first statement. */
    localTxMs: ms(0, 600_000).default(200),
    /** Time between the local commit and sending COMMIT (the rest of executeLocalTransaction) (ms). */
    afterCommitMs: ms(0, 600_000).default(50),
    /** The deadline the service promises for each order's transfer (local debit, then the consumer's effect) to settle (done or undone everywhere); unset: none (ms). */
    settleWithinMs: z.number().min(1).max(3_600_000).optional(),
    /** Orders whose local transaction fails: the producer says ROLLBACK. */
    failOrders: z.array(name).max(50).default([]),
    /** What the check listener answers: the state in its database, or UNKNOWN whatever it finds (a broken checker). */
    checkAnswer: z.enum(['table', 'unknown']).default('table'),
    /** How often it sends the broker a heartbeat (MQClientInstance's heartbeatBrokerInterval: 30 s), which also re-registers it after a broker restart it did not notice (ms). */
    heartbeatMs: ms(100, 3_600_000).default(30_000),
    /** Wait before introducing itself again after its connection to the broker ended (ms). */
    reconnectMs: ms(1, 600_000).default(1000),
  })
  .strict();
export type TxProducerParams = z.infer<typeof txProducerParams>;
