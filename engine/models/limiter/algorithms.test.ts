import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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
  slidingWindowInit,
  tokenBucket,
  tokenBucketInit,
  type Decision,
  type Step,
} from './algorithms';

/** Runs `f` over arrivals `[t, permits]` and returns each decision as 'ok', 'no' or the wait in ms. */
function play<S>(init: S, arrivals: [number, number][], f: (s: S, t: number, n: number) => Step<S>): (string | number)[] {
  let s = init;
  return arrivals.map(([t, n]) => {
    const r = f(s, t, n);
    s = r.state;
    return word(r.decision);
  });
}
const word = (d: Decision) => (!d.allowed ? 'no' : d.waitMs > 0 ? d.waitMs : 'ok');
const at = (...ts: number[]): [number, number][] => ts.map((t) => [t, 1]);

describe('fixed window', () => {
  it('counts per aligned window: 3 per 1000 ms', () => {
    expect(play(fixedWindowInit(), at(0, 10, 20, 30, 999, 1000, 1001, 1002, 1003), (s, t, n) => fixedWindow(s, t, n, 3, 1000))).toEqual(['ok', 'ok', 'ok', 'no', 'no', 'ok', 'ok', 'ok', 'no']);
  });

  it('lets 2 × limit through across a boundary: 3 at 990..999 and 3 at 1000..1009', () => {
    const r = play(fixedWindowInit(), at(990, 995, 999, 1000, 1005, 1009), (s, t, n) => fixedWindow(s, t, n, 3, 1000));
    expect(r).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
  });

  it('a refused request takes nothing: 2 permits fit after a refused 3', () => {
    expect(play(fixedWindowInit(), [[0, 2], [1, 2], [2, 1]], (s, t, n) => fixedWindow(s, t, n, 3, 1000))).toEqual(['ok', 'no', 'ok']);
  });
});

describe('sliding log', () => {
  it('refuses the boundary burst: (t − 1000, t] never holds more than 3', () => {
    const r = play(slidingLogInit(), at(990, 995, 999, 1000, 1005, 1989, 1990, 1995), (s, t, n) => slidingLog(s, t, n, 3, 1000));
    // At 1990 the entry of 990 is out (990 <= 1990 - 1000), so one fits; at 1995, 995 leaves too.
    expect(r).toEqual(['ok', 'ok', 'ok', 'no', 'no', 'no', 'ok', 'ok']);
  });

  it('keeps only what is in the window', () => {
    let s = slidingLogInit();
    for (const t of [0, 100, 200]) s = slidingLog(s, t, 1, 5, 1000).state;
    expect(slidingLog(s, 1150, 1, 5, 1000).state.log.map((e) => e.t)).toEqual([200, 1150]);
  });
});

describe('sliding window counter', () => {
  it('sums the slots: 4 per 1000 ms in 4 slots of 250 ms, unweighted', () => {
    // 3 in slot [0,250), 1 in [500,750); at 1000 the first slot is out of the window, so 3 fit again.
    const r = play(slidingWindowInit(), at(0, 10, 20, 600, 700, 999, 1000, 1001, 1002, 1003), (s, t, n) => slidingWindow(s, t, n, 4, 1000, 4, false));
    expect(r).toEqual(['ok', 'ok', 'ok', 'ok', 'no', 'no', 'ok', 'ok', 'ok', 'no']);
  });

  it('weighted with one slot is prev × (1 − progress) + current', () => {
    // 10 in [0,1000). At 1250: 10 × 0.75 = 7.5 counted, so 2 more fit (9.5), a third would be 10.5.
    let s = slidingWindowInit();
    for (let i = 0; i < 10; i++) s = slidingWindow(s, i, 1, 10, 1000, 1, true).state;
    const r = play(s, at(1250, 1250, 1250), (x, t, n) => slidingWindow(x, t, n, 10, 1000, 1, true));
    expect(r).toEqual(['ok', 'ok', 'no']);
    // At 1900 the previous window weighs 10 × 0.1 = 1, plus 2 current: 7 more fit.
    expect(play(s, at(1250, 1250, ...Array(8).fill(1900)), (x, t, n) => slidingWindow(x, t, n, 10, 1000, 1, true)).filter((d) => d === 'ok').length).toBe(9);
  });
});

describe('leaky bucket', () => {
  it('as a meter: capacity 2, leaks 1/s; refuses what overflows', () => {
    // 0: 1, 0: 2, 0: refused; 500: level 1.5 (fits 0.5? no: 1.5 + 1 > 2), 1000: level 1 -> 2.
    const r = play(leakyMeterInit(), at(0, 0, 0, 500, 1000, 1000), (s, t, n) => leakyMeter(s, t, n, 2, 1));
    expect(r).toEqual(['ok', 'ok', 'no', 'no', 'ok', 'no']);
  });

  it('as a queue: 5/s paces 200 ms apart, refuses past 500 ms of queue', () => {
    // 0 goes at once; the next ones at 200, 400, 600 (waits 200, 400, 600 -> the last refused).
    const r = play(leakyQueueInit(), at(0, 0, 0, 0, 300), (s, t, n) => leakyQueue(s, t, n, 5, 500));
    expect(r).toEqual(['ok', 200, 400, 'no', 300]);
  });
});

describe('token bucket', () => {
  it('starts full, takes one per request, refills at the rate up to the capacity', () => {
    // capacity 3, 2/s: three at 0, refused at 0; 500 ms later one token; 10 s later only 3.
    const r = play(tokenBucketInit(3), at(0, 0, 0, 0, 500, 500, 10_000, 10_000, 10_000, 10_000), (s, t, n) => tokenBucket(s, t, n, 3, 2));
    expect(r).toEqual(['ok', 'ok', 'ok', 'no', 'ok', 'no', 'ok', 'ok', 'ok', 'no']);
  });

  it('a request for more tokens than there are takes none', () => {
    expect(play(tokenBucketInit(3), [[0, 2], [0, 2], [0, 1]], (s, t, n) => tokenBucket(s, t, n, 3, 1))).toEqual(['ok', 'no', 'ok']);
  });

  it('never admits more than capacity + rate × elapsed in any interval', () => {
    const arrivals = fc.array(fc.tuple(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 1, max: 4 })), { minLength: 1, maxLength: 120 });
    fc.assert(
      fc.property(arrivals, fc.integer({ min: 1, max: 20 }), fc.double({ min: 0.1, max: 50, noNaN: true }), (gaps, capacity, rate) => {
        let s = tokenBucketInit(capacity);
        let t = 0;
        const admitted: [number, number][] = [];
        for (const [gap, n] of gaps) {
          t += gap;
          const r = tokenBucket(s, t, n, capacity, rate);
          s = r.state;
          if (r.decision.allowed) admitted.push([t, n]);
        }
        // Every interval [a, b] between two admissions: what passed in it is bounded.
        for (let i = 0; i < admitted.length; i++) {
          let sum = 0;
          for (let j = i; j < admitted.length; j++) {
            sum += admitted[j][1];
            const elapsed = (admitted[j][0] - admitted[i][0]) / 1000;
            if (sum > capacity + rate * elapsed + 1e-9) return false;
          }
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });
});
