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
import { p, type Say } from '../../core/phrase';
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
  detail: Say;
}

const r2 = (x: number) => Number(x.toFixed(2));

/** Decides one request of `permits` on limiter `k` (which must be of algorithm `a`'s kind). */
export function decide(a: LimiterAlgorithm, k: KeyState, clocks: LimiterClocks, permits: number): Decided {
  if (a.kind !== k.kind) throw new Error(`limiter state is ${k.kind}, algorithm is ${a.kind}`);
  switch (k.kind) {
    case 'fixed-window': {
      const q = a as Extract<LimiterAlgorithm, { kind: 'fixed-window' }>;
      const r = fixedWindow(k.s, clocks.wall, permits, q.limit, q.windowMs);
      return { state: { kind: k.kind, s: r.state }, decision: r.decision, detail: p('model.limiter.fixedWindow', { count: r.state.count, limit: q.limit, start: r2(r.state.start) }) };
    }
    case 'sliding-log': {
      const q = a as Extract<LimiterAlgorithm, { kind: 'sliding-log' }>;
      const r = slidingLog(k.s, clocks.wall, permits, q.limit, q.windowMs);
      const used = r.state.log.reduce((n, e) => n + e.n, 0);
      return { state: { kind: k.kind, s: r.state }, decision: r.decision, detail: p('model.limiter.slidingLog', { used, limit: q.limit, windowMs: q.windowMs }) };
    }
    case 'sliding-window': {
      const q = a as Extract<LimiterAlgorithm, { kind: 'sliding-window' }>;
      const before = slidingWindowCount(k.s, clocks.wall, q.windowMs, q.slots);
      const r = slidingWindow(k.s, clocks.wall, permits, q.limit, q.windowMs, q.slots, q.weighted);
      const est = before.inWindow + (q.weighted ? before.weightedOut : 0);
      return { state: { kind: k.kind, s: r.state }, decision: r.decision, detail: p('model.limiter.slidingWindow', { count: r2(est), limit: q.limit, slots: q.slots }) };
    }
    case 'leaky-meter': {
      const q = a as Extract<LimiterAlgorithm, { kind: 'leaky-meter' }>;
      const r = leakyMeter(k.s, clocks.mono, permits, q.capacity, q.ratePerSec);
      return { state: { kind: k.kind, s: r.state }, decision: r.decision, detail: p('model.limiter.leakyMeter', { level: r2(r.state.level), capacity: q.capacity }) };
    }
    case 'leaky-queue': {
      const q = a as Extract<LimiterAlgorithm, { kind: 'leaky-queue' }>;
      const r = leakyQueue(k.s, clocks.mono, permits, q.ratePerSec, q.maxQueueMs);
      const wait = r.decision.allowed ? r.decision.waitMs : k.s.nextFree - clocks.mono;
      return { state: { kind: k.kind, s: r.state }, decision: r.decision, detail: r.decision.allowed ? p('model.limiter.leakyTurn', { wait: r2(wait) }) : p('model.limiter.leakyFull', { wait: r2(wait), max: q.maxQueueMs }) };
    }
    case 'token-bucket': {
      const q = a as Extract<LimiterAlgorithm, { kind: 'token-bucket' }>;
      const r = tokenBucket(k.s, clocks.mono, permits, q.capacity, q.ratePerSec);
      return { state: { kind: k.kind, s: r.state }, decision: r.decision, detail: p('model.limiter.tokens', { tokens: r2(r.state.tokens), capacity: q.capacity }) };
    }
    case 'guava-bursty':
    case 'guava-warmup': {
      const q = a as Extract<LimiterAlgorithm, { kind: 'guava-bursty' | 'guava-warmup' }>;
      const now = micros(clocks.mono) - k.zeroMicros;
      const r = q.mode === 'acquire' ? guavaAcquire(k.s, permits, now) : guavaTryAcquire(k.s, permits, micros(q.timeoutMs), now);
      const detail = p('model.limiter.guava', { stored: r2(r.state.storedPermits), next: r2(r.state.nextFreeTicketMicros / 1000) });
      return { state: { ...k, s: r.state }, decision: { allowed: r.acquired, waitMs: r.waitMicros / 1000 }, detail };
    }
    case 'sentinel-reject': {
      const q = a as Extract<LimiterAlgorithm, { kind: 'sentinel-reject' }>;
      const t = sentinelMs(clocks);
      const qps = Math.trunc(passQps(k.stats, t));
      const pass = defaultCanPass(k.stats, t, permits, q.count);
      const stats = pass ? addPass(k.stats, t, permits) : k.stats;
      return { state: { kind: k.kind, stats }, decision: { allowed: pass, waitMs: 0 }, detail: `passQps ${qps} + ${permits} ${pass ? '≤' : '>'} count ${q.count}` };
    }
    case 'sentinel-throttle': {
      const q = a as Extract<LimiterAlgorithm, { kind: 'sentinel-throttle' }>;
      const nanos = throttlingUsesNanos(q.count);
      const now = nanos ? Math.floor(clocks.mono * 1e6) + NANO_BASE : sentinelMs(clocks);
      const r = throttlingCanPass(k.s, now, permits, q.count, q.maxQueueingTimeMs);
      const waitMs = nanos ? r.wait / 1e6 : r.wait;
      return { state: { kind: k.kind, s: r.state }, decision: { allowed: r.pass, waitMs }, detail: r.pass ? p('model.limiter.sentinelQueued', { wait: r2(waitMs) }) : p('model.limiter.sentinelQueueFull', { max: q.maxQueueingTimeMs }) };
    }
    case 'sentinel-warmup': {
      const q = a as Extract<LimiterAlgorithm, { kind: 'sentinel-warmup' }>;
      const t = sentinelMs(clocks);
      const r = warmUpCanPass(k.s, k.stats, t, permits, { count: q.count, warmUpPeriodSec: q.warmUpPeriodSec, coldFactor: q.coldFactor });
      const stats = r.pass ? addPass(k.stats, t, permits) : k.stats;
      return { state: { kind: k.kind, stats, s: r.state }, decision: { allowed: r.pass, waitMs: 0 }, detail: p('model.limiter.sentinelWarmup', { stored: r.state.storedTokens, qps: r2(r.warningQps) }) };
    }
  }
}
