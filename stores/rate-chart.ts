import type { TraceEventOf } from '@/engine/core/trace-types';

/** One time slice of one limiter: requests let through at once, after a wait, and refused. */
export interface RateBin {
  accepted: number;
  queued: number;
  rejected: number;
}

/** One limiter's decisions over the run, slice by slice. */
export interface RateSeries {
  node: string;
  bins: RateBin[];
}

/** What the chart under the canvas shows: every limiter's decisions per time slice of the whole run. */
export interface RateChart {
  binMs: number;
  untilMs: number;
  series: RateSeries[];
}

/** Slice lengths the chart picks from: the shortest that keeps a run within MAX_BINS slices. */
const STEPS = [50, 100, 200, 250, 500, 1000, 2000, 5000, 10_000, 30_000, 60_000];
const MAX_BINS = 100;

/** The slice length for a run of `untilMs`. */
export function binMsFor(untilMs: number): number {
  return STEPS.find((s) => untilMs / s <= MAX_BINS) ?? Math.ceil(untilMs / MAX_BINS);
}

/** Collects `limiter.decision` events into a chart while the timeline reads the run. */
export class RateCollector {
  private readonly byNode = new Map<string, RateBin[]>();
  private readonly binMs: number;
  private readonly count: number;

  constructor(private readonly untilMs: number) {
    this.binMs = binMsFor(untilMs);
    this.count = Math.max(1, Math.ceil(untilMs / this.binMs));
  }

  add(ev: TraceEventOf<'limiter.decision'>): void {
    let bins = this.byNode.get(ev.node);
    if (!bins) {
      bins = Array.from({ length: this.count }, () => ({ accepted: 0, queued: 0, rejected: 0 }));
      this.byNode.set(ev.node, bins);
    }
    const b = bins[Math.min(this.count - 1, Math.floor(ev.t / this.binMs))];
    if (!ev.allowed) b.rejected++;
    else if (ev.waitMs > 0) b.queued++;
    else b.accepted++;
  }

  /** The chart, or null when no limiter decided anything (no chart to show). */
  result(): RateChart | null {
    if (this.byNode.size === 0) return null;
    return { binMs: this.binMs, untilMs: this.untilMs, series: [...this.byNode].map(([node, bins]) => ({ node, bins })) };
  }
}
