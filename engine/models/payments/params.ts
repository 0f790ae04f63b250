import { z } from 'zod';
import { must, paramError } from '../../core/param-error';
import { p } from '../../core/phrase';

// The parameters of a payment service, apart from its behaviour (model.ts): the catalog imports
// them eagerly to validate scenarios and build the inspector's form, while the model is fetched
// the first time a scenario has such a node.

const ms = (min: number, max: number) => z.number({ error: must.numberOf('ms') }).min(min, { error: must.numberFrom(min, max) }).max(max, { error: must.numberFrom(min, max) });

export const paymentsParams = z
  .object({
    /** Where idempotency keys are recorded: nowhere, Redis (SET NX) or ZooKeeper (create). */
    dedupe: z.enum(['none', 'redis', 'zookeeper']).default('none'),
    /** The Redis or ZooKeeper node holding the keys. */
    store: z.string().min(1, { error: must.id() }).optional(),
    /** How long the card network takes to charge (ms). */
    chargeMs: ms(0, 600_000).default(400),
    /** Redis: TTL of the in-progress marker, so a claim whose service died frees itself (ms). */
    pendingTtlMs: ms(1, 86_400_000).default(3000),
    /** How long a stored result is kept (ms); Stripe keeps keys at least 24 h. */
    resultTtlMs: ms(1, 2_592_000_000).default(86_400_000),
    /** Refuse a key reused with other parameters (422), as Stripe does. Off: replay its stored result anyway. */
    checkParams: z.boolean().default(true),
    /** ZooKeeper: the parent znode of the key records. */
    zkPath: z
      .string()
      .regex(/^(\/[A-Za-z0-9_.-]+)+$/, { error: must.pathLike('/idempotency') })
      .max(200)
      .default('/idempotency'),
    /** ZooKeeper: requested session timeout (ms). */
    sessionTimeoutMs: ms(1, 600_000).default(6000),
    /** A store request with no reply after this long has failed (ms); shorter than clients wait, so they hear 503. */
    timeoutMs: ms(1, 600_000).default(500),
  })
  .strict()
  .refine((p) => p.dedupe === 'none' || p.store !== undefined, { error: paramError('a dedupe store needs the store node id', p('model.payments.paramDedupeStore')), path: ['store'] });
export type PaymentsParams = z.infer<typeof paymentsParams>;
