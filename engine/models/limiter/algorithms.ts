/**
 * The four classic rate-limiting algorithms as pure functions: each takes its state, the time
 * (ms of the limiter's clock) and the permits asked for, and returns the next state and the
 * decision. No clock, no randomness: the node model (model.ts) feeds them the time, and the
 * unit tests feed them hand-picked times.
 */

/** What a limiter answers: admitted or not, and how long the caller waits first (ms, 0 when none). */
export interface Decision {
  allowed: boolean;
  waitMs: number;
}

/** A state and the decision that produced it. */
export interface Step<S> {
  state: S;
  decision: Decision;
}

const NOW: Decision = { allowed: true, waitMs: 0 };
const NO: Decision = { allowed: false, waitMs: 0 };

// ---- Fixed window counter ----------------------------------------------------------------

/** Windows aligned to the clock (`[k × windowMs, (k + 1) × windowMs)`), one counter. */
export interface FixedWindowState {
  start: number;
  count: number;
}

export const fixedWindowInit = (): FixedWindowState => ({ start: 0, count: 0 });

/**
 * Counts the permits of the current window and refuses past `limit`. A burst at the end of one
 * window and another at the start of the next both pass: up to 2 × limit within one window's length.
 */
export function fixedWindow(s: FixedWindowState, now: number, permits: number, limit: number, windowMs: number): Step<FixedWindowState> {
  const start = Math.floor(now / windowMs) * windowMs;
  const count = start === s.start ? s.count : 0;
  if (count + permits > limit) return { state: start === s.start ? s : { start, count }, decision: NO };
  return { state: { start, count: count + permits }, decision: NOW };
}

// ---- Sliding window log ------------------------------------------------------------------

/** Every admitted request of the last window: its time and permits, oldest first. */
export interface SlidingLogState {
  log: { t: number; n: number }[];
}

export const slidingLogInit = (): SlidingLogState => ({ log: [] });

/**
 * Admits when the permits admitted in `(now − windowMs, now]` plus these stay within `limit`.
 * Exact: no window of that length ever holds more than `limit`. Only admitted requests are
 * logged (a refused one takes nothing), so memory is at most `limit` entries.
 */
export function slidingLog(s: SlidingLogState, now: number, permits: number, limit: number, windowMs: number): Step<SlidingLogState> {
  let i = 0;
  while (i < s.log.length && s.log[i].t <= now - windowMs) i++;
  const log = i === 0 ? s.log : s.log.slice(i);
  let used = 0;
  for (const e of log) used += e.n;
  if (used + permits > limit) return { state: log === s.log ? s : { log }, decision: NO };
  return { state: { log: [...log, { t: now, n: permits }] }, decision: NOW };
}

// ---- Sliding window counter ----------------------------------------------------------------

/** The window split in `slots` aligned slots: each slot's start and count, oldest first. */
export interface SlidingWindowState {
  slots: { start: number; count: number }[];
}

export const slidingWindowInit = (): SlidingWindowState => ({ slots: [] });

/** The counts the sliding window counter sees at `now`. */
export interface SlidingWindowEstimate {
  /** Permits counted in the slots of the window (the current slot included). */
  inWindow: number;
  /** The slot that just left the window, weighted by how much of its span is still inside. */
  weightedOut: number;
}

/** What the counter sees at `now`: the slots still in the window, and the one just out of it. */
export function slidingWindowCount(s: SlidingWindowState, now: number, windowMs: number, slots: number): SlidingWindowEstimate {
  const len = windowMs / slots;
  const cur = Math.floor(now / len) * len;
  const progress = (now - cur) / len;
  let inWindow = 0;
  let weightedOut = 0;
  for (const sl of s.slots) {
    const age = Math.round((cur - sl.start) / len);
    if (age >= 0 && age < slots) inWindow += sl.count;
    else if (age === slots) weightedOut = sl.count * (1 - progress);
  }
  return { inWindow, weightedOut };
}

/**
 * A sliding window counter: the window split into `slots` aligned slots (1 min → 6 slots of
 * 10 s). `weighted` adds the slot that just left the window in proportion to how much of it the
 * window still overlaps (with one slot, the classic `prev × (1 − progress) + current`); without
 * it the count is the sum of the slots in the window, which lets up to limit × (1 + 1/slots)
 * through in a window's length.
 */
export function slidingWindow(
  s: SlidingWindowState,
  now: number,
  permits: number,
  limit: number,
  windowMs: number,
  slots: number,
  weighted: boolean,
): Step<SlidingWindowState> {
  const len = windowMs / slots;
  const cur = Math.floor(now / len) * len;
  // Keep the slots in the window and the one just out of it (the weighted estimate reads it).
  const kept = s.slots.filter((sl) => cur - sl.start <= windowMs + len / 2);
  const est = slidingWindowCount({ slots: kept }, now, windowMs, slots);
  const used = est.inWindow + (weighted ? est.weightedOut : 0);
  const pruned = kept.length === s.slots.length ? s : { slots: kept };
  if (used + permits > limit) return { state: pruned, decision: NO };
  const last = kept[kept.length - 1];
  const next = last && last.start === cur ? [...kept.slice(0, -1), { start: cur, count: last.count + permits }] : [...kept, { start: cur, count: permits }];
  return { state: { slots: next }, decision: NOW };
}

// ---- Leaky bucket as a meter -----------------------------------------------------------------

/** The bucket's water level (permits) at time `at`; it leaks at the configured rate. */
export interface LeakyMeterState {
  level: number;
  at: number;
}

export const leakyMeterInit = (): LeakyMeterState => ({ level: 0, at: 0 });

/** The level at `now`, after leaking `ratePerSec` per second since the last look. */
export const leakyLevel = (s: LeakyMeterState, now: number, ratePerSec: number): number => Math.max(0, s.level - (Math.max(0, now - s.at) * ratePerSec) / 1000);

/**
 * The leaky bucket as a meter (GCRA): each request pours its permits in; the bucket leaks at
 * `ratePerSec`; a request that would overflow `capacity` is refused and pours nothing.
 */
export function leakyMeter(s: LeakyMeterState, now: number, permits: number, capacity: number, ratePerSec: number): Step<LeakyMeterState> {
  const level = leakyLevel(s, now, ratePerSec);
  if (level + permits > capacity) return { state: { level, at: Math.max(now, s.at) }, decision: NO };
  return { state: { level: level + permits, at: Math.max(now, s.at) }, decision: NOW };
}

// ---- Leaky bucket as a queue -----------------------------------------------------------------

/** When the queue's outlet is free next (ms): requests leave one `1000 × permits / rate` apart. */
export interface LeakyQueueState {
  nextFree: number;
}

export const leakyQueueInit = (): LeakyQueueState => ({ nextFree: 0 });

/**
 * The leaky bucket as a queue: requests leave at a uniform pace of `ratePerSec`, each waiting
 * for its turn; one whose turn is more than `maxQueueMs` away is refused (the bucket is full).
 */
export function leakyQueue(s: LeakyQueueState, now: number, permits: number, ratePerSec: number, maxQueueMs: number): Step<LeakyQueueState> {
  const cost = (1000 * permits) / ratePerSec;
  if (s.nextFree <= now) return { state: { nextFree: now + cost }, decision: NOW };
  const waitMs = s.nextFree - now;
  if (waitMs > maxQueueMs) return { state: s, decision: NO };
  return { state: { nextFree: s.nextFree + cost }, decision: { allowed: true, waitMs } };
}

// ---- Token bucket ------------------------------------------------------------------------------

/** Tokens in the bucket at time `at`. */
export interface TokenBucketState {
  tokens: number;
  at: number;
}

export const tokenBucketInit = (capacity: number): TokenBucketState => ({ tokens: capacity, at: 0 });

/** The tokens at `now`: refilled at `ratePerSec` since the last look, up to `capacity`. */
export const tokensAt = (s: TokenBucketState, now: number, capacity: number, ratePerSec: number): number =>
  Math.min(capacity, s.tokens + (Math.max(0, now - s.at) * ratePerSec) / 1000);

/**
 * The token bucket: tokens drip in at `ratePerSec` up to `capacity`; a request takes `permits`
 * tokens, or is refused (taking none) when there are fewer. A full bucket lets a burst of
 * `capacity` through at once, and then `ratePerSec` on average.
 */
export function tokenBucket(s: TokenBucketState, now: number, permits: number, capacity: number, ratePerSec: number): Step<TokenBucketState> {
  const tokens = tokensAt(s, now, capacity, ratePerSec);
  const at = Math.max(now, s.at);
  if (tokens < permits) return { state: { tokens, at }, decision: NO };
  return { state: { tokens: tokens - permits, at }, decision: NOW };
}
