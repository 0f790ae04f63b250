import { FlatCodec, ValueColumn } from './flat-codec';
import type { Msg } from './msg';
import type { TraceEvent, TraceType } from './trace-types';

const CHUNK = 1 << 14;

/** Interned event-type codes, so each record stores a u16 instead of a string. */
const typeCodes = new Map<string, number>();
const typeNames: string[] = [];
function codeOf(type: string): number {
  let c = typeCodes.get(type);
  if (c === undefined) {
    c = typeNames.length;
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
  code: Uint16Array;
  node: Int16Array;
  /** A delivery's sender. */
  a: Int16Array;
  /** A delivery's send time. */
  b: Float64Array;
  /** Where the event's flat values start in the trace's value column. */
  off: Uint32Array;
  /**
   * The FlatCodec shape id + 1 of a delivered message or an event's fields; 0 when they are an
   * object in `data`. SHARED is set on a delivery whose values are an earlier one's (the same
   * message object sent to many nodes).
   */
  shape: Uint16Array;
  /** The event's fields (or a delivery's message) that are not plain data, as objects: allocated with the first one. */
  data: unknown[] | null;
}

function newChunk(stepBase: number): Chunk {
  return {
    t: new Float64Array(CHUNK),
    stepBase,
    step16: new Uint16Array(CHUNK),
    step32: null,
    code: new Uint16Array(CHUNK),
    node: new Int16Array(CHUNK),
    a: new Int16Array(CHUNK),
    b: new Float64Array(CHUNK),
    off: new Uint32Array(CHUNK),
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
 * The recorded trace, stored column-wise in fixed-size chunks: 30 bytes per event plus its
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
    if (ci === this.chunks.length) this.chunks.push(newChunk(step));
    return this.chunks[ci];
  }

  /** Records a message delivery without allocating a record object. */
  pushDeliver(t: number, step: number, to: number, from: number, sentAt: number, msg: Msg): void {
    const c = this.tail(step);
    const j = this.n++ & (CHUNK - 1);
    c.t[j] = t;
    setStep(c, j, step);
    c.code[j] = DELIVER;
    c.node[j] = to;
    c.a[j] = from;
    c.b[j] = sentAt;
    if (this.deepTags.size > 0 && this.deepTags.has(msg.type)) {
      const at = this.stored.get(msg);
      if (at !== undefined) {
        const o = this.chunks[at >>> 14];
        const oj = at & (CHUNK - 1);
        c.off[j] = o.off[oj];
        c.shape[j] = o.shape[oj] | SHARED;
        return;
      }
    }
    const off = this.vals.n;
    c.off[j] = off;
    const shape = this.codec.encode(msg, this.vals);
    if (shape >= 0 && shape < MAX_INLINE_SHAPE) {
      c.shape[j] = shape + 1;
      if (this.codec.deep(shape)) {
        this.deepTags.add(msg.type);
        this.stored.set(msg, this.n - 1);
      }
      return;
    }
    // Not flat, or past the inline ids: kept as the object (and any values written dropped).
    this.vals.n = off;
    c.shape[j] = 0;
    setData(c, j, msg);
  }

  /** Records any other event; `data` holds its fields. */
  push(t: number, step: number, node: number, type: TraceType, data: object): void {
    const c = this.tail(step);
    const j = this.n++ & (CHUNK - 1);
    c.t[j] = t;
    setStep(c, j, step);
    c.code[j] = codeOf(type);
    c.node[j] = node;
    const off = this.vals.n;
    c.off[j] = off;
    const shape = this.events.encodeAs(type, data, this.vals);
    if (shape >= 0 && shape < MAX_INLINE_SHAPE) {
      c.shape[j] = shape + 1;
      return;
    }
    this.vals.n = off;
    c.shape[j] = 0;
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
      if ((c.shape[j] & SHARED) === 0) end = Math.min(end, c.off[j]);
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
      const msg = sh > 0 ? this.codec.decode(sh - 1, this.vals.data, c.off[j]) : c.data![j];
      return { ...base, from: this.nodeIds[c.a[j]], sentAt: c.b[j], msg } as TraceEvent;
    }
    const data = sh > 0 ? this.events.decode(sh - 1, this.vals.data, c.off[j]) : (c.data![j] as object);
    return { ...base, ...data } as TraceEvent;
  }

  /** Events `from` (inclusive) to `to` (exclusive). */
  slice(from = 0, to = this.n): TraceEvent[] {
    const out: TraceEvent[] = [];
    for (let i = Math.max(0, from); i < Math.min(to, this.n); i++) out.push(this.get(i));
    return out;
  }
}
