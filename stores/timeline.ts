import type { Say } from '@/engine/core/phrase';
import type { Simulation } from '@/engine/core/simulation';
import type { TraceLog } from '@/engine/core/trace-log';
import type { TraceEventOf, ViolationSpan } from '@/engine/core/trace-types';
import { RateCollector, type RateChart } from './rate-chart';

/** How many columns the event-density strip under the scrubber has. */
export const DENSITY_BINS = 160;

/** A run longer than this many engine events is summarised only as far as it got. */
export const PREVIEW_STEPS = 200_000;

/** An invariant violation, where it happened and what it says. */
export interface Violation {
  /** Trace index. */
  i: number;
  t: number;
  step: number;
  monitor: string;
  message: Say;
  /** The nodes involved (from the monitor). */
  nodes: readonly string[];
  /** Trace index of the event that caused it, when the monitor knows one. */
  cause?: number;
  /** The node that caused it (the server whose lease ran out, the client whose DEL did the harm). */
  causeNode?: string;
  /** Stretches of time it points at (the halves of a burst), for the rate chart. */
  spans?: readonly ViolationSpan[];
}

/** A fault the engine applied (from an intervention), for timeline markers. */
export interface FaultMark {
  i: number;
  t: number;
  type: string;
}

/** What the scrubber shows about the whole run: how busy each stretch is, and where it breaks. */
export interface TimelineSummary {
  untilMs: number;
  /** Trace events per bin, DENSITY_BINS bins over [0, untilMs]. */
  density: readonly number[];
  /** The busiest bin's count (for scaling). */
  peak: number;
  violations: readonly Violation[];
  faults: readonly FaultMark[];
  /** True once the summary reaches the end of the run; false while it is computed, or when the run was too long to look ahead to its end. */
  complete: boolean;
  /** More of the run is still being computed (the look-ahead runs after the first paint). */
  computing: boolean;
  /** The summary holds every event before this virtual time (`untilMs` once complete). */
  knownMs: number;
  /** Rate limiters' decisions per time slice (the chart under the canvas), or null when there are none. */
  rates: RateChart | null;
}

/**
 * Reads a run's trace into a TimelineSummary, a stretch at a time, so the summary can grow
 * while the run is computed. Trace indexes are the run's, not a simulation's: two simulations
 * of the same scenario record the same trace, so stretches may come from either.
 */
export class TimelineBuilder {
  private readonly density = new Array<number>(DENSITY_BINS).fill(0);
  private readonly violations: Violation[] = [];
  private readonly faults: FaultMark[] = [];
  private readonly rates: RateCollector;
  private readonly width: number;
  private next = 0;

  constructor(readonly untilMs: number) {
    this.width = untilMs / DENSITY_BINS;
    this.rates = new RateCollector(untilMs);
  }

  /** How many trace events have been read: the next stretch starts here. */
  get read(): number {
    return this.next;
  }

  /**
   * Reads events from `read` up to `end` (exclusive) of `trace`, and of those only the ones
   * within the first PREVIEW_STEPS steps and at or before `untilMs`.
   */
  readTo(trace: TraceLog, end: number): void {
    const stop = Math.min(end, trace.length, trace.firstIndexOfStep(PREVIEW_STEPS));
    const { untilMs, width, density } = this;
    for (let i = this.next; i < stop; i++) {
      const t = trace.timeAt(i);
      if (t > untilMs) break;
      density[Math.min(DENSITY_BINS - 1, Math.floor(t / width))]++;
      const type = trace.typeAt(i);
      if (type === 'invariant.violation') {
        const ev = trace.get(i) as TraceEventOf<'invariant.violation'>;
        const cause = ev.causeNode === undefined ? {} : { cause: ev.cause, causeNode: ev.causeNode };
        this.violations.push({ i, t, step: ev.step, monitor: ev.monitor, message: ev.message, nodes: ev.nodes, ...cause, ...(ev.spans ? { spans: ev.spans } : {}) });
      } else if (type.startsWith('fault.')) {
        this.faults.push({ i, t, type });
      } else if (type === 'limiter.decision') {
        this.rates.add(trace.get(i) as TraceEventOf<'limiter.decision'>);
      }
    }
    this.next = Math.max(this.next, stop);
  }

  /**
   * The summary of what has been read, as a value of its own (later reads do not change it):
   * every event before `knownMs` is in it; `computing` says more will be read, and `complete`
   * that the run's end was reached.
   */
  summary(knownMs: number, computing: boolean, complete: boolean): TimelineSummary {
    const density = this.density.slice();
    const rates = this.rates.result();
    return {
      untilMs: this.untilMs,
      density,
      peak: Math.max(1, ...density),
      violations: this.violations.slice(),
      faults: this.faults.slice(),
      complete,
      computing,
      knownMs: complete ? this.untilMs : Math.min(knownMs, this.untilMs),
      rates: rates && { ...rates, series: rates.series.map((x) => ({ node: x.node, bins: x.bins.map((b) => ({ ...b })) })) },
    };
  }
}

/**
 * Runs `sim` to the end of the run (`untilMs`) and reads the whole trace into a summary, in one
 * go. The simulation is left at the end. The playback store looks ahead the same way in slices
 * (look-ahead.ts); this is the one-shot form, for tests and tools that want the summary now.
 */
export function lookAhead(sim: Simulation, untilMs: number): TimelineSummary {
  let budget = PREVIEW_STEPS;
  while (budget-- > 0 && sim.peek() <= untilMs) sim.step();
  const b = new TimelineBuilder(untilMs);
  b.readTo(sim.trace, sim.trace.length);
  const complete = sim.peek() > untilMs;
  return b.summary(sim.peek(), false, complete);
}

/** The first violation the cursor has not yet passed (processed fewer than `steps` events), if any. */
export function nextViolation(summary: TimelineSummary, steps: number): Violation | undefined {
  return summary.violations.find((v) => v.step >= steps);
}
