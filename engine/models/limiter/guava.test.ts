import { describe, expect, it } from 'vitest';
import { guavaAcquire, guavaCreate, guavaTryAcquire, type GuavaConfig, type GuavaState } from './guava';

// Hand-computed from SmoothRateLimiter's formulas. The comparison with the real library over
// thousands of random arrival sequences is conformance/guava (npm run conformance).

const bursty = (permitsPerSecond: number, maxBurstSeconds = 1): GuavaConfig => ({ flavour: 'bursty', permitsPerSecond, maxBurstSeconds, warmupMs: 0, coldFactor: 3 });

/** Calls [atMicros, permits, timeoutMicros?] in order; returns each wait in µs, or 'no'. */
function calls(c: GuavaConfig, list: [number, number, number?][]): (number | 'no')[] {
  let s: GuavaState = guavaCreate(c);
  return list.map(([t, n, timeout]) => {
    const r = timeout === undefined ? guavaAcquire(s, n, t) : guavaTryAcquire(s, n, timeout, t);
    s = r.state;
    return r.acquired ? r.waitMicros : 'no';
  });
}

describe('Guava SmoothBursty', () => {
  it('create(5): three acquire() at once wait 0, 200 ms, 400 ms', () => {
    expect(calls(bursty(5), [[0, 1], [0, 1], [0, 1]])).toEqual([0, 200_000, 400_000]);
  });

  it('a big acquire is served at once and the next caller pays for it', () => {
    // acquire(10) at 0 waits nothing, pushes the next free ticket to 2 s; the next one waits that.
    expect(calls(bursty(5), [[0, 10], [0, 1]])).toEqual([0, 2_000_000]);
  });

  it('stores at most maxBurstSeconds of unused rate, and stored permits are free', () => {
    // 5/s, 1 s burst: after 10 s idle, 5 stored: 6 calls pass at once (5 stored + the free ticket), the 7th waits 200 ms.
    const at10s = Array.from({ length: 7 }, (): [number, number] => [10_000_000, 1]);
    expect(calls(bursty(5), [[0, 1], ...at10s])).toEqual([0, 0, 0, 0, 0, 0, 0, 200_000]);
    // With 2 s of burst, 10 are stored.
    expect(calls(bursty(5, 2), [[0, 1], ...Array.from({ length: 12 }, (): [number, number] => [10_000_000, 1])]).filter((w) => w === 0).length).toBe(12);
  });

  it('tryAcquire(n, timeout) is refused when the next free ticket is beyond the timeout, and reserves nothing then', () => {
    expect(calls(bursty(5), [[0, 1, 0], [0, 1, 0], [100_000, 1, 100_000], [100_000, 1, 100_000], [100_000, 1, 300_000]])).toEqual([0, 'no', 100_000, 'no', 300_000]);
  });
});

describe('Guava SmoothWarmingUp', () => {
  // create(2, 4 s): stable 500 ms, cold 1.5 s, threshold 4, max 8 permits, slope 250 ms per permit. Starts cold with 8 stored.
  const warm: GuavaConfig = { flavour: 'warmup', permitsPerSecond: 2, maxBurstSeconds: 1, warmupMs: 4000, coldFactor: 3 };

  it('starts cold: the first permits cost the trapezoid under the curve', () => {
    const s = guavaCreate(warm);
    expect([s.thresholdPermits, s.maxPermits, s.slope, s.storedPermits]).toEqual([4, 8, 250_000, 8]);
    // First: free ticket (wait 0), costs (1.5 s + 1.25 s) / 2 = 1.375 s; second waits that and costs (1.25 + 1.0) / 2.
    expect(calls(warm, [[0, 1], [0, 1], [0, 1]])).toEqual([0, 1_375_000, 2_500_000]);
  });

  it('warms up: below the threshold permits cost the stable interval', () => {
    // 4 permits above the threshold cost 4 s in all (the warm-up period), then 500 ms each.
    const w = calls(warm, [[0, 4], [0, 4], [0, 1], [0, 1]]);
    expect(w).toEqual([0, 4_000_000, 6_000_000, 6_500_000]);
  });
});
