import { z } from 'zod';
import { must } from '../../core/param-error';

// The parameters of the order service that writes an outbox, apart from its behaviour (program.ts).

const ms = (min: number, max: number) => z.number({ error: must.numberOf('ms') }).min(min, { error: must.numberFrom(min, max) }).max(max, { error: must.numberFrom(min, max) });
const name = z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/, { error: must.name() });

export const outboxOrderParams = z
  .object({
    kind: z.literal('outbox-order'),
    /** Its own database, holding the `orders` and `outbox` tables. */
    target: z.string().min(1, { error: must.id() }),
    /** Orders to place, order-1 … order-N, one after another. */
    orders: z.number().int({ error: must.wholeNumber() }).min(1, { error: must.between(1, 50) }).max(50, { error: must.between(1, 50) }).default(3),
    /** Time before the first order and between one order's commit and the next (ms). */
    intervalMs: ms(1, 3_600_000).default(1000),
    /** The item every order is for. */
    item: name.default('widget'),
    /** The topic its outbox rows are for: the relay publishes them there. */
    topic: name.default('orders'),
  })
  .strict();
export type OutboxOrderParams = z.infer<typeof outboxOrderParams>;
