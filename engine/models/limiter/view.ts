import { p, type Phrase } from '../../core/phrase';
import { parray } from '../../core/pseq';
import { leakyLevel, tokensAt } from './algorithms';
import { EPOCH_MS, type KeyState } from './decide';
import { guavaStoredAt } from './guava';
import { algorithmName, type LimiterState } from './model';
import type { LimiterAlgorithm } from './params';

// Kept apart from the model's behaviour, as every kind's view: the UI reads only this.

/** What the card draws for one key's limiter. Times are ms of the node's wall clock, so the card can animate against its clock. */
export type KeyShape =
  /** A level that moves by itself between decisions: tokens dripping in, water leaking out, stored permits. */
  | { shape: 'gauge'; label: Phrase; value: number; max: number; at: number; perSec: number }
  /** One counter for the current window. */
  | { shape: 'window'; start: number; lengthMs: number; count: number; limit: number }
  /** Counters per slot (sliding window, Sentinel's LeapArray), oldest first. */
  | { shape: 'slots'; slots: { start: number; count: number }[]; slotMs: number; windowMs: number; limit: number }
  /** The admitted requests of the sliding log (their times). */
  | { shape: 'log'; times: number[]; windowMs: number; limit: number }
  /** A pacing queue: when the outlet is free next. */
  | { shape: 'pace'; nextFreeAt: number; intervalMs: number }
  /** Spring Cloud Gateway: the bucket lives in Redis; the last response's headers. */
  | { shape: 'headers'; allowed: boolean; headers: Record<string, string> };

export interface LimiterKeyView {
  key: string;
  state: KeyShape;
}

/** What the canvas shows of a rate limiter. */
export interface LimiterView {
  algorithm: LimiterAlgorithm['kind'];
  name: Phrase;
  /** Its limit in words ("10 per 1000 ms", "5 /s, burst 10"). */
  limit: Phrase;
  allowed: number;
  rejected: number;
  queued: number;
  /** Requests waiting for their release, with the wall time they go. */
  queue: { client: string; id: number; releaseAt: number }[];
  /** The first keys' limiters (at most 4), in the order they were created. */
  keys: LimiterKeyView[];
  moreKeys: number;
}

function limitText(a: LimiterAlgorithm): Phrase {
  const mode = (x: { mode: string; timeoutMs: number }) => (x.mode === 'acquire' ? 'acquire()' : `tryAcquire(${x.timeoutMs} ms)`);
  switch (a.kind) {
    case 'fixed-window':
    case 'sliding-log':
      return p('model.limiter.limitWindow', { limit: a.limit, windowMs: a.windowMs });
    case 'sliding-window':
      return p('model.limiter.limitSlots', { limit: a.limit, windowMs: a.windowMs, slots: a.slots, weighted: a.weighted ? 'yes' : 'no' });
    case 'leaky-meter':
      return p('model.limiter.limitLeaky', { rate: a.ratePerSec, capacity: a.capacity });
    case 'leaky-queue':
      return p('model.limiter.limitLeakyQueue', { rate: a.ratePerSec, max: a.maxQueueMs });
    case 'token-bucket':
      return p('model.limiter.limitToken', { rate: a.ratePerSec, capacity: a.capacity });
    case 'guava-bursty':
      return p('model.limiter.limitGuavaBursty', { rate: a.permitsPerSecond, burst: a.maxBurstSeconds, mode: mode(a) });
    case 'guava-warmup':
      return p('model.limiter.limitGuavaWarmup', { rate: a.permitsPerSecond, warmup: a.warmupMs, mode: mode(a) });
    case 'sentinel-reject':
      return p('model.limiter.limitSentinelReject', { count: a.count, samples: a.sampleCount, slot: a.intervalMs / a.sampleCount });
    case 'sentinel-throttle':
      return p('model.limiter.limitSentinelThrottle', { count: a.count, max: a.maxQueueingTimeMs });
    case 'sentinel-warmup':
      return p('model.limiter.limitSentinelWarmup', { count: a.count, sec: a.warmUpPeriodSec });
    case 'scg-redis':
      return p('model.limiter.limitScg', { rate: a.replenishRate, burst: a.burstCapacity, tokens: a.requestedTokens });
  }
}

/** One key's shape; `off` turns a monotonic time into the wall clock's. */
function shapeOf(a: LimiterAlgorithm, k: KeyState, s: LimiterState): KeyShape {
  if (a.kind === 'scg-redis') throw new Error('Spring Cloud Gateway keeps its buckets in Redis');
  const off = s.last.wall - s.last.mono;
  switch (k.kind) {
    case 'fixed-window': {
      const q = a as Extract<LimiterAlgorithm, { kind: 'fixed-window' }>;
      return { shape: 'window', start: k.s.start, lengthMs: q.windowMs, count: k.s.count, limit: q.limit };
    }
    case 'sliding-log': {
      const q = a as Extract<LimiterAlgorithm, { kind: 'sliding-log' }>;
      return { shape: 'log', times: k.s.log.map((e) => e.t), windowMs: q.windowMs, limit: q.limit };
    }
    case 'sliding-window': {
      const q = a as Extract<LimiterAlgorithm, { kind: 'sliding-window' }>;
      return { shape: 'slots', slots: k.s.slots, slotMs: q.windowMs / q.slots, windowMs: q.windowMs, limit: q.limit };
    }
    case 'leaky-meter': {
      const q = a as Extract<LimiterAlgorithm, { kind: 'leaky-meter' }>;
      return { shape: 'gauge', label: p('model.limiter.gaugeWater'), value: leakyLevel(k.s, s.last.mono, q.ratePerSec), max: q.capacity, at: s.last.wall, perSec: -q.ratePerSec };
    }
    case 'token-bucket': {
      const q = a as Extract<LimiterAlgorithm, { kind: 'token-bucket' }>;
      return { shape: 'gauge', label: p('model.limiter.gaugeTokens'), value: tokensAt(k.s, s.last.mono, q.capacity, q.ratePerSec), max: q.capacity, at: s.last.wall, perSec: q.ratePerSec };
    }
    case 'guava-bursty':
    case 'guava-warmup': {
      const now = Math.floor(s.last.mono * 1000 + 1e-6) - k.zeroMicros;
      const cool = k.kind === 'guava-bursty' ? k.s.stableIntervalMicros : (k.s.c.warmupMs * 1000) / k.s.maxPermits;
      // Stored permits grow only once the next free ticket is in the past; until then the gauge holds still.
      const idle = now >= k.s.nextFreeTicketMicros;
      return { shape: 'gauge', label: p('model.limiter.gaugeStored'), value: guavaStoredAt(k.s, now), max: k.s.maxPermits, at: idle ? s.last.wall : k.s.nextFreeTicketMicros / 1000 + (k.zeroMicros / 1000 + off), perSec: 1e6 / cool };
    }
    case 'leaky-queue': {
      const q = a as Extract<LimiterAlgorithm, { kind: 'leaky-queue' }>;
      return { shape: 'pace', nextFreeAt: k.s.nextFree + off, intervalMs: 1000 / q.ratePerSec };
    }
    case 'sentinel-throttle': {
      const q = a as Extract<LimiterAlgorithm, { kind: 'sentinel-throttle' }>;
      return { shape: 'pace', nextFreeAt: s.queue.length ? Math.max(...parray(s.queue).map((q) => q.releaseAt)) + off : s.last.wall, intervalMs: 1000 / q.count };
    }
    case 'sentinel-reject':
    case 'sentinel-warmup': {
      const q = a as Extract<LimiterAlgorithm, { kind: 'sentinel-reject' | 'sentinel-warmup' }>;
      const epoch = EPOCH_MS;
      const slots = k.stats.second.buckets
        .filter((b) => b !== null)
        .map((b) => ({ start: b.start - epoch, count: b.pass }))
        .sort((x, y) => x.start - y.start);
      return { shape: 'slots', slots, slotMs: q.intervalMs / q.sampleCount, windowMs: q.intervalMs, limit: q.count };
    }
  }
}

/** A plain summary of the limiter's state, for its card. */
export function limiterView(s: LimiterState): LimiterView {
  const a = s.p.algorithm;
  const off = s.last.wall - s.last.mono;
  const scg = s.scg?.last ?? {};
  const names = a.kind === 'scg-redis' ? Object.keys(scg) : Object.keys(s.keys);
  const keyView = (key: string): LimiterKeyView =>
    a.kind === 'scg-redis' ? { key, state: { shape: 'headers', allowed: scg[key].allowed, headers: scg[key].headers } } : { key, state: shapeOf(a, s.keys[key], s) };
  return {
    algorithm: a.kind,
    name: algorithmName(a.kind),
    limit: limitText(a),
    allowed: s.allowed,
    rejected: s.rejected,
    queued: s.queued,
    queue: parray(s.queue).map((q) => ({ client: q.client, id: q.id, releaseAt: q.releaseAt + off })),
    keys: names.slice(0, 4).map(keyView),
    moreKeys: Math.max(0, names.length - 4),
  };
}
