import { localTime, monotonicTime, newClock, setDrift, skewClock, trueDuration, type LocalClock } from './clock';
import { EventQueue, ItemKind, type QueueItem } from './queue';
import { HandlerCtx } from './handler-ctx';
import type { Intervention } from './faults';
import type { MonitorCtx, MonitorDef } from './monitor';
import { DEFAULT_LINK, LinkTable, type LinkParams, type LinkState } from './network';
import { nextFloat, seedRng, type RngState } from './rng';
import { TraceLog } from './trace-log';
import type { TraceData, TraceEvent, TraceType } from './trace-types';
import type { Ctx, ModelDef, Msg } from './types';

/** Where a node is in its life. */
export type NodeStatus = 'up' | 'crashed' | 'paused';

/** A node at run time: plain data. */
export interface NodeRuntime {
  id: string;
  type: string;
  params: unknown;
  status: NodeStatus;
  /** Bumped on each crash, so timers set before it never fire after. */
  incarnation: number;
  /** Bumped on each pause, so only the latest pause's resume counts. */
  pauseId: number;
  pausedUntil: number;
  clock: LocalClock;
  state: unknown;
  /** Messages and timers that arrived while paused, in arrival order. */
  deferred: QueueItem[];
}

// Node status codes in `Simulation.status`, mirroring `NodeRuntime.status`.
const UP = 0;
const CRASHED = 1;
const PAUSED = 2;
const statusCode = (s: NodeStatus) => (s === 'up' ? UP : s === 'crashed' ? CRASHED : PAUSED);

function item(k: ItemKind, node: number): QueueItem {
  return { k, node, from: -1, link: -1, sentAt: 0, msg: null, id: 0, inc: 0, payload: null };
}

/** The whole world as plain data: what a snapshot holds. */
export interface WorldState {
  t: number;
  seq: number;
  step: number;
  rng: RngState;
  nextTimerId: number;
  nodes: NodeRuntime[];
  links: LinkState[];
  cancelled: number[];
  metrics: Record<string, number>;
  monitors: unknown[];
  queue: { time: number; seq: number; item: QueueItem }[];
}

/** What a simulation is built from (the scenario builder produces this). */
export interface SimSpec {
  seed: number;
  nodes: { id: string; type: string; params: unknown; skewMs?: number; drift?: number }[];
  links: { id: string; source: string; target: string; params?: Partial<LinkParams> }[];
  interventions?: Intervention[];
  monitors?: MonitorDef[];
}

export interface SimOptions {
  /** Record the trace (the UI and CLI do; the bench measures both ways). Default true. */
  record?: boolean;
  /** Take a snapshot every this many steps, for time travel. 0 = never. Default 1000. */
  snapshotEvery?: number;
}

/**
 * A message on the wire, for animation. A lost message (`lost`) vanishes half-way: its
 * `arriveAt` is the moment it disappears, not an arrival.
 */
export interface InFlight {
  from: string;
  to: string;
  link: string;
  sentAt: number;
  arriveAt: number;
  msg: Msg;
  lost: boolean;
  seq: number;
}

type Registry = Readonly<Record<string, ModelDef<never, unknown>>>;

interface Snapshot {
  step: number;
  t: number;
  world: WorldState;
}

/**
 * A deterministic discrete-event simulation. Same spec + seed -> the same trace, byte for byte:
 * all randomness comes from one seeded stream and ties in time are broken by sequence number.
 */
export class Simulation {
  readonly trace: TraceLog;
  readonly nodeIds: readonly string[];
  readonly linkIds: readonly string[];
  private readonly models: ModelDef<unknown, unknown>[];
  private readonly idIndex = new Map<string, number>();
  /** Per node: neighbour id -> link index. One small map lookup per send. */
  private readonly routes: Map<string, number>[];
  private readonly linkById = new Map<string, number>();
  private readonly neighbourIds: string[][];
  private readonly monitors: readonly MonitorDef[];
  private readonly watchedBy = new Map<string, number[]>();
  private readonly monitorsDeliver: boolean;
  private readonly recording: boolean;
  private readonly snapshotEvery: number;
  private readonly snapshots: Snapshot[] = [];
  private readonly initial: WorldState;

  private q = new EventQueue(1024);
  private w!: Omit<WorldState, 'queue' | 'cancelled'>;
  /*
   * The hot per-node fields, out of the NodeRuntime records: with a thousand nodes, reading a
   * node's record on every event is a cache miss. Status and incarnation are written to both
   * (they change only on faults); model state is authoritative here and copied into the
   * records when the world is read (`node`, `capture`). `restore` reloads all three.
   */
  private readonly states: unknown[];
  private readonly status: Uint8Array;
  private readonly incarnation: Int32Array;
  /** The links' hot fields; FIFO arrival times are authoritative here (see LinkTable). */
  private links!: LinkTable;
  private cancelled = new Set<number>();
  /** Steps whose trace is complete; replaying below it records nothing. */
  private recordedSteps = 0;
  /** Index the next emitted event has (or had, when replaying) in the trace. */
  private nextIndex = 0;
  private cur = -1;
  /** Sender and link of the message being handled, or -1 outside onMessage. */
  private curFrom = -1;
  private curLink = -1;
  /** Per node: the last destination sent to and its link, a one-entry route cache. */
  private readonly lastTo: (string | undefined)[];
  private readonly lastLink: Int32Array;
  private curStep = 0;
  private readonly ctx: Ctx;
  private readonly mctx: MonitorCtx;
  private curMonitor = 0;

  constructor(spec: SimSpec, registry: Registry, opts: SimOptions = {}) {
    this.recording = opts.record ?? true;
    this.snapshotEvery = opts.snapshotEvery ?? 1000;
    this.monitors = spec.monitors ?? [];
    this.nodeIds = spec.nodes.map((n) => n.id);
    this.linkIds = spec.links.map((l) => l.id);
    this.trace = new TraceLog(this.nodeIds);
    if (spec.nodes.length > 32767) throw new RangeError('at most 32767 nodes');
    this.models = spec.nodes.map((n) => {
      const m = registry[n.type];
      if (!m) throw new Error(`unknown node type "${n.type}" for node "${n.id}"`);
      return m as ModelDef<unknown, unknown>;
    });
    spec.nodes.forEach((n, i) => {
      if (this.idIndex.has(n.id)) throw new Error(`duplicate node id "${n.id}"`);
      this.idIndex.set(n.id, i);
    });
    this.neighbourIds = spec.nodes.map(() => []);
    this.routes = spec.nodes.map(() => new Map());
    this.lastTo = spec.nodes.map(() => undefined);
    this.lastLink = new Int32Array(spec.nodes.length);
    this.states = spec.nodes.map(() => null);
    this.status = new Uint8Array(spec.nodes.length);
    this.incarnation = new Int32Array(spec.nodes.length);
    const links: LinkState[] = spec.links.map((l, li) => {
      const a = this.idIndex.get(l.source);
      const b = this.idIndex.get(l.target);
      if (a === undefined || b === undefined) throw new Error(`link "${l.id}" joins an unknown node`);
      this.routes[a].set(l.target, li);
      this.routes[b].set(l.source, li);
      this.linkById.set(l.id, li);
      this.neighbourIds[a].push(l.target);
      this.neighbourIds[b].push(l.source);
      const params = { ...DEFAULT_LINK, ...l.params };
      return { id: l.id, a, b, params, extraLatencyMs: 0, lastArrival: [0, 0] };
    });
    this.monitors.forEach((m, mi) => {
      for (const type of m.watches) {
        const list = this.watchedBy.get(type) ?? [];
        list.push(mi);
        this.watchedBy.set(type, list);
      }
    });
    this.monitorsDeliver = this.watchedBy.has('net.deliver');
    this.setWorld({
      t: 0,
      seq: 0,
      step: 0,
      rng: seedRng(spec.seed),
      nextTimerId: 1,
      nodes: spec.nodes.map((n, i) => ({
        id: n.id,
        type: n.type,
        params: n.params,
        status: 'up',
        incarnation: 0,
        pauseId: 0,
        pausedUntil: 0,
        clock: newClock(n.skewMs ?? 0, n.drift ?? 0),
        state: this.models[i].init(n.params),
        deferred: [],
      })),
      links,
      metrics: {},
      monitors: this.monitors.map((m) => m.init()),
    });
    for (const iv of spec.interventions ?? []) this.scheduleFault(iv);
    for (let i = 0; i < spec.nodes.length; i++) this.schedule(0, item(ItemKind.Start, i));

    this.ctx = new HandlerCtx({
      now: () => localTime(this.w.nodes[this.cur].clock, this.w.t),
      monotonic: () => monotonicTime(this.w.nodes[this.cur].clock, this.w.t),
      self: () => this.nodeIds[this.cur],
      send: (to, msg) => this.send(this.cur, to, msg),
      reply: (msg) => {
        if (this.curFrom < 0) throw new Error(`${this.nodeIds[this.cur]}: reply() outside a message handler`);
        this.sendOn(this.cur, this.curLink, msg);
      },
      setTimer: (delayMs, payload) => this.setTimer(this.cur, delayMs, payload),
      cancelTimer: (id) => {
        this.cancelled.add(id);
      },
      trace: (type, data) => this.emit(this.cur, type, data),
      random: () => nextFloat(this.w.rng),
      metric: (name, delta = 1) => {
        this.w.metrics[name] = (this.w.metrics[name] ?? 0) + delta;
      },
      neighbours: () => this.neighbourIds[this.cur],
      typeOf: (id) => {
        const i = this.idIndex.get(id);
        return i === undefined ? undefined : this.w.nodes[i].type;
      },
    });
    this.mctx = {
      violate: (message, nodes, cause) => {
        const at = nodes.length > 0 ? (this.idIndex.get(nodes[0]) ?? -1) : -1;
        this.emit(at, 'invariant.violation', { monitor: this.monitors[this.curMonitor].id, message, nodes, cause });
      },
      metric: (name, delta = 1) => {
        this.w.metrics[name] = (this.w.metrics[name] ?? 0) + delta;
      },
      setMetric: (name, value) => {
        this.w.metrics[name] = value;
      },
    };
    this.initial = this.capture();
    if (this.snapshotEvery > 0) this.snapshots.push({ step: 0, t: 0, world: this.initial });
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

  /** Time of the next event, or Infinity when nothing is scheduled. */
  peek(): number {
    this.skipDead();
    return this.q.peekTime();
  }

  /** Processes the next event. Returns false when nothing is left. */
  step(): boolean {
    const q = this.q;
    while (q.size > 0) {
      const t = q.peekTime();
      const slot = q.popSlot();
      if (q.kind[slot] === ItemKind.Timer && this.isDead(slot)) {
        q.release(slot);
        continue;
      }
      this.w.t = t;
      this.process(slot);
      q.release(slot);
      return true;
    }
    return false;
  }

  /** Processes every event at or before `t`, then sets the time to `t`. Returns events run. */
  runUntil(t: number): number {
    let n = 0;
    const q = this.q;
    while (q.size > 0 && q.peekTime() <= t) {
      const at = q.peekTime();
      const slot = q.popSlot();
      if (q.kind[slot] === ItemKind.Timer && this.isDead(slot)) {
        q.release(slot);
        continue;
      }
      this.w.t = at;
      this.process(slot);
      q.release(slot);
      n++;
    }
    if (t > this.w.t && Number.isFinite(t)) this.w.t = t;
    return n;
  }

  /** Moves to the state just after `step` events (backwards or forwards). */
  seekStep(step: number): void {
    const target = Math.max(0, Math.floor(step));
    if (target < this.w.step || !this.canRunOnFrom(target, (s) => s.step)) {
      this.restoreBest((s) => s.step <= target);
    }
    while (this.w.step < target && this.step());
  }

  /** Moves to the state after every event at or before time `t`: the same as a straight run. */
  seekTime(t: number): void {
    if (t < this.w.t || !this.canRunOnFrom(t, (s) => s.t)) this.restoreBest((s) => s.t <= t);
    this.runUntil(t);
  }

  /** Schedules a fault while running (the chainable harness uses it); `at` must not be past. */
  intervene(iv: Intervention): void {
    if (iv.at < this.w.t) throw new RangeError(`intervention at ${iv.at} is before the current time ${this.w.t}`);
    this.scheduleFault(iv);
  }

  /** Messages on the wire now, for the canvas. */
  inFlight(): InFlight[] {
    const out: InFlight[] = [];
    const q = this.q;
    q.forEach((s, time, seq) => {
      const k = q.kind[s];
      if (k !== ItemKind.Msg && k !== ItemKind.Lost) return;
      out.push({
        from: this.nodeIds[q.from[s]],
        to: this.nodeIds[q.node[s]],
        link: this.linkIds[q.link[s]],
        sentAt: q.sentAt[s],
        arriveAt: time,
        msg: q.ref[s] as Msg,
        lost: k === ItemKind.Lost,
        seq,
      });
    });
    return out.sort((a, b) => a.seq - b.seq);
  }

  /**
   * A node's run-time record (status, clock, model state) as of now. Read-only by contract;
   * its `state` is brought up to date by this call, so call again after stepping.
   */
  node(id: string): Readonly<NodeRuntime> {
    const i = this.idIndex.get(id);
    if (i === undefined) throw new Error(`no node "${id}"`);
    const n = this.w.nodes[i];
    n.state = this.states[i];
    return n;
  }

  /** A node's local clock reading now. */
  localNow(id: string): number {
    const n = this.node(id);
    return localTime(n.clock, this.w.t);
  }

  /** A link's run-time record as of now (its FIFO arrival times are updated by this call). */
  link(id: string): Readonly<LinkState> {
    const i = this.linkById.get(id);
    if (i === undefined) throw new Error(`no link "${id}"`);
    this.links.save(i, this.w.links[i]);
    return this.w.links[i];
  }

  /** The whole world as plain JSON-serialisable data (a deep copy). */
  capture(): WorldState {
    const w = this.w;
    for (let i = 0; i < w.nodes.length; i++) w.nodes[i].state = this.states[i];
    for (let li = 0; li < w.links.length; li++) this.links.save(li, w.links[li]);
    return structuredClone({
      ...this.w,
      cancelled: [...this.cancelled].sort((a, b) => a - b),
      queue: this.q.entries(),
    });
  }

  /** Replaces the world with a captured one. The trace is kept (it describes the same run). */
  restore(world: WorldState): void {
    const copy = structuredClone(world);
    this.cancelled = new Set(copy.cancelled);
    this.q = new EventQueue(Math.max(1024, copy.queue.length * 2));
    for (const e of copy.queue) this.q.push(e.time, e.seq, e.item);
    const { queue: _q, cancelled: _c, ...rest } = copy;
    this.setWorld(rest);
    this.nextIndex = this.trace.firstIndexOfStep(rest.step);
  }

  /** The model of node `id`. */
  modelOf(id: string): ModelDef<unknown, unknown> {
    const i = this.idIndex.get(id);
    if (i === undefined) throw new Error(`no node "${id}"`);
    return this.models[i];
  }

  // ---- internals ----

  /** Makes `w` the world and loads the hot per-node and per-link arrays from it. */
  private setWorld(w: Omit<WorldState, 'queue' | 'cancelled'>): void {
    this.w = w;
    w.nodes.forEach((n, i) => {
      this.states[i] = n.state;
      this.status[i] = statusCode(n.status);
      this.incarnation[i] = n.incarnation;
    });
    this.links = new LinkTable(w.links);
  }

  private setStatus(i: number, s: NodeStatus): void {
    this.w.nodes[i].status = s;
    this.status[i] = statusCode(s);
  }

  private canRunOnFrom(target: number, key: (s: Snapshot) => number): boolean {
    // Running on from here is cheaper unless a snapshot lies between us and the target.
    const cur = key({ step: this.w.step, t: this.w.t, world: this.initial });
    for (const s of this.snapshots) if (key(s) > cur && key(s) <= target) return false;
    return true;
  }

  private restoreBest(ok: (s: Snapshot) => boolean): void {
    let best: Snapshot | undefined;
    for (const s of this.snapshots) if (ok(s)) best = s;
    this.restore((best ?? { world: this.initial }).world);
  }

  private schedule(time: number, it: QueueItem): void {
    this.q.push(time, this.w.seq++, it);
  }

  private scheduleFault(iv: Intervention): void {
    const it = item(ItemKind.Fault, -1);
    it.payload = iv;
    this.schedule(iv.at, it);
  }

  /** A timer that was cancelled or outlived its node's incarnation: not an event. */
  private isDead(slot: number): boolean {
    const q = this.q;
    if (this.cancelled.delete(q.id[slot])) return true;
    return this.incarnation[q.node[slot]] !== q.inc[slot];
  }

  /** Pops dead timers off the top, so peek() sees the next real event. */
  private skipDead(): void {
    for (;;) {
      const slot = this.q.peekSlot();
      if (slot < 0 || this.q.kind[slot] !== ItemKind.Timer || !this.isDead(slot)) return;
      this.q.release(this.q.popSlot());
    }
  }

  /**
   * Handles the popped event in `slot`; the caller has set the time to the event's (passing it
   * as an argument would box the double on every call).
   */
  private process(slot: number): void {
    const w = this.w;
    const q = this.q;
    this.curStep = w.step;
    const node = q.node[slot];
    switch (q.kind[slot] as ItemKind) {
      case ItemKind.Msg:
        this.deliver(slot);
        break;
      case ItemKind.Lost:
        this.emit(q.from[slot], 'net.drop', { from: this.nodeIds[q.from[slot]], to: this.nodeIds[node], msg: q.ref[slot] as Msg, reason: 'loss' });
        break;
      case ItemKind.Timer:
        if (this.status[node] === PAUSED) this.hold(node, q.itemAt(slot));
        else {
          const payload = q.ref[slot];
          this.emit(node, 'timer.fire', { id: q.id[slot], payload });
          this.dispatchTimer(node, payload);
        }
        break;
      case ItemKind.Start:
        this.emit(node, 'node.start', {});
        this.runStart(node);
        break;
      case ItemKind.Fault:
        this.applyFault(q.ref[slot] as Intervention);
        break;
      case ItemKind.Resume:
        this.resume(node, q.id[slot]);
        break;
    }
    w.step++;
    if (this.recording && w.step > this.recordedSteps) {
      this.recordedSteps = w.step;
      if (this.snapshotEvery > 0 && w.step % this.snapshotEvery === 0) {
        this.snapshots.push({ step: w.step, t: w.t, world: this.capture() });
      }
    }
  }

  private deliver(slot: number): void {
    const q = this.q;
    const to = q.node[slot];
    const from = q.from[slot];
    const msg = q.ref[slot] as Msg;
    const status = this.status[to];
    if (status !== UP) {
      if (status === PAUSED) this.hold(to, q.itemAt(slot));
      else this.emit(to, 'net.drop', { from: this.nodeIds[from], to: this.nodeIds[to], msg, reason: 'crashed' });
      return;
    }
    const idx = this.nextIndex++;
    if (this.recording && this.curStep >= this.recordedSteps) {
      this.trace.pushDeliver(this.w.t, this.curStep, to, from, q.sentAt[slot], msg);
    }
    if (this.monitorsDeliver) {
      this.feedMonitors({ i: idx, step: this.curStep, t: this.w.t, type: 'net.deliver', node: this.nodeIds[to], from: this.nodeIds[from], sentAt: q.sentAt[slot], msg });
    }
    this.cur = to;
    this.curFrom = from;
    this.curLink = q.link[slot];
    this.states[to] = this.models[to].onMessage(this.states[to], msg, this.nodeIds[from], this.ctx);
    this.curFrom = -1;
  }

  private dispatchTimer(i: number, payload: unknown): void {
    const m = this.models[i];
    if (!m.onTimer) return;
    this.cur = i;
    this.states[i] = m.onTimer(this.states[i], payload, this.ctx);
  }

  private runStart(i: number): void {
    const m = this.models[i];
    if (!m.start) return;
    this.cur = i;
    this.states[i] = m.start(this.states[i], this.ctx);
  }

  private hold(i: number, item: QueueItem): void {
    const node = this.w.nodes[i];
    node.deferred = [...node.deferred, item];
  }

  private resume(i: number, pauseId: number): void {
    const node = this.w.nodes[i];
    if (this.status[i] !== PAUSED || node.pauseId !== pauseId) return;
    this.setStatus(i, 'up');
    const held = node.deferred;
    node.deferred = [];
    this.emit(i, 'fault.resume', { deferred: held.length });
    // Everything that waited is handled now, in the order it arrived.
    for (const h of held) this.schedule(this.w.t, h);
  }

  private send(from: number, to: string, msg: Msg): void {
    let li: number | undefined;
    if (this.lastTo[from] === to) li = this.lastLink[from];
    else {
      li = this.routes[from].get(to);
      if (li === undefined) {
        this.emit(from, 'net.drop', { from: this.nodeIds[from], to, msg, reason: 'no-link' });
        return;
      }
      this.lastTo[from] = to;
      this.lastLink[from] = li;
    }
    this.sendOn(from, li, msg);
  }

  private sendOn(from: number, li: number, msg: Msg): void {
    const w = this.w;
    const links = this.links;
    const a = links.a[li];
    const ti = a === from ? links.b[li] : a;
    if (links.partitioned(li)) {
      this.emit(from, 'net.drop', { from: this.nodeIds[from], to: this.nodeIds[ti], msg, reason: 'partition' });
      return;
    }
    const lat = links.sample(li, w.rng);
    const loss = links.loss(li);
    if (loss > 0 && nextFloat(w.rng) < loss) {
      // A lost message still leaves; it vanishes half-way, so the canvas can show it fall.
      this.q.pushMsg(w.t + lat / 2, w.seq++, true, ti, from, li, w.t, msg);
      return;
    }
    this.q.pushMsg(links.arrival(li, from, w.t + lat), w.seq++, false, ti, from, li, w.t, msg);
    const dup = links.duplicate(li);
    if (dup > 0 && nextFloat(w.rng) < dup) {
      const again = links.arrival(li, from, w.t + links.sample(li, w.rng));
      this.emit(from, 'net.duplicate', { from: this.nodeIds[from], to: this.nodeIds[ti], msg });
      this.q.pushMsg(again, w.seq++, false, ti, from, li, w.t, msg);
    }
  }

  private setTimer(i: number, delayMs: number, payload: unknown): number {
    const node = this.w.nodes[i];
    const id = this.w.nextTimerId++;
    const d = trueDuration(node.clock, Math.max(0, delayMs));
    const it = item(ItemKind.Timer, i);
    it.id = id;
    it.inc = this.incarnation[i];
    it.payload = payload;
    this.schedule(this.w.t + d, it);
    return id;
  }

  private applyFault(iv: Intervention): void {
    const w = this.w;
    if (iv.kind === 'partition' || iv.kind === 'heal' || iv.kind === 'link') {
      const li = this.linkById.get(iv.edge);
      if (li === undefined) return;
      const link = w.links[li];
      const at = link.a;
      if (iv.kind === 'link') {
        link.params = {
          ...link.params,
          loss: iv.loss ?? link.params.loss,
          duplicate: iv.duplicate ?? link.params.duplicate,
        };
        if (iv.extraLatencyMs !== undefined) link.extraLatencyMs = iv.extraLatencyMs;
        this.links.save(li, link);
        this.links.load(li, link);
        this.emit(at, 'fault.link', { edge: iv.edge, loss: iv.loss, duplicate: iv.duplicate, extraLatencyMs: iv.extraLatencyMs });
      } else {
        link.params = { ...link.params, partitioned: iv.kind === 'partition' };
        this.links.save(li, link);
        this.links.load(li, link);
        this.emit(at, iv.kind === 'partition' ? 'fault.partition' : 'fault.heal', { edge: iv.edge });
      }
      return;
    }
    const i = this.idIndex.get(iv.node);
    if (i === undefined) return;
    const node = w.nodes[i];
    switch (iv.kind) {
      case 'crash': {
        if (this.status[i] === CRASHED) return;
        const m = this.models[i];
        this.setStatus(i, 'crashed');
        node.incarnation++;
        this.incarnation[i] = node.incarnation;
        node.deferred = [];
        this.states[i] = m.crash ? m.crash(this.states[i], node.params) : m.init(node.params);
        this.emit(i, 'fault.crash', {});
        return;
      }
      case 'restart':
        if (this.status[i] !== CRASHED) return;
        this.setStatus(i, 'up');
        this.emit(i, 'fault.restart', {});
        this.runStart(i);
        return;
      case 'pause': {
        if (this.status[i] === CRASHED) return;
        this.setStatus(i, 'paused');
        node.pauseId++;
        node.pausedUntil = Math.max(node.pausedUntil, w.t + iv.durationMs);
        this.emit(i, 'fault.pause', { durationMs: iv.durationMs });
        const it = item(ItemKind.Resume, i);
        it.id = node.pauseId;
        this.schedule(node.pausedUntil, it);
        return;
      }
      case 'skew':
        node.clock = skewClock(node.clock, w.t, iv.deltaMs);
        this.emit(i, 'fault.skew', { deltaMs: iv.deltaMs, skewMs: localTime(node.clock, w.t) - w.t });
        this.clockChanged(i);
        return;
      case 'drift':
        node.clock = setDrift(node.clock, w.t, iv.drift);
        this.emit(i, 'fault.drift', { drift: iv.drift });
        this.clockChanged(i);
        return;
    }
  }

  private clockChanged(i: number): void {
    const m = this.models[i];
    // A crashed node re-arms on restart; a paused one when it runs again would be too late, but
    // its handlers may not run while frozen, so it re-arms on its next event like a real process.
    if (!m.onClockChange || this.status[i] !== UP) return;
    this.cur = i;
    this.states[i] = m.onClockChange(this.states[i], this.ctx);
  }

  private emit<K extends TraceType>(node: number, type: K, data: TraceData<K>): void {
    const idx = this.nextIndex++;
    if (this.recording && this.curStep >= this.recordedSteps) {
      this.trace.push(this.w.t, this.curStep, node, type, data as object);
    }
    if (this.watchedBy.has(type)) {
      const ev = { i: idx, step: this.curStep, t: this.w.t, type, node: node < 0 ? '' : this.nodeIds[node], ...data } as TraceEvent;
      this.feedMonitors(ev);
    }
  }

  private feedMonitors(ev: TraceEvent): void {
    const list = this.watchedBy.get(ev.type);
    if (!list) return;
    const saved = this.curMonitor;
    for (const mi of list) {
      this.curMonitor = mi;
      this.w.monitors[mi] = this.monitors[mi].onEvent(this.w.monitors[mi], ev, this.mctx);
    }
    this.curMonitor = saved;
  }
}
