import { describe, expect, it } from 'vitest';
import { CROSS_MS, CROWDED_WIRE, Pacer, QUIET_MS } from './pacing';

/** Wall ms the pacer takes to move the cursor from `from` to `to`, in 16 ms frames, with `input` fixed. */
function wallTime(p: Pacer, from: number, to: number, input: Omit<Parameters<Pacer['advance']>[1], 'now'>): number {
  let now = from;
  let wall = 0;
  while (now < to - 1e-9 && wall < 1e7) {
    now += p.advance(16, { ...input, now });
    wall += 16;
  }
  return wall;
}

describe('pacing', () => {
  it('slows virtual time so a short message takes a readable time to cross at 1×, and the chosen speed scales it', () => {
    const flight = [{ sentAt: 100, arriveAt: 115 }];
    const at1 = wallTime(new Pacer(), 100, 115, { speed: 1, inFlight: flight, next: 115 });
    expect(at1).toBeGreaterThanOrEqual(CROSS_MS - 16);
    expect(at1).toBeLessThanOrEqual(CROSS_MS + 16);
    const at10 = wallTime(new Pacer(), 100, 115, { speed: 10, inFlight: flight, next: 115 });
    expect(at10).toBeLessThanOrEqual(CROSS_MS / 10 + 16);
  });

  it('never runs slower than real time for a message already slow enough to see', () => {
    expect(new Pacer().advance(16, { speed: 1, now: 0, inFlight: [{ sentAt: 0, arriveAt: 2000 }], next: 2000 })).toBe(16);
  });

  it('crosses a quiet gap quickly, at a steady rate, and stops at the next event', () => {
    const p = new Pacer();
    const wall = wallTime(p, 0, 5000, { speed: 1, inFlight: [], next: 5000 });
    expect(wall).toBeLessThanOrEqual(QUIET_MS + 16);
    const q = new Pacer();
    const a = q.advance(16, { speed: 1, now: 0, inFlight: [], next: 5000 });
    const b = q.advance(16, { speed: 1, now: 4990, inFlight: [], next: 5000 });
    expect(a).toBeCloseTo((16 * 5000) / QUIET_MS);
    expect(b).toBe(10);
    // A short gap passes in real time.
    expect(new Pacer().advance(16, { speed: 1, now: 0, inFlight: [], next: 200 })).toBe(16);
  });

  it('plays a crowded wire at the chosen speed: hundreds of dots are not followed one by one', () => {
    const many = Array.from({ length: CROWDED_WIRE + 1 }, (_, i) => ({ sentAt: i, arriveAt: i + 15 }));
    expect(new Pacer().advance(16, { speed: 1, now: 10, inFlight: many, next: 11 })).toBe(16);
  });

  it('runs at the chosen speed when nothing is left to happen', () => {
    expect(new Pacer().advance(16, { speed: 2, now: 0, inFlight: [], next: Infinity })).toBe(32);
  });
});
