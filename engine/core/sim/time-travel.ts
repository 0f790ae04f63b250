import type { Kernel } from './kernel';
import type { Recorder } from './recorder';
import type { Timers } from './timers';
import type { Transport } from './transport';
import type { WorldState } from './types';

interface Snapshot {
  step: number;
  t: number;
  world: WorldState;
}

/**
 * At most this many snapshots are kept. A world is a deep copy of every node's state and every
 * message in flight (about 1 MB with 300 nodes), so a long run snapshotted at a fixed spacing
 * held gigabytes; past this count every other snapshot goes and the spacing doubles. A seek then
 * re-runs at most one spacing: about run length / 32 steps.
 */
export const MAX_SNAPSHOTS = 64;

/**
 * Snapshots and time travel. The world is taken every `every` steps the first time a run
 * passes them (the spacing doubles as a long run fills MAX_SNAPSHOTS); seeking restores the
 * nearest one before the target (or the start) and the caller runs forward from it. A restored
 * world runs on exactly as the original did, because the world (queue, RNG, timers and all) is
 * plain data, so which snapshots exist changes how long a seek takes, never where it lands.
 */
export class TimeTravel {
  private snapshots: Snapshot[] = [];
  private readonly initial: WorldState;

  constructor(
    private readonly k: Kernel,
    private readonly timers: Timers,
    private readonly transport: Transport,
    private readonly rec: Recorder,
    private every: number,
  ) {
    this.initial = this.capture();
    if (every > 0) this.snapshots.push({ step: 0, t: 0, world: this.initial });
  }

  /** How many snapshots are held (never more than MAX_SNAPSHOTS). */
  get kept(): number {
    return this.snapshots.length;
  }

  /** Takes a snapshot if `step`, just run for the first time, is due one. */
  stepDone(step: number): void {
    if (this.every > 0 && step % this.every === 0) {
      this.snapshots.push({ step, t: this.k.w.t, world: this.capture() });
      if (this.snapshots.length > MAX_SNAPSHOTS) this.thin();
    }
  }

  /** Keeps the snapshots at multiples of twice the spacing (step 0 among them), and doubles it. */
  private thin(): void {
    this.every *= 2;
    this.snapshots = this.snapshots.filter((s) => s.step % this.every === 0);
  }

  /**
   * Restores the latest snapshot at or before `target` (in the unit `key` reads) unless the
   * world is already at or before the target with no snapshot in between, where running on
   * is cheaper.
   */
  rewindFor(target: number, key: (s: { step: number; t: number }) => number): void {
    const now = key(this.k.w);
    if (!(target < now) && !this.snapshots.some((s) => key(s) > now && key(s) <= target)) return;
    let best: Snapshot | undefined;
    for (const s of this.snapshots) if (key(s) <= target) best = s;
    this.restore((best ?? { world: this.initial }).world);
  }

  /** The whole world as plain JSON-serialisable data (a deep copy). */
  capture(): WorldState {
    const k = this.k;
    k.syncStates();
    this.transport.save();
    return structuredClone({
      ...k.w,
      cancelled: this.timers.save(),
      queue: k.q.entries(),
    });
  }

  /** Replaces the world with a captured one. The trace is kept (it describes the same run). */
  restore(world: WorldState): void {
    const k = this.k;
    const copy = structuredClone(world);
    this.timers.load(copy.cancelled);
    k.q.clear();
    for (const e of copy.queue) k.q.push(e.time, e.seq, e.item);
    const { queue: _q, cancelled: _c, ...rest } = copy;
    k.replace(rest);
    this.transport.load();
    this.rec.rewind(rest.step);
  }
}
