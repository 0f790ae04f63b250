import { z } from 'zod';
import { must } from '../../core/param-error';

// The parameters of the payment client program, apart from its behaviour (program.ts): the program
// catalog imports them eagerly to validate scenarios, while the program itself is fetched with the
// first client that runs it.

const ms = (min: number, max: number) => z.number({ error: must.numberOf('ms') }).min(min, { error: must.numberFrom(min, max) }).max(max, { error: must.numberFrom(min, max) });

export const payClientParams = z
  .object({
    kind: z.literal('pay-client'),
    /** The payment service node. */
    target: z.string().min(1, { error: must.id() }),
    /** The order this payment is for. */
    order: z
      .string()
      .regex(/^[A-Za-z0-9_.-]{1,40}$/, { error: must.name() })
      .default('order-42'),
    amount: z.number().int({ error: must.wholeAmount() }).min(1, { error: must.between(1, 1000000) }).max(1_000_000, { error: must.between(1, 1000000) }).default(30),
    /** The idempotency key sent with every attempt; left out, the service cannot tell a retry from a new payment. */
    key: z
      .string()
      .regex(/^[A-Za-z0-9_.-]{1,40}$/, { error: must.name() })
      .optional(),
    /** An attempt with no answer after this long is sent again (ms). */
    timeoutMs: ms(1, 600_000).default(1000),
    /** Wait after a 409 or 503 before trying again (ms). */
    backoffMs: ms(0, 600_000).default(400),
    /** Attempts in all, the first included. */
    maxAttempts: z.number().int({ error: must.wholeNumber() }).min(1, { error: must.between(1, 100) }).max(100, { error: must.between(1, 100) }).default(8),
    /** Wait before the first attempt (ms). */
    startDelayMs: ms(0, 3_600_000).default(0),
  })
  .strict();
export type PayClientParams = z.infer<typeof payClientParams>;
