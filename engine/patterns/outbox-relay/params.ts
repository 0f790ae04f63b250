import { z } from 'zod';
import { must } from '../../core/param-error';

// The parameters of the outbox relay, apart from its behaviour (program.ts).

const ms = (min: number, max: number) => z.number({ error: must.numberOf('ms') }).min(min, { error: must.numberFrom(min, max) }).max(max, { error: must.numberFrom(min, max) });
const name = z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/, { error: must.name() });

export const outboxRelayParams = z
  .object({
    kind: z.literal('outbox-relay'),
    /** The database whose `outbox` table it polls. */
    target: z.string().min(1, { error: must.id() }),
    /** The broker it publishes to. */
    broker: z.string().min(1, { error: must.id() }).default('mq'),
    producerGroup: name.default('order-relay'),
    /** How often it looks for rows still marked new (ms). */
    pollMs: ms(10, 3_600_000).default(1000),
    /** Time between the broker's SEND_OK and the UPDATE that marks the row sent (the rest of its loop) (ms). */
    markDelayMs: ms(0, 600_000).default(0),
  })
  .strict();
export type OutboxRelayParams = z.infer<typeof outboxRelayParams>;
