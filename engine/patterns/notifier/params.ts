import { z } from 'zod';
import { ALIPAY_RETRY_MS } from '../../clients/notify/messages';
import { must } from '../../core/param-error';

// The parameters of the notifier, apart from its behaviour (program.ts).

const ms = (min: number, max: number) => z.number({ error: must.numberOf('ms') }).min(min, { error: must.numberFrom(min, max) }).max(max, { error: must.numberFrom(min, max) });

export const notifierParams = z
  .object({
    kind: z.literal('notifier'),
    /** The merchant it notifies. */
    target: z.string().min(1, { error: must.id() }),
    /** Orders paid, order-1 … order-N, one every intervalMs from the start. */
    orders: z.number().int({ error: must.wholeNumber() }).min(1, { error: must.between(1, 50) }).max(50, { error: must.between(1, 50) }).default(3),
    intervalMs: ms(1, 3_600_000).default(1500),
    /** The waits before each retry (ms), before scaling: Alipay's 4m, 10m, 10m, 1h, 2h, 6h, 15h. Tries in all: one more than these. */
    retryScheduleMs: z.array(ms(0, 864_000_000)).min(0).max(30).default([...ALIPAY_RETRY_MS]),
    /** The schedule is multiplied by this: 1 is real time; 0.0001 plays 4 min as 24 ms and 15 h as 5.4 s. */
    scheduleScale: z.number().min(0.00001, { error: must.between('0.00001', 1) }).max(1, { error: must.between('0.00001', 1) }).default(1),
    /** A call with no answer after this long has failed (ms). */
    timeoutMs: ms(1, 600_000).default(300),
  })
  .strict();
export type NotifierParams = z.infer<typeof notifierParams>;
