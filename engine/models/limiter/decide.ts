/**
 * One limiter (one key's) as plain data, whatever its algorithm, and the one function that
 * decides a request with it: picks the clock the algorithm reads, calls the pure algorithm and
 * words the outcome for narration.
 */
import {
  fixedWindow,
  fixedWindowInit,
  leakyMeter,
  leakyMeterInit,
  leakyQueue,
  leakyQueueInit,
  slidingLog,
  slidingLogInit,
  slidingWindow,
  slidingWindowCount,
  slidingWindowInit,
  tokenBucket,
  tokenBucketInit,
  type Decision,
  type FixedWindowState,
  type LeakyMeterState,
  type LeakyQueueState,
  type SlidingLogState,
  type SlidingWindowState,
  type TokenBucketState,
} from './algorithms';
import { guavaAcquire, guavaCreate, guavaTryAcquire, type GuavaState } from './guava';
import type { LocalAlgorithm as LimiterAlgorithm } from './params';
import {
  addPass,
  defaultCanPass,
  passQps,
  sentinelStats,
  throttlingCanPass,
  throttlingInit,
  throttlingUsesNanos,
  warmUpCanPass,
  warmUpInit,
  type SentinelStats,
  type ThrottlingState,
  type WarmUpState,
} from './sentinel';

/** One key's limiter state, tagged by algorithm. */
export type KeyState =
  | { kind: 'fixed-window'; s: FixedWindowState }
  | { kind: 'sliding-log'; s: SlidingLogState }
  | { kind: 'sliding-window'; s: SlidingWindowState }
  | { kind: 'leaky-meter'; s: LeakyMeterState }
  | { kind: 'leaky-queue'; s: LeakyQueueState }
  | { kind: 'token-bucket'; s: TokenBucketState }
  | { kind: 'guava-bursty' | 'guava-warmup'; s: GuavaState; /** Monotonic µs when it was created: its stopwatch's zero. */ zeroMicros: number }
  | { kind: 'sentinel-reject'; stats: SentinelStats }
  | { kind: 'sentinel-throttle'; s: ThrottlingState }
  | { kind: 'sentinel-warmup'; stats: SentinelStats; s: WarmUpState };

/**
 * The clocks a limiter reads, in ms: `wall` (windows aligned to the clock, Sentinel's
 * TimeUtil.currentTimeMillis) and `mono` (buckets and Guava's Stopwatch, never stepped).
 */
export interface LimiterClocks {
  wall: number;
  mono: number;
}

/**
 * Sentinel reads epoch milliseconds and System.nanoTime, both far from 0: its throttling
 * controller starts from latestPassedTime = -1 and its warm-up from lastFilledTime = 0, which
 * only behave as in production when the clock reads a large value. The node's clocks start near
 * 0, so Sentinel sees them shifted by these (a whole number of seconds, so its windows stay
 * aligned with the node's).
 */
export const EPOCH_MS = 1_700_000_000_000;
const NANO_BASE = 1e15;

/** Guava's Stopwatch reads whole microseconds (elapsed nanoseconds, truncated). */
const micros = (ms: number): number => Math.floor(ms * 1000 + 1e-6);

const sentinelMs = (c: LimiterClocks): number => Math.floor(c.wall) + EPOCH_MS;

/** A fresh limiter for the algorithm, created at `clocks`. */
export function newKeyState(a: LimiterAlgorithm, clocks: LimiterClocks): KeyState {
  switch (a.kind) {
    case 'fixed-window':
      return { kind: a.kind, s: fixedWindowInit() };
    case 'sliding-log':
      return { kind: a.kind, s: slidingLogInit() };
    case 'sliding-window':
      return { kind: a.kind, s: slidingWindowInit() };
    case 'leaky-meter':
      return { kind: a.kind, s: { ...leakyMeterInit(), at: clocks.mono } };
    case 'leaky-queue':
      return { kind: a.kind, s: leakyQueueInit() };
    case 'token-bucket':
      return { kind: a.kind, s: { ...tokenBucketInit(a.capacity), at: clocks.mono } };
    case 'guava-bursty':
      return { kind: a.kind, s: guavaCreate({ flavour: 'bursty', permitsPerSecond: a.permitsPerSecond, maxBurstSeconds: a.maxBurstSeconds, warmupMs: 0, coldFactor: 3 }), zeroMicros: micros(clocks.mono) };
    case 'guava-warmup':
      return { kind: a.kind, s: guavaCreate({ flavour: 'warmup', permitsPerSecond: a.permitsPerSecond, maxBurstSeconds: 1, warmupMs: a.warmupMs, coldFactor: a.coldFactor }), zeroMicros: micros(clocks.mono) };
    case 'sentinel-reject':
      return { kind: a.kind, stats: sentinelStats(a.sampleCount, a.intervalMs) };
    case 'sentinel-throttle':
      return { kind: a.kind, s: throttlingInit() };
    case 'sentinel-warmup':
      return { kind: a.kind, stats: sentinelStats(a.sampleCount, a.intervalMs), s: warmUpInit() };
  }
}

/** A decision, the state after it, and what the limiter saw, in a few words. */
export interface Decided {
  state: KeyState;
  decision: Decision;
  detail: string;
}

const r2 = (x: number) => Number(x.toFixed(2));

/** Decides one request of `permits` on limiter `k` (which must be of algorithm `a`'s kind). */
export function decide(a: LimiterAlgorithm, k: KeyState, clocks: LimiterClocks, permits: number): Decided {
  if (a.kind !== k.kind) throw new Error(`limiter state is ${k.kind}, algorithm is ${a.kind}`);
  switch (k.kind) {
    case 'fixed-window': {
      const p = a as Extract<LimiterAlgorithm, { kind: 'fixed-window' }>;
      const r = fixedWindow(k.s, clocks.wall, permits, p.limit, p.windowMs);
      return { state: { kind: k.kind, s: r.state }, decision: r.decision, detail: `${r.state.count} of ${p.limit} in the window from ${r2(r.state.start)} ms` };
    }
    case 'sliding-log': {
      const p = a as Extract<LimiterAlgorithm, { kind: 'sliding-log' }>;
      const r = slidingLog(k.s, clocks.wall, permits, p.limit, p.windowMs);
      const used = r.state.log.reduce((n, e) => n + e.n, 0);
      return { state: { kind: k.kind, s: r.state }, decision: r.decision, detail: `${used} of ${p.limit} in the last ${p.windowMs} ms` };
    }
    case 'sliding-window': {
      const p = a as Extract<LimiterAlgorithm, { kind: 'sliding-window' }>;
      const before = slidingWindowCount(k.s, clocks.wall, p.windowMs, p.slots);
      const r = slidingWindow(k.s, clocks.wall, permits, p.limit, p.windowMs, p.slots, p.weighted);
      const est = before.inWindow + (p.weighted ? before.weightedOut : 0);
      return { state: { kind: k.kind, s: r.state }, decision: r.decision, detail: `counted ${r2(est)} of ${p.limit} over ${p.slots} slots` };
    }
    case 'leaky-meter': {
      const p = a as Extract<LimiterAlgorithm, { kind: 'leaky-meter' }>;
      const r = leakyMeter(k.s, clocks.mono, permits, p.capacity, p.ratePerSec);
      return { state: { kind: k.kind, s: r.state }, decision: r.decision, detail: `bucket at ${r2(r.state.level)} of ${p.capacity}` };
    }
    case 'leaky-queue': {
      const p = a as Extract<LimiterAlgorithm, { kind: 'leaky-queue' }>;
      const r = leakyQueue(k.s, clocks.mono, permits, p.ratePerSec, p.maxQueueMs);
      const wait = r.decision.allowed ? r.decision.waitMs : k.s.nextFree - clocks.mono;
      return { state: { kind: k.kind, s: r.state }, decision: r.decision, detail: r.decision.allowed ? `its turn in ${r2(wait)} ms` : `its turn would be in ${r2(wait)} ms, over ${p.maxQueueMs} ms` };
    }
    case 'token-bucket': {
      const p = a as Extract<LimiterAlgorithm, { kind: 'token-bucket' }>;
      const r = tokenBucket(k.s, clocks.mono, permits, p.capacity, p.ratePerSec);
      return { state: { kind: k.kind, s: r.state }, decision: r.decision, detail: `${r2(r.state.tokens)} of ${p.capacity} tokens left` };
    }
    case 'guava-bursty':
    case 'guava-warmup': {
      const p = a as Extract<LimiterAlgorithm, { kind: 'guava-bursty' | 'guava-warmup' }>;
      const now = micros(clocks.mono) - k.zeroMicros;
      const r = p.mode === 'acquire' ? guavaAcquire(k.s, permits, now) : guavaTryAcquire(k.s, permits, micros(p.timeoutMs), now);
      const detail = `${r2(r.state.storedPermits)} stored permits, next free ticket at ${r2(r.state.nextFreeTicketMicros / 1000)} ms`;
      return { state: { ...k, s: r.state }, decision: { allowed: r.acquired, waitMs: r.waitMicros / 1000 }, detail };
    }
    case 'sentinel-reject': {
      const p = a as Extract<LimiterAlgorithm, { kind: 'sentinel-reject' }>;
      const t = sentinelMs(clocks);
      const qps = Math.trunc(passQps(k.stats, t));
      const pass = defaultCanPass(k.stats, t, permits, p.count);
      const stats = pass ? addPass(k.stats, t, permits) : k.stats;
      return { state: { kind: k.kind, stats }, decision: { allowed: pass, waitMs: 0 }, detail: `passQps ${qps} + ${permits} ${pass ? '≤' : '>'} count ${p.count}` };
    }
    case 'sentinel-throttle': {
      const p = a as Extract<LimiterAlgorithm, { kind: 'sentinel-throttle' }>;
      const nanos = throttlingUsesNanos(p.count);
      const now = nanos ? Math.floor(clocks.mono * 1e6) + NANO_BASE : sentinelMs(clocks);
      const r = throttlingCanPass(k.s, now, permits, p.count, p.maxQueueingTimeMs);
      const waitMs = nanos ? r.wait / 1e6 : r.wait;
      return { state: { kind: k.kind, s: r.state }, decision: { allowed: r.pass, waitMs }, detail: r.pass ? `queued ${r2(waitMs)} ms` : `would queue over ${p.maxQueueingTimeMs} ms` };
    }
    case 'sentinel-warmup': {
      const p = a as Extract<LimiterAlgorithm, { kind: 'sentinel-warmup' }>;
      const t = sentinelMs(clocks);
      const r = warmUpCanPass(k.s, k.stats, t, permits, { count: p.count, warmUpPeriodSec: p.warmUpPeriodSec, coldFactor: p.coldFactor });
      const stats = r.pass ? addPass(k.stats, t, permits) : k.stats;
      return { state: { kind: k.kind, stats, s: r.state }, decision: { allowed: r.pass, waitMs: 0 }, detail: `${r.state.storedTokens} stored tokens, allowed ${r2(r.warningQps)} QPS now` };
    }
  }
}
