import { EventQueue, ItemKind, type QueueItem } from '../queue';
import type { ModelDef } from '../types';
import type { Built } from './build';
import type { LiveWorld, NodeStatus } from './types';

// Node status codes in `Kernel.status`, mirroring `NodeRuntime.status`.
export const UP = 0;
export const CRASHED = 1;
export const PAUSED = 2;
const statusCode = (s: NodeStatus) => (s === 'up' ? UP : s === 'crashed' ? CRASHED : PAUSED);

/** A scheduled event of kind `k` at `node` with every other field empty. */
export function item(k: ItemKind, node: number): QueueItem {
  return { k, node, from: -1, link: -1, sentAt: 0, msg: null, id: 0, inc: 0, payload: null };
}

/**
 * The run-time state every part of the engine shares: the world record, the event queue and
 * the hot per-node fields. None of these objects is ever replaced (restoring a snapshot refills
 * them), so the parts (transport, timers, interventions, handlers, recorder, time travel) keep
 * their own references to the ones they use: on the hot path a field of the part itself is one
 * load, where reaching through this object would be two.
 */
export class Kernel {
  readonly nodeIds: readonly string[];
  readonly labels: ReadonlyMap<string, string>;
  readonly linkIds: readonly string[];
  readonly idIndex: ReadonlyMap<string, number>;
  readonly models: readonly ModelDef<unknown, unknown>[];
  readonly q = new EventQueue(1024);
  readonly w: LiveWorld;
  /*
   * The hot per-node fields, out of the NodeRuntime records: with a thousand nodes, reading a
   * node's record on every event is a cache miss. Status and incarnation are written to both
   * (they change only on faults); model state is authoritative here and copied into the
   * records when the world is read (`syncStates`). `replace` reloads all three.
   */
  readonly states: unknown[];
  readonly status: Uint8Array;
  readonly incarnation: Int32Array;

  constructor(b: Built) {
    this.nodeIds = b.nodeIds;
    this.labels = b.labels;
    this.linkIds = b.linkIds;
    this.idIndex = b.idIndex;
    this.models = b.models;
    this.states = b.nodeIds.map(() => null);
    this.status = new Uint8Array(b.nodeIds.length);
    this.incarnation = new Int32Array(b.nodeIds.length);
    this.w = b.world;
    this.loadNodes();
  }

  /** Makes `world` (a restored copy, not shared) the world and reloads the hot per-node arrays. */
  replace(world: LiveWorld): void {
    Object.assign(this.w, world);
    this.loadNodes();
  }

  private loadNodes(): void {
    this.w.nodes.forEach((n, i) => {
      this.states[i] = n.state;
      this.status[i] = statusCode(n.status);
      this.incarnation[i] = n.incarnation;
    });
  }

  /** Copies the authoritative model states into the node records. */
  syncStates(): void {
    const nodes = this.w.nodes;
    for (let i = 0; i < nodes.length; i++) nodes[i].state = this.states[i];
  }

  /** Queues `it` at `time`; ties in time run in the order they were scheduled. */
  schedule(time: number, it: QueueItem): void {
    this.q.push(time, this.w.seq++, it);
  }

  setStatus(i: number, s: NodeStatus): void {
    this.w.nodes[i].status = s;
    this.status[i] = statusCode(s);
  }

  /** Keeps an event that reached a paused node until it resumes, in arrival order. */
  hold(i: number, it: QueueItem): void {
    const node = this.w.nodes[i];
    node.deferred = [...node.deferred, it];
  }

  /** Adds `delta` to a run metric (handlers and monitors both count). */
  metric(name: string, delta: number): void {
    const m = this.w.metrics;
    m[name] = (m[name] ?? 0) + delta;
  }
}
