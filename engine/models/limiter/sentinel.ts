/**
 * Alibaba Sentinel's flow control (sentinel-core, slots/block/flow/controller and
 * slots/statistic), transcribed with Java's integer arithmetic: the LeapArray sliding window
 * that counts passes, DefaultController (reject when passQps + acquire > count),
 * ThrottlingController (leaky bucket as a queue with maxQueueingTimeMs) and WarmUpController
 * (Guava's warm-up curve over whole seconds, coldFactor 3). Times are Java `long` ms of the
 * epoch (TimeUtil.currentTimeMillis) and ns of System.nanoTime; all stay below 2^53.
 */

/** One LeapArray bucket: its start and the passes counted in it. */
export interface Bucket {
  start: number;
  pass: number;
}

/** A LeapArray: `sampleCount` buckets of `intervalMs / sampleCount` ms, reused round-robin. */
export interface LeapArray {
  sampleCount: number;
  intervalMs: number;
  buckets: (Bucket | null)[];
}

export const leapArray = (sampleCount: number, intervalMs: number): LeapArray => ({ sampleCount, intervalMs, buckets: new Array<Bucket | null>(sampleCount).fill(null) });

const len = (a: LeapArray) => Math.trunc(a.intervalMs / a.sampleCount);

/** LeapArray.currentWindow: the bucket for `t`, reset when it still holds an older window. */
function currentWindow(a: LeapArray, t: number): LeapArray {
  const w = len(a);
  const idx = Math.trunc(t / w) % a.sampleCount;
  const start = t - (t % w);
  const old = a.buckets[idx];
  if (old !== null && old.start >= start) return a;
  const buckets = a.buckets.slice();
  buckets[idx] = { start, pass: 0 };
  return { ...a, buckets };
}

/** ArrayMetric.pass(): the passes of every bucket not older than the interval (`t − start > interval` is deprecated). */
export function leapPass(a0: LeapArray, t: number): number {
  const a = currentWindow(a0, t);
  let pass = 0;
  for (const b of a.buckets) if (b !== null && !(t - b.start > a.intervalMs)) pass += b.pass;
  return pass;
}

/** ArrayMetric.previousWindowPass(): the passes of the bucket just before the current one. */
export function leapPreviousPass(a0: LeapArray, t: number): number {
  const a = currentWindow(a0, t);
  const w = len(a);
  const prevT = t - w;
  const b = a.buckets[Math.trunc(prevT / w) % a.sampleCount];
  if (b === null || t - b.start > a.intervalMs || b.start + w < prevT) return 0;
  return b.pass;
}

/** Adds `n` passes to the bucket of `t`. */
export function leapAdd(a0: LeapArray, t: number, n: number): LeapArray {
  const a = currentWindow(a0, t);
  const w = len(a);
  const idx = Math.trunc(t / w) % a.sampleCount;
  const b = a.buckets[idx];
  // A time before the bucket's window (a clock stepped back) counts in a throwaway bucket.
  if (b === null || b.start !== t - (t % w)) return a;
  const buckets = a.buckets.slice();
  buckets[idx] = { start: b.start, pass: b.pass + n };
  return { ...a, buckets };
}

/** StatisticNode's counters: the second window (sampleCount / intervalMs) and the minute of 60 one-second buckets. */
export interface SentinelStats {
  second: LeapArray;
  minute: LeapArray;
}

export const sentinelStats = (sampleCount: number, intervalMs: number): SentinelStats => ({ second: leapArray(sampleCount, intervalMs), minute: leapArray(60, 60_000) });

/** StatisticNode.passQps(): passes in the window over the window's seconds. */
export const passQps = (s: SentinelStats, t: number): number => leapPass(s.second, t) / (s.second.intervalMs / 1000.0);

/** StatisticSlot after a pass: both counters count it. */
export const addPass = (s: SentinelStats, t: number, n: number): SentinelStats => ({ second: leapAdd(s.second, t, n), minute: leapAdd(s.minute, t, n) });

/** DefaultController.canPass (QPS grade, not prioritized): `(int) passQps + acquire > count` blocks. */
export function defaultCanPass(s: SentinelStats, t: number, acquire: number, count: number): boolean {
  return !(Math.trunc(passQps(s, t)) + acquire > count);
}

// ---- ThrottlingController ------------------------------------------------------------------

export interface ThrottlingState {
  /** latestPassedTime: ms, or ns when the controller counts in nanoseconds; -1 before the first pass. */
  latestPassedTime: number;
}

export const throttlingInit = (): ThrottlingState => ({ latestPassedTime: -1 });

/** Java's Math.round(double): floor(x + 0.5). */
const javaRound = (x: number): number => Math.floor(x + 0.5);

/** Whether the controller works in ns (`statDurationMs % round(count) != 0 || count / statDurationMs > 1`), as Sentinel decides. */
export function throttlingUsesNanos(count: number, statDurationMs = 1000): boolean {
  if (!(count > 0)) return false;
  const r = javaRound(count);
  // Java's long % 0 would throw; Sentinel only gets here with count > 0, and round(count) of a count below 0.5 is 0.
  return r === 0 ? true : statDurationMs % r !== 0 || count / statDurationMs > 1;
}

/**
 * ThrottlingController.canPass: requests leave `cost = statDurationMs × acquire / count` apart;
 * one that would wait longer than `maxQueueingTimeMs` is refused. `now` is in ms, or in ns when
 * `throttlingUsesNanos`; the wait returned is in the same unit.
 */
export function throttlingCanPass(
  s: ThrottlingState,
  now: number,
  acquire: number,
  count: number,
  maxQueueingTimeMs: number,
  statDurationMs = 1000,
): { state: ThrottlingState; pass: boolean; wait: number } {
  if (acquire <= 0) return { state: s, pass: true, wait: 0 };
  if (count <= 0) return { state: s, pass: false, wait: 0 };
  const nanos = throttlingUsesNanos(count, statDurationMs);
  const unit = nanos ? 1_000_000 : 1;
  const maxQueue = maxQueueingTimeMs * unit;
  const cost = javaRound((1.0 * unit * statDurationMs * acquire) / count);
  const expected = cost + s.latestPassedTime;
  if (expected <= now) return { state: { latestPassedTime: now }, pass: true, wait: 0 };
  if (cost + s.latestPassedTime - now > maxQueue) return { state: s, pass: false, wait: 0 };
  const latest = s.latestPassedTime + cost;
  const wait = latest - now;
  if (wait > maxQueue) return { state: s, pass: false, wait: 0 };
  return { state: { latestPassedTime: latest }, pass: true, wait: Math.max(0, wait) };
}

// ---- WarmUpController ----------------------------------------------------------------------

export interface WarmUpConfig {
  count: number;
  warmUpPeriodSec: number;
  coldFactor: number;
}

/** The controller's constants, computed as its constructor does (int casts and int division included). */
export interface WarmUpShape {
  warningToken: number;
  maxToken: number;
  slope: number;
}

export function warmUpShape(c: WarmUpConfig): WarmUpShape {
  const warningToken = Math.trunc(Math.trunc(c.warmUpPeriodSec * c.count) / (c.coldFactor - 1));
  const maxToken = warningToken + Math.trunc((2 * c.warmUpPeriodSec * c.count) / (1.0 + c.coldFactor));
  const slope = (c.coldFactor - 1.0) / c.count / (maxToken - warningToken);
  return { warningToken, maxToken, slope };
}

export interface WarmUpState {
  storedTokens: number;
  lastFilledTime: number;
}

export const warmUpInit = (): WarmUpState => ({ storedTokens: 0, lastFilledTime: 0 });

/** Java's Math.nextUp(double) for a positive finite value: the next double up. */
function nextUp(x: number): number {
  if (!Number.isFinite(x)) return x;
  if (x === 0) return Number.MIN_VALUE;
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, x);
  const bits = dv.getBigInt64(0);
  dv.setBigInt64(0, x > 0 ? bits + 1n : bits - 1n);
  return dv.getFloat64(0);
}

/** WarmUpController.syncToken: once a second, add the tokens the idle time earned, minus last second's passes. */
function syncToken(s: WarmUpState, now: number, previousQps: number, c: WarmUpConfig, k: WarmUpShape): WarmUpState {
  const currentTime = now - (now % 1000);
  if (currentTime <= s.lastFilledTime) return s;
  const old = s.storedTokens;
  let next = old;
  const earned = Math.trunc(old + ((currentTime - s.lastFilledTime) * c.count) / 1000);
  if (old < k.warningToken) next = earned;
  else if (old > k.warningToken && previousQps < Math.trunc(Math.trunc(c.count) / c.coldFactor)) next = earned;
  next = Math.min(next, k.maxToken) - previousQps;
  return { storedTokens: next < 0 ? 0 : next, lastFilledTime: currentTime };
}

/**
 * WarmUpController.canPass: while tokens are stored above the warning line the allowed QPS is
 * lower (down to count / coldFactor when cold); traffic spends the stored tokens and warms it up.
 */
export function warmUpCanPass(s0: WarmUpState, stats: SentinelStats, now: number, acquire: number, c: WarmUpConfig): { state: WarmUpState; pass: boolean; warningQps: number } {
  const k = warmUpShape(c);
  const qps = Math.trunc(passQps(stats, now));
  const previousQps = Math.trunc(leapPreviousPass(stats.minute, now));
  const s = syncToken(s0, now, previousQps, c, k);
  const rest = s.storedTokens;
  if (rest >= k.warningToken) {
    const above = rest - k.warningToken;
    const warningQps = nextUp(1.0 / (above * k.slope + 1.0 / c.count));
    return { state: s, pass: qps + acquire <= warningQps, warningQps };
  }
  return { state: s, pass: qps + acquire <= c.count, warningQps: c.count };
}
