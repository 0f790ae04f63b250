import type { Say } from '@/engine/core/phrase';
import type { Simulation } from '@/engine/core/simulation';
import type { TraceEventOf, ViolationSpan } from '@/engine/core/trace-types';
import { RateCollector, type RateChart } from './rate-chart';

/** How many columns the event-density strip under the scrubber has. */
export const DENSITY_BINS = 160;

/** A run longer than this many engine events is summarised only as far as it got. */
const PREVIEW_STEPS = 200_000;

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
  /** False when the run was too long to look ahead to its end. */
  complete: boolean;
  /** Rate limiters' decisions per time slice (the chart under the canvas), or null when there are none. */
  rates: RateChart | null;
}

/**
 * Runs `sim` to the end of the run (`untilMs`) and reads the whole trace into a summary. The
 * simulation is left at the end; the caller seeks it back to the cursor (seeking is cheap:
 * snapshots). Looking ahead is what lets the timeline show violations before playback reaches
 * them and lets "pause on violation" stop exactly at one.
 */
export function lookAhead(sim: Simulation, untilMs: number): TimelineSummary {
  let budget = PREVIEW_STEPS;
  while (budget-- > 0 && sim.peek() <= untilMs) sim.step();
  const complete = sim.peek() > untilMs;
  const end = sim.trace.length;
  const density = new Array<number>(DENSITY_BINS).fill(0);
  const violations: Violation[] = [];
  const faults: FaultMark[] = [];
  const width = untilMs / DENSITY_BINS;
  const rates = new RateCollector(untilMs);
  for (let i = 0; i < end; i++) {
    const t = sim.trace.timeAt(i);
    if (t > untilMs) break;
    density[Math.min(DENSITY_BINS - 1, Math.floor(t / width))]++;
    const type = sim.trace.typeAt(i);
    if (type === 'invariant.violation') {
      const ev = sim.trace.get(i) as TraceEventOf<'invariant.violation'>;
      const cause = ev.causeNode === undefined ? {} : { cause: ev.cause, causeNode: ev.causeNode };
      violations.push({ i, t, step: ev.step, monitor: ev.monitor, message: ev.message, nodes: ev.nodes, ...cause, ...(ev.spans ? { spans: ev.spans } : {}) });
    } else if (type.startsWith('fault.')) {
      faults.push({ i, t, type });
    } else if (type === 'limiter.decision') {
      rates.add(sim.trace.get(i) as TraceEventOf<'limiter.decision'>);
    }
  }
  return { untilMs, density, peak: Math.max(1, ...density), violations, faults, complete, rates: rates.result() };
}

/** The first violation the cursor has not yet passed (processed fewer than `steps` events), if any. */
export function nextViolation(summary: TimelineSummary, steps: number): Violation | undefined {
  return summary.violations.find((v) => v.step >= steps);
}
