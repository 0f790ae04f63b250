import { z } from 'zod';
import { must } from '../../core/param-error';

// The parameters of the consumer with an inbox table, apart from its behaviour (program.ts).

const ms = (min: number, max: number) => z.number({ error: must.numberOf('ms') }).min(min, { error: must.numberFrom(min, max) }).max(max, { error: must.numberFrom(min, max) });
const name = z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/, { error: must.name() });

export const inboxConsumerParams = z
  .object({
    kind: z.literal('inbox-consumer'),
    /** The broker. */
    target: z.string().min(1, { error: must.id() }),
    /** Its own database: the `inventory` row it ships from and the `inbox` table. */
    db: z.string().min(1, { error: must.id() }).default('db'),
    group: name.default('shipping'),
    topic: name.default('orders'),
    /**
     * What handling a message does: `ship` takes one `item` from the inventory; `credit` adds
     * `amount` to `account` in its accounts table (the receiving half of a transfer).
     */
    effect: z.enum(['ship', 'credit']).default('ship'),
    /** The inventory row an order takes one of (`ship`). */
    item: name.default('widget'),
    /** The account each message credits (`credit`). */
    account: name.default('bob'),
    /** How much each message credits (`credit`). */
    amount: z.number().int({ error: must.wholeNumber() }).min(1, { error: must.between(1, 1000000) }).max(1_000_000, { error: must.between(1, 1000000) }).default(30),
    /** How long handling one message takes before its transaction starts (ms). */
    processMs: ms(0, 600_000).default(100),
    /** Insert the message id into the inbox table in the transaction of the effect; a duplicate key means it was handled. */
    dedupe: z.boolean().default(true),
    /** How often it sends the broker a heartbeat (ms). */
    heartbeatMs: ms(100, 3_600_000).default(30_000),
    /** Wait before introducing itself again after its connection to the broker ended (ms). */
    reconnectMs: ms(1, 600_000).default(1000),
  })
  .strict();
export type InboxConsumerParams = z.infer<typeof inboxConsumerParams>;
