import { z } from 'zod';
import { ALIPAY_RETRY_MS } from '../../clients/notify/messages';

// The parameters of the notifier, apart from its behaviour (program.ts).

const ms = (min: number, max: number) => z.number({ error: 'expected a number of ms' }).min(min, { error: `expected a number from ${min} to ${max}` }).max(max, { error: `expected a number from ${min} to ${max}` });

export const notifierParams = z
  .object({
    kind: z.literal('notifier'),
    /** The merchant it notifies. */
    target: z.string().min(1, { error: 'expected a node id' }),
    /** Orders paid, order-1 … order-N, one every intervalMs from the start. */
    orders: z.number().int({ error: 'expected a whole number' }).min(1, { error: 'expected 1 to 50' }).max(50, { error: 'expected 1 to 50' }).default(3),
    intervalMs: ms(1, 3_600_000).default(1500),
    /** The waits before each retry (ms), before scaling: Alipay's 4m, 10m, 10m, 1h, 2h, 6h, 15h. Tries in all: one more than these. */
    retryScheduleMs: z.array(ms(0, 864_000_000)).min(0).max(30).default([...ALIPAY_RETRY_MS]),
    /** The schedule is multiplied by this: 1 is real time; 0.0001 plays 4 min as 24 ms and 15 h as 5.4 s. */
    scheduleScale: z.number().min(0.00001, { error: 'expected 0.00001 to 1' }).max(1, { error: 'expected 0.00001 to 1' }).default(1),
    /** A call with no answer after this long has failed (ms). */
    timeoutMs: ms(1, 600_000).default(300),
  })
  .strict();
export type NotifierParams = z.infer<typeof notifierParams>;
