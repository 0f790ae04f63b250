import { z } from 'zod';
import { must, paramError, type ParamUnit } from '../../core/param-error';
import { p } from '../../core/phrase';

// The parameters of a rate limiter, apart from its behaviour (model.ts): the catalog imports them
// eagerly to validate scenarios and build the inspector's form, while the model is fetched the
// first time a scenario has such a node.

const num = (min: number, max: number, what: ParamUnit) =>
  z.number({ error: must.numberOf(what) }).min(min, { error: must.between(min, max, what) }).max(max, { error: must.between(min, max, what) });
const int = (min: number, max: number, what: ParamUnit) => num(min, max, what).int({ error: must.wholeNumberOf(what) });

const limit = int(1, 1_000_000, 'requests').default(10);
const windowMs = num(1, 3_600_000, 'ms').default(1000);
const rate = num(0.01, 1_000_000, 'permitsPerSecond').default(5);
const guavaMode = z.enum(['acquire', 'tryAcquire'], { error: must.oneOf(['acquire', 'tryAcquire']) }).default('acquire');

/** The algorithm and its own parameters: the four classic ones, then the real libraries'. */
export const limiterAlgorithm = z.discriminatedUnion(
  'kind',
  [
    /** Counter per clock-aligned window; refuses past `limit` in the window. */
    z.object({ kind: z.literal('fixed-window'), limit, windowMs }).strict(),
    /** Log of admitted requests; refuses when the last `windowMs` already hold `limit`. */
    z.object({ kind: z.literal('sliding-log'), limit, windowMs }).strict(),
    /** Window split into `slots` counters (1 min -> 6); `weighted` adds the slot just out, by overlap. */
    z.object({ kind: z.literal('sliding-window'), limit, windowMs, slots: int(1, 600, 'slots').default(6), weighted: z.boolean().default(true) }).strict(),
    /** Leaky bucket as a meter: refuses what would overflow `capacity`; leaks at `ratePerSec`. */
    z.object({ kind: z.literal('leaky-meter'), capacity: num(1, 1_000_000, 'permits').default(10), ratePerSec: rate }).strict(),
    /** Leaky bucket as a queue: paces requests at `ratePerSec`; refuses one that would wait over `maxQueueMs`. */
    z.object({ kind: z.literal('leaky-queue'), ratePerSec: rate, maxQueueMs: num(0, 3_600_000, 'ms').default(1000) }).strict(),
    /** Token bucket: `capacity` tokens, refilled at `ratePerSec`; starts full. */
    z.object({ kind: z.literal('token-bucket'), capacity: num(1, 1_000_000, 'tokens').default(10), ratePerSec: rate }).strict(),
    /** Guava RateLimiter.create(permitsPerSecond): SmoothBursty, stores up to maxBurstSeconds of unused rate. */
    z
      .object({ kind: z.literal('guava-bursty'), permitsPerSecond: rate, maxBurstSeconds: num(0.001, 3600, 's').default(1), mode: guavaMode, timeoutMs: num(0, 3_600_000, 'ms').default(0) })
      .strict(),
    /** Guava RateLimiter.create(permitsPerSecond, warmupPeriod): SmoothWarmingUp, starts cold. */
    z
      .object({
        kind: z.literal('guava-warmup'),
        permitsPerSecond: rate,
        warmupMs: int(1, 3_600_000, 'ms').default(3000),
        coldFactor: num(1.01, 100, 'x').default(3),
        mode: guavaMode,
        timeoutMs: num(0, 3_600_000, 'ms').default(0),
      })
      .strict(),
    /** Sentinel flow rule, QPS grade, default behaviour (reject): LeapArray of sampleCount buckets over intervalMs. */
    z.object({ kind: z.literal('sentinel-reject'), count: num(0, 1_000_000, 'QPS').default(10), sampleCount: int(1, 1000, 'buckets').default(2), intervalMs: int(1, 600_000, 'ms').default(1000) }).strict(),
    /** Sentinel flow rule, rate limiter behaviour (throttling): uniform pacing, queue up to maxQueueingTimeMs. */
    z.object({ kind: z.literal('sentinel-throttle'), count: num(0, 1_000_000, 'QPS').default(10), maxQueueingTimeMs: int(0, 600_000, 'ms').default(500) }).strict(),
    /** Sentinel flow rule, warm-up behaviour: starts at count / coldFactor and warms up over warmUpPeriodSec. */
    z
      .object({
        kind: z.literal('sentinel-warmup'),
        count: num(1, 1_000_000, 'QPS').default(10),
        warmUpPeriodSec: int(1, 3600, 's').default(10),
        coldFactor: int(2, 100, 'x').default(3),
        sampleCount: int(1, 1000, 'buckets').default(2),
        intervalMs: int(1, 600_000, 'ms').default(1000),
      })
      .strict(),
    /**
     * Spring Cloud Gateway's RedisRateLimiter: its token-bucket script on Redis (`redis`, default
     * the linked one), so every gateway sharing that Redis shares one bucket per route and key.
     */
    z
      .object({
        kind: z.literal('scg-redis'),
        replenishRate: int(1, 1_000_000, 'tokensPerSecond').default(10),
        burstCapacity: int(1, 1_000_000, 'tokens').default(20),
        requestedTokens: int(1, 1_000_000, 'tokens').default(1),
        routeId: z.string().min(1).max(60).default('route'),
        redis: z.string().min(1, { error: must.id() }).optional(),
        /** How long it waits for Redis before letting the request through anyway (the Redis client's command timeout). */
        redisTimeoutMs: num(1, 600_000, 'ms').default(1000),
      })
      .strict(),
  ],
  { error: must.limiterKind() },
);
export type LimiterAlgorithm = z.output<typeof limiterAlgorithm>;
/** The algorithms the limiter runs itself (all but Spring Cloud Gateway's, which runs on Redis). */
export type LocalAlgorithm = Exclude<LimiterAlgorithm, { kind: 'scg-redis' }>;

export const limiterParams = z
  .object({
    algorithm: limiterAlgorithm.default({ kind: 'token-bucket', capacity: 10, ratePerSec: 5 }),
    /** One limiter per request key (per user), or one shared by every caller. */
    perKey: z.boolean().default(true),
  })
  .strict()
  .refine((p) => p.algorithm.kind !== 'scg-redis' || p.algorithm.burstCapacity >= p.algorithm.replenishRate, {
    // RedisRateLimiter's own check, in its words.
    error: paramError('BurstCapacity must be greater than or equal than replenishRate', p('model.limiter.paramBurstCapacity')),
    path: ['algorithm', 'burstCapacity'],
  })
  .refine((p) => p.algorithm.kind !== 'sentinel-reject' && p.algorithm.kind !== 'sentinel-warmup' ? true : p.algorithm.intervalMs % p.algorithm.sampleCount === 0, {
    error: paramError('Sentinel needs intervalMs divisible by sampleCount (LeapArray: "time span needs to be evenly divided")', p('model.limiter.paramSentinelInterval')),
    path: ['algorithm', 'intervalMs'],
  });
export type LimiterParams = z.input<typeof limiterParams>;

/** The steady rate an algorithm allows, in permits per second (the chart's limit line). */
export function ratePerSecOf(a: LimiterAlgorithm): number {
  switch (a.kind) {
    case 'fixed-window':
    case 'sliding-log':
    case 'sliding-window':
      return (a.limit * 1000) / a.windowMs;
    case 'leaky-meter':
    case 'leaky-queue':
    case 'token-bucket':
      return a.ratePerSec;
    case 'guava-bursty':
    case 'guava-warmup':
      return a.permitsPerSecond;
    case 'sentinel-reject':
    case 'sentinel-throttle':
    case 'sentinel-warmup':
      return a.count;
    case 'scg-redis':
      return a.replenishRate / a.requestedTokens;
  }
}
