import { z } from 'zod';
import { must } from '../../core/param-error';

// The parameters of the notified merchant, apart from its behaviour (program.ts).

const ms = (min: number, max: number) => z.number({ error: must.numberOf('ms') }).min(min, { error: must.numberFrom(min, max) }).max(max, { error: must.numberFrom(min, max) });

export const notifyReceiverParams = z
  .object({
    kind: z.literal('notify-receiver'),
    /** The payment platform that notifies it and answers its queries. */
    target: z.string().min(1, { error: must.id() }),
    /** Orders it created at the start and waits to hear are paid: order-1 … order-N. */
    orders: z.number().int({ error: must.wholeNumber() }).min(1, { error: must.between(1, 50) }).max(50, { error: must.between(1, 50) }).default(3),
    /** How long handling a notification takes (ms). */
    processMs: ms(0, 600_000).default(100),
    /** Record each order credited, in the same local transaction, and answer a repeat without crediting again. */
    dedupe: z.boolean().default(true),
    /** An order it has not heard about this long after creating it is closed as unpaid (ms). */
    orderTimeoutMs: ms(1, 86_400_000).default(10_000),
    /** Before closing an order, and when it starts, ask the platform about orders it has not heard of (its safety net). */
    queryBack: z.boolean().default(false),
  })
  .strict();
export type NotifyReceiverParams = z.infer<typeof notifyReceiverParams>;
