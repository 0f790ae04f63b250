import { z } from 'zod';
import { lockCommonShape } from '../lock-params';
import { must } from '../../core/param-error';

// The parameters of the Redlock program, apart from its behaviour (program.ts): the program
// catalog imports them eagerly to validate scenarios, while the program itself is fetched with
// the first client that runs it. Defaults are node-redlock's (v4 and v5 `src/index.ts`) and
// the Redis docs' "Distributed Locks with Redis" (N = 5, a per-instance timeout small next to
// the TTL).

const nodeRef = z.string().min(1, { error: must.id() });
const ms = (min: number, max: number) => z.number({ error: must.numberOf('ms') }).min(min, { error: must.numberFrom(min, max) }).max(max, { error: must.numberFrom(min, max) });

export const redlockParams = z
  .object({
    kind: z.literal('redlock'),
    /** The independent Redis masters, in the order requests go out (the docs' layout: 5). */
    masters: z
      .array(nodeRef)
      .min(1, { error: must.atLeastOne('master') })
      .max(15, { error: must.atMost(15, 'masters') })
      .refine((l) => new Set(l).size === l.length, { error: must.eachMasterOnce() })
      .default(['m1', 'm2', 'm3', 'm4', 'm5']),
    /** The lock's key, the same on every master. */
    lockKey: z.string().min(1).max(100).default('lock'),
    /** The lease on each master: SET … PX ttlMs. */
    ttlMs: ms(1, 3_600_000).default(10_000),
    /** Per-master request timeout: a master that does not answer within it votes against (the docs: ~5–50 ms for a 10 s TTL). */
    timeoutMs: ms(1, 600_000).default(50),
    /** Attempts after the first before giving up (node-redlock's retryCount, default 10). */
    retryCount: z.number().int({ error: must.wholeNumber() }).min(0, { error: must.between(0, 1000, 'retries') }).max(1000, { error: must.between(0, 1000, 'retries') }).default(10),
    /** Base wait before the next attempt (node-redlock's retryDelay, 200 ms). */
    retryDelayMs: ms(0, 600_000).default(200),
    /** The wait is retryDelay + a uniform ±retryJitter (node-redlock's code default 100 ms; its README's example shows 200). */
    retryJitterMs: ms(0, 600_000).default(100),
    /** Clock drift allowed per ms of TTL: the validity loses round(ttl · driftFactor) + 2 ms. */
    driftFactor: z.number({ error: must.number() }).min(0, { error: must.factorFrom(0, 0.5) }).max(0.5, { error: must.factorFrom(0, 0.5) }).default(0.01),
    ...lockCommonShape,
  })
  .strict();
export type RedlockParams = z.infer<typeof redlockParams>;
