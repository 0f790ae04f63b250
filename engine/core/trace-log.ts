import { FlatCodec, ValueColumn } from './flat-codec';
import type { Msg } from './msg';
import type { TraceEvent, TraceType } from './trace-types';

const CHUNK = 1 << 14;

/** Interned event-type codes, so each record stores a byte instead of a string. */
const typeCodes = new Map<string, number>();
const typeNames: string[] = [];
function codeOf(type: string): number {
  let c = typeCodes.get(type);
  if (c === undefined) {
    c = typeNames.length;
    // TraceType is a closed union of a few dozen names: a byte holds them.
    if (c > 0xff) throw new RangeError(`more than 256 trace event types (adding "${type}")`);
    typeNames.push(type);
    typeCodes.set(type, c);
  }
  return c;
}
const DELIVER = codeOf('net.deliver');

interface Chunk {
  t: Float64Array;
  /** The step of the chunk's first event: `step16` holds the others' offsets from it. */
  stepBase: number;
  step16: Uint16Array;
  /** The steps in full, once an offset no longer fits 16 bits (a run of steps without events). */
  step32: Uint32Array | null;
  code: Uint8Array;
  node: Int16Array;
  /** A delivery's sender. */
  from: Int16Array;
  /**
   * A delivery's send time, as how many events back one happened at that time (the step that
   * sent it recorded one); 0 when there is none within 16 bits, and the time is in `sentFull`.
   */
  sent: Uint16Array;
  sentFull: Float64Array | null;
  /**
   * Where the event's flat values start in the trace's value column: `off16` holds the offset
   * from `offBase` (the column's length when the chunk began), or for a record whose values are
   * an earlier one's (SHARED), how many events back that one is; `off32` holds every offset in
   * full once one of those no longer fits 16 bits.
   */
  offBase: number;
  off16: Uint16Array;
  off32: Uint32Array | null;
  /**
   * The FlatCodec shape id + 1 of a delivered message or an event's fields; 0 when they are an
   * object in `data`. SHARED is set on a delivery whose values are an earlier one's (the same
   * message object sent to many nodes).
   */
  shape: Uint16Array;
  /** The event's fields (or a delivery's message) that are not plain data, as objects: allocated with the first one. */
  data: unknown[] | null;
}

function newChunk(stepBase: number, offBase: number): Chunk {
  return {
    t: new Float64Array(CHUNK),
    stepBase,
    step16: new Uint16Array(CHUNK),
    step32: null,
    code: new Uint8Array(CHUNK),
    node: new Int16Array(CHUNK),
    from: new Int16Array(CHUNK),
    sent: new Uint16Array(CHUNK),
    sentFull: null,
    offBase,
    off16: new Uint16Array(CHUNK),
    off32: null,
    shape: new Uint16Array(CHUNK),
    data: null,
  };
}

/** Shape ids stored inline are below this; a message of a later shape is kept as an object. */
const MAX_INLINE_SHAPE = 0x7ffe;
/** In `shape`: this record's values belong to an earlier record. */
const SHARED = 0x8000;

function setStep(c: Chunk, j: number, step: number): void {
  const d = step - c.stepBase;
  if (c.step32 !== null) c.step32[j] = step;
  else if (d <= 0xffff) c.step16[j] = d;
  else {
    c.step32 = new Uint32Array(CHUNK);
    for (let k = 0; k < j; k++) c.step32[k] = c.stepBase + c.step16[k];
    c.step32[j] = step;
  }
}

function setData(c: Chunk, j: number, v: unknown): void {
  if (c.data === null) c.data = new Array(CHUNK).fill(undefined);
  c.data[j] = v;
}

/**
 * The recorded trace, stored column-wise in fixed-size chunks: 21 bytes per event (a time,
 * 16-bit step, node, sender, send time and value offsets, each with a wider fallback) plus its
 * payload (a message's or an event's strings and small integers, 4 bytes each, other numbers
 * 12; a message's `type` is free). The UI keeps whole traces for time travel, so this layout, not a list of objects, is
 * what keeps memory flat. Delivered messages and events' fields that are plain data are stored
 * as numbers (see FlatCodec), so recording them retains no object; a nested message delivered
 * to many nodes is stored once. Other payloads are kept as they are. Events are materialised as
 * typed objects only when read.
 */
export class TraceLog {
  private chunks: Chunk[] = [];
  private n = 0;
  private readonly codec = new FlatCodec();
  /** Events' fields, filed by event type (so apart from messages, filed by their own type). */
  private readonly events = new FlatCodec();
  private readonly vals = new ValueColumn();
  /** Types of messages stored with nested data: worth looking up before storing again. */
  private readonly deepTags = new Set<unknown>();
  /** Such a message -> the record holding its values. */
  private stored = new WeakMap<object, number>();

  constructor(private readonly nodeIds: readonly string[]) {}

  get length(): number {
    return this.n;
  }

  /** The chunk the next record, of step `step`, goes into (allocated on demand). */
  private tail(step: number): Chunk {
    const ci = this.n >>> 14;
    if (ci === this.chunks.length) this.chunks.push(newChunk(step, this.vals.n));
    return this.chunks[ci];
  }

  /** Where record `i`'s values start in the value column. */
  private offAt(i: number): number {
    const c = this.chunks[i >>> 14];
    const j = i & (CHUNK - 1);
    if (c.off32 !== null) return c.off32[j];
    if ((c.shape[j] & SHARED) !== 0) return this.offAt(i - c.off16[j]);
    return c.offBase + c.off16[j];
  }

  /**
   * Stores where record `i` (in chunk `c` at `j`, its shape already set) finds its values: at
   * `off`, or, when `owner` >= 0, where record `owner` does.
   */
  private setOff(c: Chunk, j: number, i: number, off: number, owner: number): void {
    if (c.off32 === null) {
      const d = owner >= 0 ? i - owner : off - c.offBase;
      if (d >= 0 && d <= 0xffff) {
        c.off16[j] = d;
        return;
      }
      const full = new Uint32Array(CHUNK);
      for (let k = 0; k < j; k++) full[k] = this.offAt(i - j + k);
      c.off32 = full;
    }
    c.off32[j] = owner >= 0 ? this.offAt(owner) : off;
  }

  /**
   * Stores delivery `i`'s send time (see Chunk.sent). `sender` is the event the sender's step
   * had emitted last when it sent (see `pushDeliver`), nearly always one at `sentAt`: checked,
   * as any event can be named (a message sent before its step emitted anything, retransmitted,
   * restored from a snapshot, or sent in a branch that was cut off), and else searched for.
   */
  private setSent(c: Chunk, j: number, i: number, sentAt: number, sender: number): void {
    const at = sender >= 0 && sender < i && i - sender <= 0xffff && this.timeAt(sender) === sentAt ? sender : this.search(sentAt, i);
    // -0 is not +0: only an exact match is stored as a distance.
    if (at >= 0 && (sentAt !== 0 || Object.is(this.timeAt(at), sentAt))) {
      c.sent[j] = i - at;
      return;
    }
    c.sent[j] = 0;
    c.sentFull ??= new Float64Array(CHUNK);
    c.sentFull[j] = sentAt;
  }

  /** An event at time `t` among the 65,535 before event `i`, or -1 (binary search: times only grow). */
  private search(t: number, i: number): number {
    let lo = Math.max(0, i - 0xffff);
    let hi = i;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.timeAt(mid) < t) lo = mid + 1;
      else hi = mid;
    }
    return lo < i && this.timeAt(lo) === t ? lo : -1;
  }

  /** Send time of delivery `i`. */
  private sentAtOf(i: number): number {
    const c = this.chunks[i >>> 14];
    const j = i & (CHUNK - 1);
    const d = c.sent[j];
    return d > 0 ? this.timeAt(i - d) : c.sentFull![j];
  }

  /**
   * Records a message delivery without allocating a record object. `sender`, when known, is the
   * index of an event at `sentAt` (the engine passes the last one its sender's step had emitted
   * when it sent); the send time is stored as the distance back to it.
   */
  pushDeliver(t: number, step: number, to: number, from: number, sentAt: number, msg: Msg, sender = -1): void {
    const c = this.tail(step);
    const i = this.n++;
    const j = i & (CHUNK - 1);
    c.t[j] = t;
    setStep(c, j, step);
    c.code[j] = DELIVER;
    c.node[j] = to;
    c.from[j] = from;
    this.setSent(c, j, i, sentAt, sender);
    if (this.deepTags.size > 0 && this.deepTags.has(msg.type)) {
      const at = this.stored.get(msg);
      if (at !== undefined) {
        const o = this.chunks[at >>> 14];
        c.shape[j] = o.shape[at & (CHUNK - 1)] | SHARED;
        this.setOff(c, j, i, 0, at);
        return;
      }
    }
    const off = this.vals.n;
    const shape = this.codec.encode(msg, this.vals);
    if (shape >= 0 && shape < MAX_INLINE_SHAPE) {
      c.shape[j] = shape + 1;
      this.setOff(c, j, i, off, -1);
      if (this.codec.deep(shape)) {
        this.deepTags.add(msg.type);
        this.stored.set(msg, i);
      }
      return;
    }
    // Not flat, or past the inline ids: kept as the object (and any values written dropped).
    this.vals.n = off;
    c.shape[j] = 0;
    this.setOff(c, j, i, off, -1);
    setData(c, j, msg);
  }

  /** Records any other event; `data` holds its fields. */
  push(t: number, step: number, node: number, type: TraceType, data: object): void {
    const c = this.tail(step);
    const i = this.n++;
    const j = i & (CHUNK - 1);
    c.t[j] = t;
    setStep(c, j, step);
    c.code[j] = codeOf(type);
    c.node[j] = node;
    const off = this.vals.n;
    const shape = this.events.encodeAs(type, data, this.vals);
    if (shape >= 0 && shape < MAX_INLINE_SHAPE) {
      c.shape[j] = shape + 1;
      this.setOff(c, j, i, off, -1);
      return;
    }
    this.vals.n = off;
    c.shape[j] = 0;
    this.setOff(c, j, i, off, -1);
    setData(c, j, data);
  }

  /** Drops every event from index `n` on (used when a run branches). */
  truncate(n: number): void {
    if (n >= this.n) return;
    // The values of the first dropped record that owns some start where the kept ones end.
    let end = this.vals.n;
    for (let i = n; i < this.n; i++) {
      const c = this.chunks[i >>> 14];
      const j = i & (CHUNK - 1);
      if ((c.shape[j] & SHARED) === 0) end = Math.min(end, this.offAt(i));
      if (c.data !== null) c.data[j] = undefined;
    }
    this.vals.n = end;
    this.stored = new WeakMap();
    this.n = n;
    this.chunks.length = Math.ceil(n / CHUNK);
  }

  /** True time of event `i`. */
  timeAt(i: number): number {
    return this.chunks[i >>> 14].t[i & (CHUNK - 1)];
  }

  /** Step (scheduler event) that produced event `i`. */
  stepAt(i: number): number {
    const c = this.chunks[i >>> 14];
    const j = i & (CHUNK - 1);
    return c.step32 !== null ? c.step32[j] : c.stepBase + c.step16[j];
  }

  /** Type of event `i`. */
  typeAt(i: number): TraceType {
    return typeNames[this.chunks[i >>> 14].code[i & (CHUNK - 1)]] as TraceType;
  }

  /** Node id of event `i`. */
  nodeAt(i: number): string {
    const k = this.chunks[i >>> 14].node[i & (CHUNK - 1)];
    return k < 0 ? '' : this.nodeIds[k];
  }

  /** Index of the first event whose step is >= `step` (binary search; steps are monotone). */
  firstIndexOfStep(step: number): number {
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.stepAt(mid) < step) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of the first event with time > `t`. */
  firstIndexAfter(t: number): number {
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.timeAt(mid) <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Event `i` as a typed object. */
  get(i: number): TraceEvent {
    if (i < 0 || i >= this.n) throw new RangeError(`trace index ${i} out of range 0..${this.n - 1}`);
    const c = this.chunks[i >>> 14];
    const j = i & (CHUNK - 1);
    const base = { i, step: this.stepAt(i), t: c.t[j], type: typeNames[c.code[j]], node: c.node[j] < 0 ? '' : this.nodeIds[c.node[j]] };
    const sh = c.shape[j] & ~SHARED;
    if (c.code[j] === DELIVER) {
      const msg = sh > 0 ? this.codec.decode(sh - 1, this.vals.data, this.offAt(i)) : c.data![j];
      return { ...base, from: this.nodeIds[c.from[j]], sentAt: this.sentAtOf(i), msg } as TraceEvent;
    }
    const data = sh > 0 ? this.events.decode(sh - 1, this.vals.data, this.offAt(i)) : (c.data![j] as object);
    return { ...base, ...data } as TraceEvent;
  }

  /** Events `from` (inclusive) to `to` (exclusive). */
  slice(from = 0, to = this.n): TraceEvent[] {
    const out: TraceEvent[] = [];
    for (let i = Math.max(0, from); i < Math.min(to, this.n); i++) out.push(this.get(i));
    return out;
  }
}
