/**
 * Random arrival sequences for the Guava comparison, from the engine's seeded generator (so a
 * failing case can be named by its seed and index and replayed).
 */
import { nextFloat, seedRng, type RngState } from '../../engine/core/rng';
import type { GuavaConfig } from '../../engine/models/limiter/guava';

/** One call: acquire(permits), or tryAcquire(permits, timeout) when `timeoutMicros` is set. */
export interface GuavaCall {
  atMicros: number;
  permits: number;
  timeoutMicros?: number;
}

export interface GuavaCase {
  config: GuavaConfig;
  calls: GuavaCall[];
}

const pick = <T>(r: RngState, xs: readonly T[]): T => xs[Math.floor(nextFloat(r) * xs.length)];

const RATES = [0.5, 1, 2, 3, 5, 7.3, 10, 33.3, 100, 1000 / 3, 1500];
const BURSTS = [0.25, 0.5, 1, 2, 3.7];
const WARMUPS = [100, 250, 1000, 3000, 10_000];
const COLD = [2, 3, 3, 4.5];

/** `count` cases: both flavours, a mix of acquire and tryAcquire, bursts, steady traffic and idle spells. */
export function guavaCases(seed: number, count: number): GuavaCase[] {
  const r = seedRng(seed);
  const out: GuavaCase[] = [];
  for (let k = 0; k < count; k++) {
    const flavour = k % 2 === 0 ? 'bursty' : 'warmup';
    const config: GuavaConfig = { flavour, permitsPerSecond: pick(r, RATES), maxBurstSeconds: pick(r, BURSTS), warmupMs: pick(r, WARMUPS), coldFactor: pick(r, COLD) };
    const interval = 1e6 / config.permitsPerSecond;
    // Mode per case: all blocking, all tryAcquire, or mixed.
    const mode = pick(r, ['acquire', 'try', 'mixed'] as const);
    const n = 5 + Math.floor(nextFloat(r) * 40);
    let t = Math.floor(nextFloat(r) * 3 * interval);
    const calls: GuavaCall[] = [];
    for (let i = 0; i < n; i++) {
      const g = nextFloat(r);
      // Same instant, a fraction of the interval, about the interval, or a long idle spell.
      const gap = g < 0.25 ? 0 : g < 0.6 ? nextFloat(r) * interval : g < 0.9 ? interval * (0.5 + nextFloat(r)) : interval * 50 * nextFloat(r);
      t += Math.floor(gap);
      const permits = nextFloat(r) < 0.7 ? 1 : 1 + Math.floor(nextFloat(r) * 6);
      const tryIt = mode === 'try' || (mode === 'mixed' && nextFloat(r) < 0.5);
      calls.push(tryIt ? { atMicros: t, permits, timeoutMicros: nextFloat(r) < 0.2 ? 0 : Math.floor(nextFloat(r) * 3 * interval) } : { atMicros: t, permits });
    }
    out.push({ config, calls });
  }
  return out;
}

/** The driver's input for these cases (see GuavaDriver.java). */
export function driverInput(cases: readonly GuavaCase[]): string {
  const lines: string[] = [];
  for (const c of cases) {
    const k = c.config;
    lines.push(`case ${k.flavour} ${k.permitsPerSecond} ${k.maxBurstSeconds} ${k.warmupMs} ${k.coldFactor}`);
    for (const call of c.calls) lines.push(call.timeoutMicros === undefined ? `a ${call.atMicros} ${call.permits}` : `t ${call.atMicros} ${call.permits} ${call.timeoutMicros}`);
    lines.push('end');
  }
  return lines.join('\n') + '\n';
}
