/**
 * When a traffic source's requests arrive, as a pure function of the shape, the arrival's index
 * and the previous arrival: the program (program.ts) asks for one arrival at a time, so a long
 * run holds no list, and a test can ask for the first few.
 */
import type { TrafficShape } from './params';

/** One arrival: its time (ms after the source started) and permits (undefined: the source's default). */
export interface Arrival {
  at: number;
  permits?: number;
}

/**
 * Arrival `i` (from 0), given arrival `i − 1`'s time (`prevAt`, 0 for the first) and a uniform
 * random number in [0, 1) drawn for it; null when the shape has no more.
 */
export function arrival(shape: TrafficShape, i: number, prevAt: number, u: number): Arrival | null {
  switch (shape.type) {
    case 'constant':
      return { at: (i * 1000) / shape.ratePerSec };
    case 'poisson':
      // Exponential gaps: −ln(1 − u) × mean, u in [0, 1) so the log is finite.
      return { at: prevAt + (-Math.log(1 - u) * 1000) / shape.ratePerSec };
    case 'bursts': {
      const perOn = Math.max(1, Math.ceil((shape.onMs * shape.ratePerSec) / 1000 - 1e-9));
      const k = Math.floor(i / perOn);
      return { at: k * (shape.onMs + shape.offMs) + ((i % perOn) * 1000) / shape.ratePerSec };
    }
    case 'boundary': {
      const n = 2 * shape.perSide;
      const k = Math.floor(i / n);
      if (k > 0 && shape.everyMs === 0) return null;
      const b = shape.firstBoundaryMs + k * shape.everyMs;
      const j = i % n;
      const step = shape.spreadMs / shape.perSide;
      // Before the boundary: the last one lands a step before it; after it: the first lands on it.
      return { at: Math.max(0, j < shape.perSide ? b - shape.spreadMs + j * step : b + (j - shape.perSide) * step) };
    }
    case 'ramp': {
      if (i === 0) return { at: 0 };
      const progress = Math.min(1, prevAt / shape.overMs);
      const rate = shape.fromPerSec + (shape.toPerSec - shape.fromPerSec) * progress;
      return { at: prevAt + 1000 / rate };
    }
    case 'scripted': {
      const sorted = shape.arrivals.length > 1 ? [...shape.arrivals].sort((a, b) => a.at - b.at) : shape.arrivals;
      return i < sorted.length ? { at: sorted[i].at, permits: sorted[i].permits } : null;
    }
  }
}

/** The first `n` arrivals with random numbers from `random` (for tests and previews). */
export function arrivals(shape: TrafficShape, n: number, random: () => number): Arrival[] {
  const out: Arrival[] = [];
  let prev = 0;
  for (let i = 0; i < n; i++) {
    const a = arrival(shape, i, prev, random());
    if (a === null) break;
    out.push(a);
    prev = a.at;
  }
  return out;
}
