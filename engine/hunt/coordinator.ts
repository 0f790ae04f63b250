import type { FirstViolation } from '../core/simulation';
import type { Scenario } from '../scenario/schema';
import { runSchedule } from './run';
import { scheduleFor, type Distribution, type FaultKind } from './schedule';

/** What a hunt is asked: how many runs at most, its seed, and what faults to draw. */
export interface HuntConfig {
  runs: number;
  seed: number;
  distribution: Distribution;
}

/** A stretch of run indices, [from, to), handed to one worker. */
export interface Chunk {
  from: number;
  to: number;
}

/** A worker's answer for a chunk: it ran [from, end) and stopped early at a failure, if any. */
export interface ChunkResult extends Chunk {
  end: number;
  failure: { index: number; violation: FirstViolation } | null;
  events: number;
}

/** What was tried, over the runs counted: the honest extent of a "no violation". */
export interface Coverage {
  runs: number;
  faults: number;
  byKind: Partial<Record<FaultKind, number>>;
  /** Runs by their number of faults: runsWithFaults[n] runs had n faults. */
  runsWithFaults: number[];
  events: number;
}

/** Where a hunt stands, or how it ended. */
export interface HuntStatus {
  /** The lowest failing run index found, with its violation: the same whatever the number of workers. */
  failure: { index: number; violation: FirstViolation } | null;
  /** Runs [0, runs) all done; coverage counts exactly these. */
  coverage: Coverage;
  /** True when every run up to the first failure, or all `config.runs`, are done. */
  complete: boolean;
}

/** One worker's work on a chunk: runs its indices in order and stops at the first that fails. */
export function runChunk(s: Scenario, config: HuntConfig, chunk: Chunk, shouldStop: () => boolean = () => false): ChunkResult {
  let events = 0;
  for (let i = chunk.from; i < chunk.to; i++) {
    if (shouldStop()) return { ...chunk, end: i, failure: null, events };
    const out = runSchedule(s, scheduleFor(s, config.distribution, config.seed, i));
    events += out.events;
    if (out.violation) return { ...chunk, end: i + 1, failure: { index: i, violation: out.violation }, events };
  }
  return { ...chunk, end: chunk.to, failure: null, events };
}

/**
 * Hands out chunks of run indices in order and gathers the results, so that the outcome does
 * not depend on how many workers there are or which finishes first: the first failure is the
 * lowest failing index, and it is final only once every chunk below it is done. Pure; the
 * browser's Web Workers, Node's worker_threads and the in-process loop all drive it.
 */
export class HuntCoordinator {
  private nextFrom = 0;
  private readonly done = new Map<number, ChunkResult>();
  private outstanding = 0;
  private cancelled = false;
  private failure: ChunkResult['failure'] = null;
  /** Runs [0, prefix) are done, in an unbroken line of chunks; `events` is what they took. */
  private prefix = 0;
  private events = 0;
  private readonly cov: Coverage = { runs: 0, faults: 0, byKind: {}, runsWithFaults: [], events: 0 };

  constructor(
    private readonly scenario: Scenario,
    readonly config: HuntConfig,
    private readonly chunkSize = 50,
  ) {}

  /** The next chunk to run, or null: none left, a failure below it, or cancelled. */
  next(): Chunk | null {
    if (!this.more()) return null;
    const limit = this.failure ? this.failure.index : this.config.runs;
    const chunk = { from: this.nextFrom, to: Math.min(this.nextFrom + this.chunkSize, limit) };
    this.nextFrom = chunk.to;
    this.outstanding++;
    return chunk;
  }

  private more(): boolean {
    return !this.cancelled && this.nextFrom < (this.failure ? this.failure.index : this.config.runs);
  }

  /** Takes a worker's result for a chunk it was handed. */
  report(r: ChunkResult): void {
    this.outstanding--;
    this.done.set(r.from, r);
    if (r.failure && (!this.failure || r.failure.index < this.failure.index)) this.failure = r.failure;
  }

  /** Stops handing out chunks; the status then counts only the runs done in an unbroken prefix. */
  cancel(): void {
    this.cancelled = true;
  }

  /** True when nothing is out and nothing more will be handed out. */
  get finished(): boolean {
    return this.outstanding === 0 && !this.more();
  }

  /** Where the hunt stands: the unbroken prefix of runs done, and the lowest failure. */
  status(): HuntStatus {
    // Walk on from where the last call stopped: the prefix only grows.
    for (let r = this.done.get(this.prefix); r; r = this.done.get(this.prefix)) {
      this.events += r.events;
      this.prefix = r.end;
      if (r.end < r.to) break;
    }
    const f = this.failure;
    const counted = f ? Math.min(this.prefix, f.index + 1) : this.prefix;
    this.countTo(counted);
    const complete = f ? this.prefix > f.index : this.prefix >= this.config.runs;
    const cov = this.cov;
    return {
      failure: f,
      coverage: { ...cov, byKind: { ...cov.byKind }, runsWithFaults: Array.from(cov.runsWithFaults, (n) => n ?? 0), events: this.events },
      complete,
    };
  }

  /** Adds runs up to `runs` to the coverage, from their schedules (a pure function of the index: cheap to recompute). */
  private countTo(runs: number): void {
    const cov = this.cov;
    for (let i = cov.runs; i < runs; i++) {
      const sch = scheduleFor(this.scenario, this.config.distribution, this.config.seed, i);
      cov.faults += sch.faults.length;
      cov.runsWithFaults[sch.faults.length] = (cov.runsWithFaults[sch.faults.length] ?? 0) + 1;
      for (const f of sch.faults) cov.byKind[f.kind] = (cov.byKind[f.kind] ?? 0) + 1;
    }
    cov.runs = Math.max(cov.runs, runs);
  }
}
