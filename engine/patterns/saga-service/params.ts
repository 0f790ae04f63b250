import { z } from 'zod';
import { must } from '../../core/param-error';

// The parameters of a service taking part in a choreographed saga, apart from its behaviour (program.ts).

const ms = (min: number, max: number) => z.number({ error: must.numberOf('ms') }).min(min, { error: must.numberFrom(min, max) }).max(max, { error: must.numberFrom(min, max) });
const name = z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/, { error: must.name() });

export const sagaServiceParams = z
  .object({
    kind: z.literal('saga-service'),
    /** The broker all the saga's events go through. */
    target: z.string().min(1, { error: must.id() }),
    /** Its own database. */
    db: z.string().min(1, { error: must.id() }).default('db'),
    /** Its part: the order service starts sagas and closes them, payment debits and refunds, inventory reserves stock. */
    role: z.enum(['order', 'payment', 'inventory']).default('order'),
    topic: name.default('saga'),
    /** The order service's orders, one saga each: the customer's account, the amount, the item and how many. */
    orders: z
      .array(z.object({ customer: name, amount: z.number().int().min(1).max(1_000_000), item: name, qty: z.number().int().min(1).max(1000) }).strict())
      .max(20)
      .default([]),
    /** Time between two orders (ms). */
    intervalMs: ms(1, 3_600_000).default(1000),
    /** Record each event's id in an inbox table in the transaction of its effect, and skip an event it has seen. */
    dedupe: z.boolean().default(true),
    /** How long handling one event takes before its transaction starts (ms). */
    processMs: ms(0, 600_000).default(100),
  })
  .strict();
export type SagaServiceParams = z.infer<typeof sagaServiceParams>;
