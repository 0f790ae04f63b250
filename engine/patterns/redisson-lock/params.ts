import { z } from 'zod';
import { lockCommonShape } from '../lock-params';
import { must } from '../../core/param-error';

// The parameters of the Redisson lock program, apart from its behaviour (program.ts): the program
// catalog imports them eagerly to validate scenarios, while the program itself is fetched with the
// first client that runs it.

const ms = (min: number, max: number) => z.number({ error: must.numberOf('ms') }).min(min, { error: must.numberFrom(min, max) }).max(max, { error: must.numberFrom(min, max) });

export const redissonLockParams = z
  .object({
    kind: z.literal('redisson-lock'),
    /** The Redis node holding the lock. */
    target: z.string().min(1, { error: must.id() }),
    /** The lock's name (a hash key). */
    lockKey: z.string().min(1).max(100).default('lock'),
    /**
     * `lock(leaseTime)`: a fixed lease and no watchdog. Left out, the lease is
     * `watchdogTimeoutMs` and the watchdog renews it every third of that while the client lives.
     */
    leaseMs: ms(1, 3_600_000).optional(),
    /** Redisson's lockWatchdogTimeout (30 000 ms by default). */
    watchdogTimeoutMs: ms(3, 3_600_000).default(30_000),
    /** How many times the holder takes the lock again inside its section (re-entrancy). */
    reentry: z.number().int({ error: must.wholeNumber() }).min(1, { error: must.between(1, 5) }).max(5, { error: must.between(1, 5) }).default(1),
    /** A command with no reply after this long has failed (Redisson's responseTimeout is 3000 ms). */
    timeoutMs: ms(1, 600_000).default(3000),
    ...lockCommonShape,
    /**
     * Off, as in Redisson: when a renewal finds the lock gone, the watchdog cancels itself and
     * tells the application nothing, so a holder that was paused past its lease goes on writing.
     * On: the check an application would have to write itself (`isHeldByCurrentThread()`
     * before each write, which asks Redis) stops it before its next write.
     */
    abortOnLost: z.boolean().default(false),
  })
  .strict();
export type RedissonLockParams = z.infer<typeof redissonLockParams>;
