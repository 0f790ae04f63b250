import type { ScenarioInput } from '../schema';
import type { TryThis } from '../change';
import type { BuiltinScenario } from './types';

/** "Try this" notes as text only: each says what to change in the inspector. */
const tips = (...text: string[]): TryThis[] => text.map((t) => ({ text: t }));

// The rate-limiting scenarios: the four classic algorithms, Guava, Spring Cloud Gateway,
// Sentinel, and all of them side by side on the very same traffic.

type Node = ScenarioInput['nodes'][number];
type Edge = NonNullable<ScenarioInput['edges']>[number];

const LINK = { latency: { kind: 'fixed' as const, ms: 5 } };

const client = (id: string, label: string, y: number, shape: Record<string, unknown>, extra: Record<string, unknown> = {}): Node => ({
  id,
  type: 'client',
  label,
  position: { x: 0, y },
  params: { program: { kind: 'traffic', shape, ...extra } },
});

const limiter = (id: string, label: string, y: number, algorithm: Record<string, unknown>, extra: Record<string, unknown> = {}, x = 460): Node => ({
  id,
  type: 'limiter',
  label,
  position: { x, y },
  params: { algorithm, ...extra },
});

/** Links every client to every limiter. */
const mesh = (clients: string[], limiters: string[]): Edge[] => clients.flatMap((c) => limiters.map((l) => ({ id: `${c}-${l}`, source: c, target: l, params: LINK })));

const scenario = (id: string, title: string, nodes: Node[], edges: Edge[], untilMs: number, monitors: string[] = [], speed = 0.5): ScenarioInput => ({
  version: 1,
  id,
  title,
  seed: 14,
  nodes,
  edges,
  monitors,
  playback: { startMs: 0, speed, untilMs },
});

/** 10 just before each second's boundary and 10 just after, every 2 s. */
const BOUNDARY = { type: 'boundary', perSide: 10, spreadMs: 100, firstBoundaryMs: 1000, everyMs: 2000 };

export const rateLimitFixedWindow: BuiltinScenario = {
  id: 'rate-limit-fixed-window',
  topic: 'rate-limiting',
  title: 'Fixed window: twice the limit across a boundary',
  description: 'A fixed window allows 10 requests per second. A client sends 10 in the last 100 ms of a second and 10 in the first 100 ms of the next: all 20 pass.',
  watchFor: 'The window counter fills to 10/10 and resets at the boundary; the rate-bound invariant flags 20 requests within 200 ms.',
  tryThis: tips('Change the limiter to a sliding log: the second half of the burst is refused.', 'Spread the burst wider (spreadMs 600): the fixed window still lets 2 × 10 through within 1.2 s.'),
  scenario: scenario(
    'rate-limit-fixed-window',
    'Fixed window: twice the limit across a boundary',
    [client('burst', 'burst client', 80, BOUNDARY, { stopMs: 4000 }), limiter('fixed', 'fixed window', 60, { kind: 'fixed-window', limit: 10, windowMs: 1000 }, { perKey: false })],
    mesh(['burst'], ['fixed']),
    4500,
    ['rate-bound'],
  ),
};

export const rateLimitSlidingWindow: BuiltinScenario = {
  id: 'rate-limit-sliding-window',
  topic: 'rate-limiting',
  title: 'Sliding window: the log and the slot counter',
  description: 'The same boundary burst hits a sliding window log (exact) and a sliding window counter with 6 slots (an estimate), both 10 per second. Each limiter counts in memory: one restarted mid-window forgets what it let through, and the next burst gets a full allowance (the hunt breaks the bound by crashing it).',
  watchFor: 'The log keeps one tick per admitted request and refuses the second half of the burst; the counter weighs the slot that just left the window.',
  tryThis: tips('Set the counter to 1 slot, weighted: the classic prev × (1 − progress) + current estimate.', 'Turn weighting off with 2 slots: a burst can get limit × 1.5 through.'),
  scenario: scenario(
    'rate-limit-sliding-window',
    'Sliding window: the log and the slot counter',
    [
      client('burst', 'burst client', 120, BOUNDARY, { stopMs: 4000 }),
      limiter('log', 'sliding log', 0, { kind: 'sliding-log', limit: 10, windowMs: 1000 }, { perKey: false }),
      limiter('slots', 'sliding window (6 slots)', 240, { kind: 'sliding-window', limit: 10, windowMs: 1000, slots: 6, weighted: true }, { perKey: false }),
    ],
    mesh(['burst'], ['log', 'slots']),
    4500,
    ['rate-bound'],
  ),
};

export const rateLimitLeakyBucket: BuiltinScenario = {
  id: 'rate-limit-leaky-bucket',
  topic: 'rate-limiting',
  title: 'Leaky bucket: a meter and a queue',
  description: 'Bursts of 20/s for half a second hit a leaky bucket used as a meter (refuse what overflows) and one used as a queue (pace at 5/s, wait up to 1 s).',
  watchFor: 'The meter’s water level rises with each burst and leaks at 5/s; the queue holds requests and lets them go 200 ms apart.',
  tryThis: tips('Raise the queue’s maxQueueMs to 3000: nothing is refused, but requests wait up to 3 s.', 'Make the bursts longer (onMs 1500).'),
  scenario: scenario(
    'rate-limit-leaky-bucket',
    'Leaky bucket: a meter and a queue',
    [
      client('bursty', 'bursty client', 120, { type: 'bursts', ratePerSec: 20, onMs: 500, offMs: 1500 }, { stopMs: 5000 }),
      limiter('meter', 'leaky bucket (meter)', 0, { kind: 'leaky-meter', capacity: 5, ratePerSec: 5 }, { perKey: false }),
      limiter('queue', 'leaky bucket (queue)', 240, { kind: 'leaky-queue', ratePerSec: 5, maxQueueMs: 1000 }, { perKey: false }),
    ],
    mesh(['bursty'], ['meter', 'queue']),
    6000,
  ),
};

export const rateLimitTokenBucket: BuiltinScenario = {
  id: 'rate-limit-token-bucket',
  topic: 'rate-limiting',
  title: 'Token bucket: bursts up to the capacity',
  description: 'A token bucket holds 10 tokens and refills 5 per second. Two users send bursts; each has a bucket of their own.',
  watchFor: 'Each user’s bucket empties during a burst, refuses when it is dry, and fills again between bursts.',
  tryThis: tips('Set perKey off: both users share one bucket and refuse each other.', 'Lower the capacity to 2: bursts are cut short, the average rate stays 5/s.'),
  scenario: scenario(
    'rate-limit-token-bucket',
    'Token bucket: bursts up to the capacity',
    [
      client('alice', 'alice', 0, { type: 'bursts', ratePerSec: 25, onMs: 800, offMs: 1200 }, { stopMs: 6000 }),
      client('bob', 'bob', 240, { type: 'poisson', ratePerSec: 6 }, { stopMs: 6000, seed: 3 }),
      limiter('bucket', 'token bucket', 120, { kind: 'token-bucket', capacity: 10, ratePerSec: 5 }),
    ],
    mesh(['alice', 'bob'], ['bucket']),
    6500,
  ),
};

export const rateLimitGuava: BuiltinScenario = {
  id: 'rate-limit-guava',
  topic: 'rate-limiting',
  title: 'Guava RateLimiter: bursty and warming up',
  description: 'RateLimiter.create(5) (SmoothBursty), create(5, 2 s) (SmoothWarmingUp, starts cold) with acquire(), and create(5) with tryAcquire(0), on the same bursts.',
  watchFor: 'acquire() never refuses: the caller waits, and the next one pays for a big request. Warming up, the first permits cost up to 3× the stable interval.',
  tryThis: tips('Give tryAcquire a 300 ms timeout: requests whose turn is within it wait instead of failing.', 'Raise maxBurstSeconds to 3: more permits are stored while idle, and a burst passes at once.'),
  scenario: scenario(
    'rate-limit-guava',
    'Guava RateLimiter: bursty and warming up',
    [
      client('bursty', 'bursty client', 180, { type: 'bursts', ratePerSec: 15, onMs: 600, offMs: 2400 }, { stopMs: 7000 }),
      limiter('bursty-acquire', 'create(5) acquire()', 0, { kind: 'guava-bursty', permitsPerSecond: 5, mode: 'acquire' }, { perKey: false }),
      limiter('warm-acquire', 'create(5, 2 s) acquire()', 180, { kind: 'guava-warmup', permitsPerSecond: 5, warmupMs: 2000, mode: 'acquire' }, { perKey: false }),
      limiter('bursty-try', 'create(5) tryAcquire()', 360, { kind: 'guava-bursty', permitsPerSecond: 5, mode: 'tryAcquire', timeoutMs: 0 }, { perKey: false }),
    ],
    mesh(['bursty'], ['bursty-acquire', 'warm-acquire', 'bursty-try']),
    9000,
  ),
};

/** Redis goes down for two seconds in the gateway scenario: the gateways fail open meanwhile. */
const GATEWAY_OUTAGE = [
  { at: 4000, kind: 'crash' as const, node: 'redis' },
  { at: 6000, kind: 'restart' as const, node: 'redis' },
];

export const rateLimitGateway: BuiltinScenario = {
  id: 'rate-limit-gateway',
  topic: 'rate-limiting',
  title: 'Spring Cloud Gateway: two gateways, one bucket in Redis',
  description: 'Two gateway instances run RedisRateLimiter (replenishRate 5, burstCapacity 10) on one Redis; the same user calls both. Redis crashes at 4 s and comes back at 6 s.',
  watchFor: 'Both gateways drain the one bucket in Redis (X-RateLimit-Remaining counts down on both); while Redis is down every request passes with Remaining -1: fail open.',
  tryThis: [
    {
      text: 'Skew gateway 1’s clock back 3 s at 1 s: the bucket decides as before. Since Spring Cloud Gateway 3.0.6 the script reads Redis’s own clock (TIME); the gateways’ clocks never enter it.',
      change: { interventions: [...GATEWAY_OUTAGE, { at: 1000, kind: 'skew', node: 'gw1', deltaMs: -3000 }] },
    },
    {
      text: 'Jump Redis’s clock 5 s ahead at 2 s: the script counts 5 s of refill at once, and a burst of up to burstCapacity gets through.',
      change: { interventions: [...GATEWAY_OUTAGE, { at: 2000, kind: 'skew', node: 'redis', deltaMs: 5000 }] },
    },
    ...tips('Set perKey off on one gateway: its requests count against a bucket of its own key.'),
  ],
  scenario: {
    ...scenario(
      'rate-limit-gateway',
      'Spring Cloud Gateway: two gateways, one bucket in Redis',
      [
        client('u1', 'alice (app 1)', 0, { type: 'constant', ratePerSec: 5 }, { key: 'alice', stopMs: 8000 }),
        client('u2', 'alice (app 2)', 240, { type: 'poisson', ratePerSec: 4 }, { key: 'alice', stopMs: 8000, seed: 5 }),
        limiter('gw1', 'gateway 1', 0, { kind: 'scg-redis', replenishRate: 5, burstCapacity: 10, redisTimeoutMs: 500 }, {}, 420),
        limiter('gw2', 'gateway 2', 240, { kind: 'scg-redis', replenishRate: 5, burstCapacity: 10, redisTimeoutMs: 500 }, {}, 420),
        { id: 'redis', type: 'redis', label: 'redis', position: { x: 840, y: 120 }, params: {} },
      ],
      [...mesh(['u1'], ['gw1']), ...mesh(['u2'], ['gw2']), { id: 'gw1-redis', source: 'gw1', target: 'redis', params: LINK }, { id: 'gw2-redis', source: 'gw2', target: 'redis', params: LINK }],
      9000,
    ),
    interventions: [...GATEWAY_OUTAGE],
  },
};

export const rateLimitSentinel: BuiltinScenario = {
  id: 'rate-limit-sentinel',
  topic: 'rate-limiting',
  title: 'Sentinel flow control: reject, throttle, warm up',
  description: 'Three Sentinel flow rules of 10 QPS on the same ramp from 2 to 30 requests per second: default (reject), rate limiter (queue up to 500 ms) and warm up (coldFactor 3, 5 s).',
  watchFor: 'Reject counts passes in two 500 ms buckets; throttling spaces requests 100 ms apart and refuses what would wait over 500 ms; warm-up starts at about 10 / 3 QPS.',
  tryThis: tips('Set sampleCount to 10: the window slides in 100 ms steps and the boundary burst shrinks.', 'Lengthen warmUpPeriodSec to 20.'),
  scenario: scenario(
    'rate-limit-sentinel',
    'Sentinel flow control: reject, throttle, warm up',
    [
      client('ramp', 'ramp 2 → 30/s', 180, { type: 'ramp', fromPerSec: 2, toPerSec: 30, overMs: 6000 }, { stopMs: 9000 }),
      limiter('reject', 'Sentinel default', 0, { kind: 'sentinel-reject', count: 10 }, { perKey: false }),
      limiter('throttle', 'Sentinel rate limiter', 180, { kind: 'sentinel-throttle', count: 10, maxQueueingTimeMs: 500 }, { perKey: false }),
      limiter('warmup', 'Sentinel warm up', 360, { kind: 'sentinel-warmup', count: 10, warmUpPeriodSec: 5 }, { perKey: false }),
    ],
    mesh(['ramp'], ['reject', 'throttle', 'warmup']),
    10_000,
    ['rate-bound'],
  ),
};

export const rateLimitShowdown: BuiltinScenario = {
  id: 'rate-limit-showdown',
  topic: 'rate-limiting',
  title: 'Rate limiter showdown: one traffic, six algorithms',
  description: 'Steady Poisson traffic at 6/s plus a burst at every other second’s boundary, fed identically to six limiters of about 10 per second.',
  watchFor: 'The chart under the canvas: the fixed window lets the boundary bursts through (a rate-bound violation), the sliding log refuses them, the buckets smooth them.',
  tryThis: tips('Change the burst client’s perSide from 8 to 15: every chart bar at a boundary grows and more is refused.', 'Make the steady client faster (ratePerSec 12).'),
  scenario: scenario(
    'rate-limit-showdown',
    'Rate limiter showdown: one traffic, six algorithms',
    [
      client('steady', 'steady 6/s', 60, { type: 'poisson', ratePerSec: 6 }, { stopMs: 7000, seed: 11 }),
      client('burst', 'boundary burst', 300, { type: 'boundary', perSide: 8, spreadMs: 150, firstBoundaryMs: 2000, everyMs: 2000 }, { stopMs: 7000 }),
      // Two columns of three, so the six cards stay readable side by side.
      limiter('fixed', 'fixed window', 0, { kind: 'fixed-window', limit: 10, windowMs: 1000 }, { perKey: false }, 420),
      limiter('log', 'sliding log', 0, { kind: 'sliding-log', limit: 10, windowMs: 1000 }, { perKey: false }, 720),
      limiter('slots', 'sliding window', 180, { kind: 'sliding-window', limit: 10, windowMs: 1000, slots: 6 }, { perKey: false }, 420),
      limiter('leaky', 'leaky bucket (queue)', 180, { kind: 'leaky-queue', ratePerSec: 10, maxQueueMs: 500 }, { perKey: false }, 720),
      limiter('tokens', 'token bucket', 360, { kind: 'token-bucket', capacity: 10, ratePerSec: 10 }, { perKey: false }, 420),
      limiter('guava', 'Guava tryAcquire', 360, { kind: 'guava-bursty', permitsPerSecond: 10, mode: 'tryAcquire', timeoutMs: 0 }, { perKey: false }, 720),
    ],
    mesh(['steady', 'burst'], ['fixed', 'log', 'slots', 'leaky', 'tokens', 'guava']),
    7500,
    ['rate-bound'],
  ),
};

/** Every rate-limiting built-in, in the gallery's order. */
export const RATE_LIMIT_SCENARIOS: readonly BuiltinScenario[] = [
  rateLimitFixedWindow,
  rateLimitSlidingWindow,
  rateLimitLeakyBucket,
  rateLimitTokenBucket,
  rateLimitGuava,
  rateLimitGateway,
  rateLimitSentinel,
  rateLimitShowdown,
];
