import { z } from 'zod';
import { lockCommonShape } from '../lock-params';
import { must, paramError } from '../../core/param-error';
import { p } from '../../core/phrase';

// The parameters of the Redis lock program, apart from its behaviour (program.ts): the program
// catalog imports them eagerly to validate scenarios, while the program itself is fetched with the
// first client that runs it.

const nodeRef = z.string().min(1, { error: must.id() });
const ms = (min: number, max: number) => z.number({ error: must.numberOf('ms') }).min(min, { error: must.numberFrom(min, max) }).max(max, { error: must.numberFrom(min, max) });

export const redisLockParams = z
  .object({
    kind: z.literal('redis-lock'),
    /** The Redis node holding the lock (leave out when the client asks `sentinels` instead). */
    target: nodeRef.optional(),
    /** A second Redis node (a replica) to turn to when the target stops answering. */
    fallback: nodeRef.optional(),
    /**
     * Sentinels to ask for the primary (SENTINEL get-master-addr-by-name), in this order, instead
     * of a fixed target: asked before the first command and again after a timeout, a connection
     * error or READONLY from the primary it was given.
     */
    sentinels: z.array(nodeRef).min(1, { error: must.atLeastOne('sentinel') }).max(20).optional(),
    /** The name the sentinels monitor the primary under. */
    masterName: z.string().min(1).max(100).default('mymaster'),
    /** The lock's key. */
    lockKey: z.string().min(1).max(100).default('lock'),
    /** The lease: SET … PX ttlMs. */
    ttlMs: ms(1, 3_600_000).default(3000),
    /** How long a waiter sleeps between SET NX attempts (polling). */
    retryMs: ms(1, 600_000).default(200),
    /** A background renewal (compare-and-PEXPIRE every ttlMs/3) while the lock is held. */
    watchdog: z.boolean().default(false),
    /** Take a fencing token (INCR <lockKey>:fence) after acquiring and send it with every access. */
    fencing: z.boolean().default(false),
    /** Unlock with a plain DEL instead of the compare-and-delete script (the classic bug). */
    unsafeDel: z.boolean().default(false),
    /** A request with no reply after this long has failed (ms). */
    timeoutMs: ms(1, 600_000).default(1000),
    ...lockCommonShape,
  })
  .strict()
  .refine((p) => p.target !== undefined || p.sentinels !== undefined, { error: paramError('expected a target or sentinels', p('pattern.redis-lock.paramTargetOrSentinels')), path: ['target'] });
export type RedisLockParams = z.infer<typeof redisLockParams>;
