import { describe, expect, it } from 'vitest';
import { addPass, defaultCanPass, sentinelStats, throttlingCanPass, throttlingInit, throttlingUsesNanos, warmUpCanPass, warmUpInit, warmUpShape, type SentinelStats, type ThrottlingState } from './sentinel';

// Hand-computed from Sentinel's DefaultController, ThrottlingController, WarmUpController and LeapArray.

const E = 1_700_000_000_000; // epoch ms, as TimeUtil.currentTimeMillis reads

/** DefaultController (count per second) over arrivals at epoch ms; 'ok' / 'no' per request. */
function reject(count: number, times: number[], sampleCount = 2, intervalMs = 1000): string[] {
  let s: SentinelStats = sentinelStats(sampleCount, intervalMs);
  return times.map((t) => {
    const ok = defaultCanPass(s, t, 1, count);
    if (ok) s = addPass(s, t, 1);
    return ok ? 'ok' : 'no';
  });
}
const times = (t: number, n: number) => Array<number>(n).fill(t);

describe('Sentinel DefaultController over LeapArray (2 buckets of 500 ms)', () => {
  it('refuses past count in the window', () => {
    expect(reject(3, [E + 100, E + 200, E + 300, E + 400])).toEqual(['ok', 'ok', 'ok', 'no']);
  });

  it('lets about 2 × count through across a bucket boundary', () => {
    // 3 at 400 (bucket 0–500), then at 1000 the window holds buckets 500–1000 and 1000–1500: empty, 3 more.
    expect(reject(3, [...times(E + 400, 3), ...times(E + 1000, 4)])).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'no']);
  });

  it('a bucket still counts until the window has moved a whole interval past its start', () => {
    // 3 at 900 (bucket 500–1000): at 1100 it still counts (1100 − 500 ≤ 1000); at 1500 it is reused.
    expect(reject(3, [...times(E + 900, 3), E + 1100, E + 1499, E + 1500])).toEqual(['ok', 'ok', 'ok', 'no', 'no', 'ok']);
  });
});

describe('Sentinel ThrottlingController', () => {
  function throttle(count: number, maxQueue: number, list: number[]): (number | 'no')[] {
    let s: ThrottlingState = throttlingInit();
    return list.map((t) => {
      const r = throttlingCanPass(s, t, 1, count, maxQueue);
      s = r.state;
      return r.pass ? r.wait : 'no';
    });
  }

  it('count 10: 100 ms apart, waits up to maxQueueingTimeMs (ms arithmetic)', () => {
    expect(throttlingUsesNanos(10)).toBe(false);
    expect(throttle(10, 250, [E, E, E, E, E + 150])).toEqual([0, 100, 200, 'no', 150]);
  });

  it('count 3: 1000 % 3 != 0, so it counts in ns: 333 333 333 ns apart', () => {
    expect(throttlingUsesNanos(3)).toBe(true);
    const N = 1e15;
    expect(throttle(3, 500, [N, N, N])).toEqual([0, 333_333_333, 'no']);
  });
});

describe('Sentinel WarmUpController', () => {
  it('count 10, 10 s, coldFactor 3: warning 50 tokens, max 100', () => {
    expect(warmUpShape({ count: 10, warmUpPeriodSec: 10, coldFactor: 3 })).toEqual({ warningToken: 50, maxToken: 100, slope: 0.004 });
  });

  it('starts cold at count / coldFactor: 3 of 10 in the first second', () => {
    const c = { count: 10, warmUpPeriodSec: 10, coldFactor: 3 };
    let s = warmUpInit();
    let stats = sentinelStats(2, 1000);
    const out: boolean[] = [];
    for (let i = 0; i < 5; i++) {
      const r = warmUpCanPass(s, stats, E + 100 + i, 1, c);
      s = r.state;
      if (r.pass) stats = addPass(stats, E + 100 + i, 1);
      out.push(r.pass);
    }
    expect(out).toEqual([true, true, true, false, false]);
    expect(s.storedTokens).toBe(100);
  });
});
