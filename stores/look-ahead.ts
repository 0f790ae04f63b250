import type { Simulation } from '@/engine/core/simulation';
import { buildSimulation } from '@/engine/scenario/build';
import type { Scenario } from '@/engine/scenario/schema';
import { afterPaint, nextTask, type Schedule } from './after-paint';
import { PREVIEW_STEPS, TimelineBuilder, type TimelineSummary } from './timeline';

/** How the look-ahead shares the main thread. */
export interface LookAheadOptions {
  /** How the first slice, and the first after a seek, is queued (default: after the next paint, so what changed shows first). */
  first?: Schedule;
  /** How each later slice is queued (default: as the next task). */
  schedule?: Schedule;
  /** How long a slice may run, in ms, before it yields (default 8). */
  sliceMs?: number;
  /** Least time between two progress reports, in ms (default 100): each re-renders the timeline. */
  reportMs?: number;
  /** The clock slices are timed with (default performance.now). */
  now?: () => number;
}

/** What the look-ahead tells its owner. */
export interface LookAheadHooks {
  /** The summary grew (at most once every `reportMs`). */
  progress(summary: TimelineSummary): void;
  /**
   * The look-ahead ran the whole run (or as far as a run is previewed): the final summary, and
   * the scout simulation that ran it, at the end of the run with its snapshots taken.
   */
  done(summary: TimelineSummary, scout: Simulation): void;
}

/** Engine events between two looks at the clock. */
const BATCH = 64;

/**
 * Looks a run ahead after the first paint: a second "scout" simulation of the same scenario
 * runs ahead in slices of a few ms, yielding to input and paint between them, and its trace is
 * read into a growing timeline summary. The played simulation is never touched, so the cursor
 * moves freely meanwhile; whatever the played one computes beyond the scout (a seek far ahead)
 * is read from its trace instead (`catchUp`), since both record the same run.
 */
export class LookAhead {
  private readonly untilMs: number;
  private readonly builder: TimelineBuilder;
  private scout: Simulation | null = null;
  /** Every event before this virtual time has been read into the summary. */
  private known = 0;
  private state: 'running' | 'done' | 'cancelled' = 'running';
  private paused = false;
  /** The next slice waits for a paint a seek asked for (yieldToPaint). */
  private yielding = false;
  private unqueue: (() => void) | null = null;
  private reportedAt = -Infinity;
  private last: TimelineSummary;
  private readonly now: () => number;

  constructor(
    private readonly scenario: Scenario,
    private readonly hooks: LookAheadHooks,
    private readonly opts: LookAheadOptions = {},
  ) {
    this.untilMs = scenario.playback.untilMs;
    this.builder = new TimelineBuilder(this.untilMs);
    this.last = this.builder.summary(0, true, false);
    this.now = opts.now ?? (() => performance.now());
    this.unqueue = (opts.first ?? afterPaint)(() => this.slice(opts.sliceMs ?? 8));
  }

  /** The summary so far (the final one once done). */
  get summary(): TimelineSummary {
    return this.last;
  }

  /** Still computing: neither done nor cancelled. */
  get running(): boolean {
    return this.state === 'running';
  }

  /** Stops for good (the run it looks at was replaced); no hook is called after this. */
  cancel(): void {
    if (this.state !== 'running') return;
    this.state = 'cancelled';
    this.unqueue?.();
    this.unqueue = null;
    this.scout = null;
  }

  /**
   * Stops computing until `resume` (its player left the page; React's strict mode remounts a
   * player at once, so this is not the end of it). Nothing is lost: the scout keeps its place.
   */
  pause(): void {
    this.paused = true;
    this.unqueue?.();
    this.unqueue = null;
  }

  /** Goes on computing after `pause`, from where it stood. */
  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    if (this.state === 'running' && this.unqueue === null) this.unqueue = (this.opts.schedule ?? nextTask)(() => this.slice(this.opts.sliceMs ?? 8));
  }

  /** Computes the rest now, in one go (blocking), and calls `done`. */
  finish(): void {
    if (this.state !== 'running') return;
    this.unqueue?.();
    this.unqueue = null;
    this.slice(Infinity);
  }

  /**
   * Lets the page paint before the next slice: a seek has just changed what it shows, and a
   * slice already queued as the next task would otherwise run first and hold that frame back.
   */
  yieldToPaint(): void {
    // Once per paint: a drag seeks on every pointer move, and must not starve the look-ahead.
    if (this.state !== 'running' || this.paused || this.unqueue === null || this.yielding) return;
    this.unqueue();
    this.yielding = true;
    this.unqueue = (this.opts.first ?? afterPaint)(() => this.slice(this.opts.sliceMs ?? 8));
  }

  /**
   * Hands the scout over for a seek to virtual time `target` that `played`, a simulation of the
   * same run, has never reached while the scout has: the scout seeks back from one of its own
   * snapshots where `played` would run every event up to the target. `played` becomes the scout
   * and goes on from where it stands, re-running what the summary already holds until it gets
   * past it. Null (nothing changes) when the scout is not ahead of both.
   */
  handOver(played: Simulation, target: number): Simulation | null {
    const scout = this.scout;
    if (this.state !== 'running' || scout === null) return null;
    const reached = played.trace.length;
    if (scout.trace.length <= reached || (reached > 0 && target <= played.trace.timeAt(reached - 1))) return null;
    this.scout = played;
    return scout;
  }

  /**
   * Reads what `played`, a simulation of the same run, has recorded beyond what the summary
   * holds. Returns true when the summary changed. When `played` has covered the whole run the
   * look-ahead is done, without the `done` hook (there is no scout to hand over: the played
   * simulation already holds the run).
   */
  catchUp(played: Simulation): boolean {
    if (this.state !== 'running') return false;
    const trace = played.trace;
    const read = this.builder.read;
    this.builder.readTo(trace, trace.length);
    const next = played.peek();
    const whole = next > this.untilMs;
    const cut = played.steps >= PREVIEW_STEPS;
    if (whole || cut) {
      this.known = whole ? this.untilMs : played.time;
      this.end(whole);
      return true;
    }
    if (next <= this.known && this.builder.read === read) return false;
    this.known = Math.max(this.known, next);
    this.last = this.builder.summary(this.known, true, false);
    return true;
  }

  /** Runs the scout for up to `budgetMs` (building it first when this is the first slice). */
  private slice(budgetMs: number): void {
    this.unqueue = null;
    this.yielding = false;
    if (this.state !== 'running' || (this.paused && budgetMs !== Infinity)) return;
    const start = this.now();
    this.scout ??= buildSimulation(this.scenario);
    const s = this.scout;
    const until = this.untilMs;
    let ended = false;
    while (!ended) {
      for (let k = 0; k < BATCH; k++) {
        if (s.steps >= PREVIEW_STEPS || s.peek() > until) {
          ended = true;
          break;
        }
        s.step();
      }
      if (this.now() - start >= budgetMs) break;
    }
    this.builder.readTo(s.trace, s.trace.length);
    this.known = Math.max(this.known, s.peek());
    if (ended) {
      this.end(s.peek() > until);
      this.hooks.done(this.last, s);
      return;
    }
    if (this.now() - this.reportedAt >= (this.opts.reportMs ?? 100)) {
      this.reportedAt = this.now();
      this.last = this.builder.summary(this.known, true, false);
      this.hooks.progress(this.last);
    }
    if (!this.paused) this.unqueue = (this.opts.schedule ?? nextTask)(() => this.slice(budgetMs));
  }

  private end(complete: boolean): void {
    this.state = 'done';
    this.unqueue?.();
    this.unqueue = null;
    this.scout = null;
    this.last = this.builder.summary(this.known, false, complete);
  }
}
