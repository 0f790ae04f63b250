import { z } from 'zod';
import { must, type ParamUnit } from '../../core/param-error';

// The parameters of the traffic source, apart from its behaviour (program.ts): the program
// catalog imports them eagerly to validate scenarios, while the program itself is fetched with the
// first client that runs it.

const nodeRef = z.string().min(1, { error: must.id() });
const num = (min: number, max: number, what: ParamUnit) =>
  z.number({ error: must.numberOf(what) }).min(min, { error: must.between(min, max, what) }).max(max, { error: must.between(min, max, what) });
const int = (min: number, max: number, what: ParamUnit) => num(min, max, what).int({ error: must.wholeNumberOf(what) });
const rate = num(0.001, 100_000, 'requestsPerSecond');

/** When requests arrive. */
export const trafficShape = z.discriminatedUnion(
  'type',
  [
    /** One every 1000 / ratePerSec ms. */
    z.object({ type: z.literal('constant'), ratePerSec: rate.default(5) }).strict(),
    /** A Poisson process: exponential gaps with mean 1000 / ratePerSec ms. */
    z.object({ type: z.literal('poisson'), ratePerSec: rate.default(5) }).strict(),
    /** On/off bursts: ratePerSec for onMs, then silence for offMs, repeated. */
    z.object({ type: z.literal('bursts'), ratePerSec: rate.default(20), onMs: num(1, 3_600_000, 'ms').default(500), offMs: num(0, 3_600_000, 'ms').default(1500) }).strict(),
    /**
     * A burst aimed at a fixed window's edge: `perSide` requests spread over the `spreadMs`
     * before each boundary and `perSide` over the `spreadMs` after it. Boundaries at
     * `firstBoundaryMs` and every `everyMs` after it (0: only once).
     */
    z
      .object({
        type: z.literal('boundary'),
        perSide: int(1, 10_000, 'requests').default(10),
        spreadMs: num(0.001, 3_600_000, 'ms').default(100),
        firstBoundaryMs: num(0, 3_600_000, 'ms').default(1000),
        everyMs: num(0, 3_600_000, 'ms').default(0),
      })
      .strict(),
    /** A ramp: the rate grows (or falls) linearly from fromPerSec to toPerSec over overMs, then stays. */
    z.object({ type: z.literal('ramp'), fromPerSec: rate.default(1), toPerSec: rate.default(20), overMs: num(1, 3_600_000, 'ms').default(5000) }).strict(),
    /** An explicit list: each arrival's time (ms after the start) and permits. */
    z
      .object({
        type: z.literal('scripted'),
        arrivals: z
          .array(z.object({ at: num(0, 3_600_000, 'ms'), permits: int(1, 1_000_000, 'permits').default(1) }).strict())
          .max(10_000, { error: must.atMost(10000, 'arrivals') })
          .default([]),
      })
      .strict(),
  ],
  { error: must.kindOf('traffic', ['constant', 'poisson', 'bursts', 'boundary', 'ramp', 'scripted']) },
);
export type TrafficShape = z.output<typeof trafficShape>;

export const trafficParams = z
  .object({
    kind: z.literal('traffic'),
    /** Where every request goes: each target gets the very same arrivals (default: every linked limiter). */
    targets: z.array(nodeRef).max(32, { error: must.atMost(32, 'targets') }).optional(),
    shape: trafficShape.default({ type: 'constant', ratePerSec: 5 }),
    /** The key its requests count against (a user, an API key); default: the client's id. */
    key: z.string().min(1).max(40).optional(),
    /** Permits per request (a scripted arrival names its own). */
    permits: int(1, 1_000_000, 'permits').default(1),
    /** When it starts and stops sending (ms of its clock). */
    startMs: num(0, 3_600_000, 'ms').default(0),
    stopMs: num(0, 36_000_000, 'ms').optional(),
    /** Its own random generator's seed (Poisson gaps); without it, the run's seeded generator. */
    seed: int(0, 2 ** 31 - 1, 'seed').optional(),
  })
  .strict();
export type TrafficParams = z.output<typeof trafficParams>;
