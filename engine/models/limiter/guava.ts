/**
 * Guava's RateLimiter (com.google.common.util.concurrent, SmoothRateLimiter.java), transcribed
 * field for field so that every wait equals the real library's to the microsecond: times are
 * whole microseconds (Java longs, held exactly in doubles below 2^53), permits are doubles, and
 * each `(long)` cast of the original truncates here too. conformance/guava runs the real
 * library on the same arrivals and compares every wait.
 */

/** Which of Guava's two limiters: `create(rate)` (bursty) or `create(rate, warmup, unit)`. */
export type GuavaFlavour = 'bursty' | 'warmup';

export interface GuavaConfig {
  flavour: GuavaFlavour;
  permitsPerSecond: number;
  /** SmoothBursty: seconds of unused rate it may store (RateLimiter.create uses 1.0). */
  maxBurstSeconds: number;
  /** SmoothWarmingUp: the warm-up period in ms, and the cold factor (3.0 in RateLimiter.create). */
  warmupMs: number;
  coldFactor: number;
}

/** The limiter's fields, as in SmoothRateLimiter and its two subclasses. */
export interface GuavaState {
  c: GuavaConfig;
  storedPermits: number;
  maxPermits: number;
  stableIntervalMicros: number;
  /** The time when the next request, whatever its size, will be granted (µs since creation). */
  nextFreeTicketMicros: number;
  /** SmoothWarmingUp only. */
  thresholdPermits: number;
  slope: number;
}

const LONG_MAX = 9223372036854775807;

/** Java's `(long) d`: truncation toward zero, NaN to 0, saturating at the long range. */
function toLong(d: number): number {
  if (Number.isNaN(d)) return 0;
  if (d >= LONG_MAX) return LONG_MAX;
  if (d <= -LONG_MAX) return -LONG_MAX;
  return Math.trunc(d);
}

/** LongMath.saturatedAdd. */
const saturatedAdd = (a: number, b: number): number => Math.min(LONG_MAX, a + b);

const warmupMicros = (c: GuavaConfig): number => Math.round(c.warmupMs * 1000);

function coolDownIntervalMicros(s: GuavaState): number {
  return s.c.flavour === 'bursty' ? s.stableIntervalMicros : warmupMicros(s.c) / s.maxPermits;
}

/** SmoothRateLimiter.resync: stores the permits an idle spell earned and moves the next free ticket to now. */
function resync(s: GuavaState, nowMicros: number): GuavaState {
  if (nowMicros <= s.nextFreeTicketMicros) return s;
  const newPermits = (nowMicros - s.nextFreeTicketMicros) / coolDownIntervalMicros(s);
  return { ...s, storedPermits: Math.min(s.maxPermits, s.storedPermits + newPermits), nextFreeTicketMicros: nowMicros };
}

/** The subclasses' doSetRate(permitsPerSecond, stableIntervalMicros). */
function setRateFields(s: GuavaState, permitsPerSecond: number, stableIntervalMicros: number): GuavaState {
  const oldMaxPermits = s.maxPermits;
  if (s.c.flavour === 'bursty') {
    const maxPermits = s.c.maxBurstSeconds * permitsPerSecond;
    const storedPermits = oldMaxPermits === Infinity ? maxPermits : oldMaxPermits === 0 ? 0 : (s.storedPermits * maxPermits) / oldMaxPermits;
    return { ...s, stableIntervalMicros, maxPermits, storedPermits };
  }
  const w = warmupMicros(s.c);
  const coldIntervalMicros = stableIntervalMicros * s.c.coldFactor;
  const thresholdPermits = (0.5 * w) / stableIntervalMicros;
  const maxPermits = thresholdPermits + (2.0 * w) / (stableIntervalMicros + coldIntervalMicros);
  const slope = (coldIntervalMicros - stableIntervalMicros) / (maxPermits - thresholdPermits);
  // The initial state is cold: a warming-up limiter starts with every permit stored.
  const storedPermits = oldMaxPermits === Infinity ? 0 : oldMaxPermits === 0 ? maxPermits : (s.storedPermits * maxPermits) / oldMaxPermits;
  return { ...s, stableIntervalMicros, maxPermits, storedPermits, thresholdPermits, slope };
}

/** RateLimiter.create(...) on a stopwatch that reads `nowMicros` (0 for one started with the limiter). */
export function guavaCreate(c: GuavaConfig, nowMicros = 0): GuavaState {
  const s0: GuavaState = { c, storedPermits: 0, maxPermits: 0, stableIntervalMicros: 0, nextFreeTicketMicros: 0, thresholdPermits: 0, slope: 0 };
  // setRate -> doSetRate(rate, now): resync first (on a new limiter, maxPermits is still 0, so
  // it only moves the next free ticket to now), then the subclass's fields.
  const s1 = nowMicros > 0 ? { ...s0, nextFreeTicketMicros: nowMicros } : s0;
  return setRateFields(s1, c.permitsPerSecond, 1_000_000 / c.permitsPerSecond);
}

/** SmoothWarmingUp.storedPermitsToWaitTime: the area under the throttling curve for the stored permits taken. */
function storedPermitsToWaitTime(s: GuavaState, storedPermits: number, permitsToTake0: number): number {
  if (s.c.flavour === 'bursty') return 0;
  let permitsToTake = permitsToTake0;
  const permitsToTime = (permits: number) => s.stableIntervalMicros + permits * s.slope;
  const availablePermitsAboveThreshold = storedPermits - s.thresholdPermits;
  let micros = 0;
  if (availablePermitsAboveThreshold > 0.0) {
    const permitsAboveThresholdToTake = Math.min(availablePermitsAboveThreshold, permitsToTake);
    const length = permitsToTime(availablePermitsAboveThreshold) + permitsToTime(availablePermitsAboveThreshold - permitsAboveThresholdToTake);
    micros = toLong((permitsAboveThresholdToTake * length) / 2.0);
    permitsToTake -= permitsAboveThresholdToTake;
  }
  micros += toLong(s.stableIntervalMicros * permitsToTake);
  return micros;
}

/** SmoothRateLimiter.reserveEarliestAvailable: the moment this request may go, and the next state. */
function reserveEarliestAvailable(s0: GuavaState, requiredPermits: number, nowMicros: number): { s: GuavaState; moment: number } {
  const s = resync(s0, nowMicros);
  const returnValue = s.nextFreeTicketMicros;
  const storedPermitsToSpend = Math.min(requiredPermits, s.storedPermits);
  const freshPermits = requiredPermits - storedPermitsToSpend;
  const waitMicros = storedPermitsToWaitTime(s, s.storedPermits, storedPermitsToSpend) + toLong(freshPermits * s.stableIntervalMicros);
  return {
    s: { ...s, nextFreeTicketMicros: saturatedAdd(s.nextFreeTicketMicros, waitMicros), storedPermits: s.storedPermits - storedPermitsToSpend },
    moment: returnValue,
  };
}

/** One call's outcome: whether it got its permits and how long the caller sleeps (µs). */
export interface GuavaResult {
  state: GuavaState;
  acquired: boolean;
  waitMicros: number;
}

/** RateLimiter.acquire(permits): always granted; the caller sleeps the returned wait. */
export function guavaAcquire(s: GuavaState, permits: number, nowMicros: number): GuavaResult {
  const r = reserveEarliestAvailable(s, permits, nowMicros);
  return { state: r.s, acquired: true, waitMicros: Math.max(r.moment - nowMicros, 0) };
}

/**
 * RateLimiter.tryAcquire(permits, timeout): refused at once (nothing reserved) unless the next
 * free ticket is within `timeoutMicros`; otherwise reserved, and the caller sleeps the wait.
 */
export function guavaTryAcquire(s: GuavaState, permits: number, timeoutMicros: number, nowMicros: number): GuavaResult {
  if (s.nextFreeTicketMicros - Math.max(timeoutMicros, 0) > nowMicros) return { state: s, acquired: false, waitMicros: 0 };
  return guavaAcquire(s, permits, nowMicros);
}

/** Stored permits at `nowMicros` without changing anything (what the card shows). */
export function guavaStoredAt(s: GuavaState, nowMicros: number): number {
  return resync(s, nowMicros).storedPermits;
}
