import { localTime } from './clock';
import type { Intervention } from './faults';
import type { LinkState } from './network';
import { ItemKind, type EventQueue } from './queue';
import { buildWorld } from './sim/build';
import { Handlers } from './sim/handlers';
import { Interventions } from './sim/interventions';
import { CRASHED, Kernel, PAUSED, item } from './sim/kernel';
import { Recorder, type FirstViolation } from './sim/recorder';
import { TimeTravel } from './sim/time-travel';
import { Timers } from './sim/timers';
import { Transport } from './sim/transport';
import type { InFlight, LiveWorld, NodeRuntime, Registry, SimOptions, SimSpec, WorldState } from './sim/types';
import type { TraceLog } from './trace-log';
import type { ModelDef } from './types';

export type { FirstViolation } from './sim/recorder';
export type { InFlight, NodeRuntime, NodeStatus, SimOptions, SimSpec, WorldState } from './sim/types';

/**
 * A deterministic discrete-event simulation. Same spec + seed -> the same trace, byte for byte:
 * all randomness comes from one seeded stream and ties in time are broken by sequence number.
 *
 * This file is the event loop and the public face; the parts live in `sim/`: building the
 * world (`build`), the state they share (`kernel`), how messages cross links (`transport`),
 * timers, faults (`interventions`), running handlers with their ctx (`handlers`), the trace
 * and monitors (`recorder`), and snapshots (`time-travel`).
 */
export class Simulation {
  readonly trace: TraceLog;
  readonly nodeIds: readonly string[];
  readonly linkIds: readonly string[];
  private readonly k: Kernel;
  // The kernel's parts the loop reads, held directly (see Kernel).
  private readonly q: EventQueue;
  private readonly w: LiveWorld;
  private readonly rec: Recorder;
  private readonly timers: Timers;
  private readonly handlers: Handlers;
  private readonly transport: Transport;
  private readonly faults: Interventions;
  private readonly travel: TimeTravel;

  constructor(spec: SimSpec, registry: Registry, opts: SimOptions = {}) {
    const monitors = spec.monitors ?? [];
    const k = new Kernel(buildWorld(spec, registry, monitors));
    this.k = k;
    this.q = k.q;
    this.w = k.w;
    this.nodeIds = k.nodeIds;
    this.linkIds = k.linkIds;
    this.rec = new Recorder(k, monitors, opts.record ?? true);
    this.trace = this.rec.trace;
    this.timers = new Timers(k);
    this.handlers = new Handlers(k, this.rec, this.timers);
    this.transport = new Transport(k, this.rec, this.handlers);
    this.handlers.connect(this.transport);
    this.faults = new Interventions(k, this.rec, this.handlers, this.transport);
    // Interventions first, then every node's start: ties at t = 0 run in this order.
    for (const iv of spec.interventions ?? []) this.faults.schedule(iv);
    for (let i = 0; i < k.nodeIds.length; i++) k.schedule(0, item(ItemKind.Start, i));
    this.travel = new TimeTravel(k, this.timers, this.transport, this.rec, opts.snapshotEvery ?? 1000, opts.snapshotBytes);
  }

  /** True time of the last processed event (or the time runUntil reached). */
  get time(): number {
    return this.w.t;
  }

  /** Number of events processed so far. */
  get steps(): number {
    return this.w.step;
  }

  /** Run metrics (counters from handlers and monitors). */
  get metrics(): Readonly<Record<string, number>> {
    return this.w.metrics;
  }

  /** The first invariant violation of this run so far (kept with the trace off too), or null. */
  get firstViolation(): FirstViolation | null {
    return this.rec.firstViolation;
  }

  /** Time of the next event, or Infinity when nothing is scheduled. */
  peek(): number {
    const q = this.q;
    for (let slot = q.peekSlot(); slot >= 0 && this.dead(slot); slot = q.peekSlot()) q.release(q.popSlot());
    return q.peekTime();
  }

  /** Processes the next event. Returns false when nothing is left. */
  step(): boolean {
    return this.run(0, 1, false) === 1;
  }

  /** Processes every event at or before `t`, then sets the time to `t`. Returns events run. */
  runUntil(t: number): number {
    const n = this.run(t, Infinity, true);
    if (t > this.w.t && Number.isFinite(t)) this.w.t = t;
    return n;
  }

  /** How many world snapshots time travel holds: bounded, whatever the run's length. */
  get snapshotsKept(): number {
    return this.travel.kept;
  }

  /** About how much memory those snapshots hold: bounded too (SimOptions.snapshotBytes). */
  get snapshotBytes(): number {
    return this.travel.keptBytes;
  }

  /** Moves to the state just after `step` events (backwards or forwards). */
  seekStep(step: number): void {
    const target = Math.max(0, Math.floor(step));
    this.travel.rewindFor(target, (s) => s.step);
    while (this.w.step < target && this.step());
  }

  /** Moves to the state after every event at or before time `t`: the same as a straight run. */
  seekTime(t: number): void {
    this.travel.rewindFor(t, (s) => s.t);
    this.runUntil(t);
  }

  /** Schedules a fault while running (the chainable harness uses it); `at` must not be past. */
  intervene(iv: Intervention): void {
    if (iv.at < this.w.t) throw new RangeError(`intervention at ${iv.at} is before the current time ${this.w.t}`);
    this.faults.schedule(iv);
  }

  /** Messages on the wire now, for the canvas. */
  inFlight(): InFlight[] {
    return this.transport.inFlight();
  }

  /**
   * A node's run-time record (status, clock, model state) as of now. Read-only by contract;
   * its `state` is brought up to date by this call, so call again after stepping.
   */
  node(id: string): Readonly<NodeRuntime> {
    const i = this.indexOf(id);
    const n = this.w.nodes[i];
    n.state = this.k.states[i];
    return n;
  }

  /** A node's local clock reading now. */
  localNow(id: string): number {
    const n = this.node(id);
    return localTime(n.clock, this.w.t);
  }

  /** A link's run-time record as of now (its FIFO arrival times are updated by this call). */
  link(id: string): Readonly<LinkState> {
    return this.transport.link(id);
  }

  /** The whole world as plain JSON-serialisable data (a deep copy). */
  capture(): WorldState {
    return this.travel.capture();
  }

  /** Replaces the world with a captured one. The trace is kept (it describes the same run). */
  restore(world: WorldState): void {
    this.travel.restore(world);
  }

  /** The model of node `id`. */
  modelOf(id: string): ModelDef<unknown, unknown> {
    return this.k.models[this.indexOf(id)];
  }

  private indexOf(id: string): number {
    const i = this.k.idIndex.get(id);
    if (i === undefined) throw new Error(`no node "${id}"`);
    return i;
  }

  /**
   * The event loop, the one body behind step() and runUntil(): runs up to `max` events, and
   * when `timed` only those at or before `until` (step() takes the next event whenever it is).
   * Dead timers are popped on the way and do not count as events.
   */
  private run(until: number, max: number, timed: boolean): number {
    const q = this.q;
    let n = 0;
    while (n < max && q.size > 0) {
      const t = q.peekTime();
      if (timed && !(t <= until)) break;
      const slot = q.popSlot();
      if (q.kind[slot] >= ItemKind.Timer && this.dead(slot)) {
        q.release(slot);
        continue;
      }
      this.w.t = t;
      this.process(slot);
      q.release(slot);
      n++;
    }
    return n;
  }

  /** A cancelled or stale timer, or a superseded retransmission: not an event. */
  private dead(slot: number): boolean {
    const k = this.q.kind[slot];
    if (k === ItemKind.Timer) return this.timers.isDead(slot);
    return k === ItemKind.Retransmit && this.transport.tcp.stale(slot);
  }

  /**
   * Handles the popped event in `slot`; the caller has set the time to the event's (passing it
   * as an argument would box the double on every call). A message is by far the commonest
   * event; the rest are handled out of line, so this stays small enough for the compiler to
   * inline it, with the delivery path, into the loop.
   */
  private process(slot: number): void {
    if (this.q.kind[slot] === ItemKind.Msg) this.transport.arrive(slot);
    else this.processOther(slot);
    const w = this.w;
    w.step++;
    if (this.rec.completes(w.step)) this.travel.stepDone(w.step);
  }

  /** Every event but a message: lost messages, timers, starts, interventions, resumes. */
  private processOther(slot: number): void {
    const q = this.q;
    const node = q.node[slot];
    switch (q.kind[slot] as ItemKind) {
      case ItemKind.Lost:
        this.transport.vanish(slot);
        break;
      case ItemKind.Retransmit:
        // The kernel retransmits: a paused process does not stop it.
        this.transport.tcp.retransmit(slot);
        break;
      case ItemKind.Timer:
        if (this.k.status[node] === PAUSED) this.k.hold(node, q.itemAt(slot));
        else {
          const payload = q.ref[slot];
          this.rec.emit(node, 'timer.fire', { id: q.id[slot], payload });
          this.handlers.timer(node, payload);
        }
        break;
      case ItemKind.Start:
        // A node crashed before it started starts when it is restarted (the restart runs its
        // start); one paused at t = 0 starts when it runs again.
        if (this.k.status[node] === CRASHED) break;
        if (this.k.status[node] === PAUSED) {
          this.k.hold(node, q.itemAt(slot));
          break;
        }
        this.rec.emit(node, 'node.start', {});
        this.handlers.start(node);
        break;
      case ItemKind.Fault:
        this.faults.apply(q.ref[slot] as Intervention);
        break;
      case ItemKind.Resume:
        this.faults.resume(node, q.id[slot]);
        break;
    }
  }
}
