import type { LinkState } from '../network';
import type { Kernel } from './kernel';
import { Freezer, type Packed } from './freezer';
import { denseRefs, packQueue, sparseRefs, unpackQueue, type PackedQueue, type SparseRefs } from './packed-queue';
import { ItemKind } from '../queue';
import type { Recorder } from './recorder';
import type { Timers } from './timers';
import type { Transport } from './transport';
import type { LiveWorld, WorldState } from './types';

/** A world as time travel keeps it: its queue packed, its unchanging parts shared (see `take`). */
interface Frozen {
  /** Its node and link records are the previous snapshot's where they are the same. */
  world: LiveWorld;
  /** Per link, its `lastArrival` (which changes all the time, so its record would not be shared). */
  arrivals: Float64Array;
  cancelled: number[];
  /** Its queue, whose `ref` is empty: the references left once messages are packed are in `refs`. */
  queue: PackedQueue;
  refs: SparseRefs;
  /** The node states and queued messages taken out of `world` and `queue`, as numbers. */
  packed: Packed;
}

interface Snapshot {
  step: number;
  t: number;
  frozen: Frozen;
  /** About how much memory it holds of its own (see `sizeOf`). */
  bytes: number;
}

/**
 * The memory snapshots may hold together. A snapshot holds every node's state and every message
 * in flight (about 70 KB with 300 nodes, packed), so a long run snapshotted at a fixed spacing
 * held gigabytes; past this, snapshots are dropped where they stand closest together (see
 * `drop`). A seek re-runs the steps from the snapshot before it, so the more fit, the faster
 * it is: with 300 nodes a run of 1,000,000 trace events keeps about 180. At 12 MB it kept 134,
 * and the engine's share of a seek took a third longer (4.5 against 3.3 ms in Node), for 4 MB
 * less of the 64 the bench allows such a run.
 */
export const SNAPSHOT_BYTES = 16 * 2 ** 20;

/**
 * And at most this many, however small: finding the one to drop, or to restore, reads them all.
 */
export const MAX_SNAPSHOTS = 512;

/**
 * Snapshots and time travel. The world is taken every `every` steps the first time a run
 * passes them (the spacing grows as a long run fills SNAPSHOT_BYTES); seeking restores the
 * nearest one before the target (or the start) and the caller runs forward from it. A restored
 * world runs on exactly as the original did, because the world (queue, RNG, timers and all) is
 * plain data, so which snapshots exist changes how long a seek takes, never where it lands.
 */
export class TimeTravel {
  private snapshots: Snapshot[] = [];
  /** What `snapshots` hold together (see `sizeOf`). */
  private bytes = 0;
  private readonly initial: Frozen;
  private readonly freezer = new Freezer();

  constructor(
    private readonly k: Kernel,
    private readonly timers: Timers,
    private readonly transport: Transport,
    private readonly rec: Recorder,
    private every: number,
    private readonly budget: number = SNAPSHOT_BYTES,
  ) {
    this.initial = this.take();
    if (every > 0) this.keep({ step: 0, t: 0, frozen: this.initial, bytes: sizeOf(this.initial) });
  }

  /** How many snapshots are held (never more than MAX_SNAPSHOTS). */
  get kept(): number {
    return this.snapshots.length;
  }

  /** About how much memory the snapshots hold (no more than the budget, unless only two are kept). */
  get keptBytes(): number {
    return this.bytes;
  }

  /** Takes a snapshot if `step`, just run for the first time, is due one. */
  stepDone(step: number): void {
    if (this.every > 0 && step % this.every === 0) {
      const last = this.snapshots.length > 0 ? this.snapshots[this.snapshots.length - 1].frozen : this.initial;
      const frozen = this.take(last);
      this.keep({ step, t: this.k.w.t, frozen, bytes: sizeOf(frozen, last) });
      while (this.snapshots.length > 2 && (this.bytes > this.budget || this.snapshots.length > MAX_SNAPSHOTS)) this.drop();
    }
  }

  private keep(s: Snapshot): void {
    this.snapshots.push(s);
    this.bytes += s.bytes;
  }

  /**
   * Drops the snapshot whose neighbours stand closest together (the earliest of equals; never
   * the first or the last), which keeps the spacing even: a seek re-runs up to the gap it lands
   * in. New ones are then taken twice as far apart as the closest two kept: each new one makes
   * room by thinning the closer ones before it, so the count stays at what the budget holds
   * while a long run takes no more snapshots than halving them all at once did (taking one
   * costs a millisecond or two with 300 nodes).
   */
  private drop(): void {
    const ss = this.snapshots;
    let at = 1;
    for (let i = 2; i < ss.length - 1; i++) if (ss[i + 1].step - ss[i - 1].step < ss[at + 1].step - ss[at - 1].step) at = i;
    this.bytes -= ss[at].bytes;
    ss.splice(at, 1);
    let gap = Infinity;
    for (let i = 1; i < ss.length; i++) gap = Math.min(gap, ss[i].step - ss[i - 1].step);
    this.every = Math.max(this.every, 2 * gap);
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
    const f = (best ?? { frozen: this.initial }).frozen;
    this.k.q.clear();
    unpackQueue(f.queue, this.k.q, this.freezer.thawRefs(f.packed, denseRefs(f.refs)));
    const world = thaw(f.world);
    this.freezer.thawStates(f.packed, world.nodes);
    world.links.forEach((l, li) => {
      l.lastArrival[0] = f.arrivals[2 * li];
      l.lastArrival[1] = f.arrivals[2 * li + 1];
    });
    this.load(world, f.cancelled);
  }

  /** The whole world as plain JSON-serialisable data (a deep copy). */
  capture(): WorldState {
    const k = this.k;
    k.syncStates();
    this.transport.save();
    return structuredClone({ ...k.w, cancelled: this.timers.save(), queue: k.q.entries() });
  }

  /** Replaces the world with a captured one. The trace is kept (it describes the same run). */
  restore(world: WorldState): void {
    const { queue, cancelled, ...rest } = structuredClone(world);
    const q = this.k.q;
    q.clear();
    for (const e of queue) q.push(e.time, e.seq, e.item);
    this.load(rest, cancelled);
  }

  /**
   * The world as a snapshot that shares what the engine never changes in place: model states
   * (handlers return new ones, see ModelDef), messages, timer payloads, clocks and params. Only
   * the records the engine does write to are copied, and of those, a node's or link's record
   * that is the same as in `last` (the snapshot before) is that one: with 300 nodes the copies
   * were most of a snapshot's heap. A deep copy (structuredClone) of a 300-node world took tens
   * of milliseconds and most of the time of recording a long run.
   */
  private take(last?: Frozen): Frozen {
    const k = this.k;
    k.syncStates();
    this.transport.save();
    const world = thaw(k.w);
    const queue = packQueue(k.q);
    const packed = this.freezer.freeze(world.nodes, queue.ref, (i) => queue.kind[i] === ItemKind.Msg || queue.kind[i] === ItemKind.Lost);
    const links = world.links;
    const arrivals = new Float64Array(2 * links.length);
    for (let li = 0; li < links.length; li++) {
      arrivals[2 * li] = links[li].lastArrival[0];
      arrivals[2 * li + 1] = links[li].lastArrival[1];
    }
    if (last !== undefined) {
      const before = last.world;
      for (let i = 0; i < world.nodes.length; i++) if (sameRecord(world.nodes[i], before.nodes[i], 1)) world.nodes[i] = before.nodes[i];
      for (let li = 0; li < links.length; li++) if (sameRecord(links[li], before.links[li], 2)) links[li] = before.links[li];
    }
    return { world, arrivals, cancelled: this.timers.save(), queue: { ...queue, ref: [] }, refs: sparseRefs(queue.ref), packed };
  }

  /** Makes `world`, which nothing else holds, the world, the queue being filled already. */
  private load(world: LiveWorld, cancelled: readonly number[]): void {
    this.timers.load(cancelled);
    this.k.replace(world);
    this.transport.load();
    this.rec.rewind(world.step);
  }
}

/** Bytes a record of a few fields takes, about: what `sizeOf` counts one that is not shared as. */
const RECORD_BYTES = 200;

/**
 * About how much memory `f` holds that the snapshot before it (`last`) does not: its typed
 * arrays, a slot per reference, and the node and link records it does not share.
 */
function sizeOf(f: Frozen, last?: Frozen): number {
  const q = f.queue;
  const p = f.packed;
  let bytes = f.arrivals.byteLength + q.time.byteLength + q.other.byteLength + q.values.byteLength + q.seq.byteLength + q.int.byteLength + q.kind.byteLength;
  bytes += p.coded.byteLength + p.stateShape.byteLength + p.stateOff.byteLength + p.refShape.byteLength + p.refOff.byteLength;
  bytes += f.refs.at.byteLength + 8 * (f.refs.vals.length + f.cancelled.length);
  const { nodes, links } = f.world;
  for (let i = 0; i < nodes.length; i++) if (nodes[i] !== last?.world.nodes[i]) bytes += RECORD_BYTES;
  for (let i = 0; i < links.length; i++) if (links[i] !== last?.world.links[i]) bytes += RECORD_BYTES;
  return bytes;
}

/**
 * A copy of `w` whose parts the engine writes to in place are its own: node records (their
 * fields are reassigned, never their values changed), links (arrival times, connection numbers,
 * TCP senders), the generator state, metrics, and the monitors' list. Everything else is shared.
 */
function thaw(w: LiveWorld): LiveWorld {
  return {
    ...w,
    rng: [...w.rng],
    nodes: w.nodes.map((n) => ({ ...n })),
    links: w.links.map(thawLink),
    metrics: { ...w.metrics },
    monitors: [...w.monitors],
  };
}

/** A link record's own copy: params, buffers and `ended` are replaced when they change, never edited. */
function thawLink(l: LinkState): LinkState {
  return { ...l, lastArrival: [l.lastArrival[0], l.lastArrival[1]], conn: [l.conn[0], l.conn[1]], tcp: [{ ...l.tcp[0] }, { ...l.tcp[1] }] };
}

/**
 * True when records `a` and `b` have the same keys with the same values, compared by identity
 * or, `depth` levels down, as arrays or plain objects compared likewise (a link's connection
 * numbers and TCP senders). A link's `lastArrival` is left out: a snapshot keeps it apart.
 */
function sameRecord(a: object, b: object | undefined, depth: number): boolean {
  if (b === undefined) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let keys = 0;
  for (const key in x) {
    keys++;
    if (key === 'lastArrival' || x[key] === y[key]) continue;
    const u = x[key];
    const v = y[key];
    if (depth === 0 || typeof u !== 'object' || typeof v !== 'object' || u === null || v === null || Array.isArray(u) !== Array.isArray(v)) return false;
    if (!sameRecord(u, v, depth - 1)) return false;
  }
  for (const key in y) if (--keys < 0 || !(key in x)) return false;
  return keys === 0;
}
