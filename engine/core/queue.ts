import { KeyHeap } from './heap';
import type { Msg } from './msg';

/** What a scheduled event is. */
export const enum ItemKind {
  Start = 0,
  Msg = 1,
  Timer = 2,
  Fault = 3,
  Resume = 4,
  /** A message lost in transit: it vanishes when this event fires. */
  Lost = 5,
  /** A TCP sender's retransmission timeout expires (`link`, sender end in `inc`, generation in `id`). */
  Retransmit = 6,
}

/** A scheduled event as plain data: how snapshots, paused nodes' backlogs and the UI see it. */
export interface QueueItem {
  k: ItemKind;
  /** The node the event happens at (receiver for a message). */
  node: number;
  /** Sender of a message. */
  from: number;
  /** Link a message travels on. */
  link: number;
  sentAt: number;
  msg: Msg | null;
  /** Timer id, pause id for a resume, generation for a retransmission (0 for a message). */
  id: number;
  /** Node incarnation when a timer was set; a message's TCP connection; a retransmission's end. */
  inc: number;
  /** A timer's payload, or a fault's intervention. */
  payload: unknown;
}

/**
 * The engine's event queue: a KeyHeap of slots whose fields live in parallel typed arrays, so
 * scheduling a message allocates nothing but the message itself. The hot loop reads an event's
 * fields straight from the arrays (`popSlot`, then `release` when done with it).
 */
export class EventQueue {
  private readonly heap: KeyHeap;
  private cap: number;
  private free: Int32Array;
  private freeTop: number;
  kind: Uint8Array;
  node: Int32Array;
  from: Int32Array;
  link: Int32Array;
  sentAt: Float64Array;
  id: Float64Array;
  inc: Int32Array;
  /** The message (Msg), timer payload, or intervention of each slot. */
  ref: unknown[];

  constructor(capacity = 1024) {
    this.heap = new KeyHeap(capacity);
    this.cap = capacity;
    this.kind = new Uint8Array(capacity);
    this.node = new Int32Array(capacity);
    this.from = new Int32Array(capacity);
    this.link = new Int32Array(capacity);
    this.sentAt = new Float64Array(capacity);
    this.id = new Float64Array(capacity);
    this.inc = new Int32Array(capacity);
    this.ref = new Array(capacity).fill(undefined);
    this.free = new Int32Array(capacity);
    for (let i = 0; i < capacity; i++) this.free[i] = capacity - 1 - i;
    this.freeTop = capacity;
  }

  get size(): number {
    return this.heap.size;
  }

  peekTime(): number {
    return this.heap.peekTime();
  }

  /** Slot of the earliest event without removing it (-1 when empty). */
  peekSlot(): number {
    return this.heap.peekSlot();
  }

  /** Removes the earliest event; its fields stay readable until `release(slot)`. */
  popSlot(): number {
    return this.heap.pop();
  }

  /** Returns a popped slot to the free list. */
  release(slot: number): void {
    this.ref[slot] = undefined;
    this.free[this.freeTop++] = slot;
  }

  /** Empties the queue, keeping its capacity; slots are handed out again as by a new queue. */
  clear(): void {
    this.heap.clear();
    this.ref.fill(undefined);
    for (let i = 0; i < this.cap; i++) this.free[i] = this.cap - 1 - i;
    this.freeTop = this.cap;
  }

  /**
   * Schedules a message (or a lost one) sent on connection `conn`, without allocating a queue
   * record. `sender` is the index of the last trace event before it was sent (see
   * `Recorder.lastIndex`), kept in the slot's `id`, which a message has no other use for.
   */
  pushMsg(time: number, seq: number, lost: boolean, to: number, from: number, link: number, sentAt: number, msg: Msg, conn: number, sender: number): void {
    const s = this.take();
    this.kind[s] = lost ? ItemKind.Lost : ItemKind.Msg;
    this.node[s] = to;
    this.from[s] = from;
    this.link[s] = link;
    this.sentAt[s] = sentAt;
    this.inc[s] = conn;
    this.id[s] = sender;
    this.ref[s] = msg;
    this.heap.push(time, seq, s);
  }

  /** Schedules any event from its plain-data form. */
  push(time: number, seq: number, it: QueueItem): void {
    const s = this.take();
    this.kind[s] = it.k;
    this.node[s] = it.node;
    this.from[s] = it.from;
    this.link[s] = it.link;
    this.sentAt[s] = it.sentAt;
    this.id[s] = it.id;
    this.inc[s] = it.inc;
    this.ref[s] = it.k === ItemKind.Msg || it.k === ItemKind.Lost ? it.msg : it.payload;
    this.heap.push(time, seq, s);
  }

  /** The plain-data form of a slot's event. */
  itemAt(s: number): QueueItem {
    const k = this.kind[s] as ItemKind;
    const isMsg = k === ItemKind.Msg || k === ItemKind.Lost;
    return {
      k,
      node: this.node[s],
      from: isMsg ? this.from[s] : -1,
      link: isMsg || k === ItemKind.Retransmit ? this.link[s] : -1,
      sentAt: isMsg ? this.sentAt[s] : 0,
      msg: isMsg ? (this.ref[s] as Msg) : null,
      id: isMsg ? 0 : this.id[s],
      inc: this.inc[s],
      payload: isMsg ? null : (this.ref[s] ?? null),
    };
  }

  /** Visits every scheduled event's slot in heap order (not sorted). */
  forEach(fn: (slot: number, time: number, seq: number) => void): void {
    this.heap.forEach(fn);
  }

  /** Every scheduled event as plain data, sorted by (time, seq). */
  entries(): { time: number; seq: number; item: QueueItem }[] {
    const out: { time: number; seq: number; item: QueueItem }[] = [];
    this.heap.forEach((s, time, seq) => out.push({ time, seq, item: this.itemAt(s) }));
    return out.sort((a, b) => a.time - b.time || a.seq - b.seq);
  }

  private take(): number {
    if (this.freeTop === 0) this.grow();
    return this.free[--this.freeTop];
  }

  private grow(): void {
    const old = this.cap;
    const cap = old * 2;
    const widen = <A extends Uint8Array | Int32Array | Float64Array>(a: A, make: (n: number) => A): A => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.kind = widen(this.kind, (n) => new Uint8Array(n));
    this.node = widen(this.node, (n) => new Int32Array(n));
    this.from = widen(this.from, (n) => new Int32Array(n));
    this.link = widen(this.link, (n) => new Int32Array(n));
    this.sentAt = widen(this.sentAt, (n) => new Float64Array(n));
    this.id = widen(this.id, (n) => new Float64Array(n));
    this.inc = widen(this.inc, (n) => new Int32Array(n));
    this.ref.length = cap;
    this.ref.fill(undefined, old);
    const free = new Int32Array(cap);
    // All old slots are in use (the free list was empty); the new ones are free.
    for (let i = 0; i < cap - old; i++) free[i] = cap - 1 - i;
    this.free = free;
    this.freeTop = cap - old;
    this.cap = cap;
  }
}
