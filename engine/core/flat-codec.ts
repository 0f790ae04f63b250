/**
 * Stores flat plain objects (own fields all numbers, strings, booleans, null, undefined or
 * arrays of strings) as numbers: a shape id (the object's keys in order, with the kind of each
 * value) plus one float64 per number or string field (an array: its length, then its strings),
 * strings interned. A trace keeps every message it
 * records; held as objects, each one is copied out of the young generation by the GC and then
 * marked on every major collection, which was most of the cost of recording a long run. Held
 * as numbers in typed arrays, the GC never looks at them. Objects that are not flat are left
 * to the caller.
 */
import type { Msg } from './msg';

// What a field holds. NUM and STR take a value slot; the others are constants of the shape.
const NUM = 0;
const STR = 1;
const TRUE = 2;
const FALSE = 3;
const NULL = 4;
const UNDEF = 5;
/** The `type` field holding the tag the shape was found by: a constant of the shape, no slot. */
const TAG = 6;
/** An array of strings (a Redis command's argv): its length, then one slot per string. */
const STRS = 7;

/** At most this many shapes per tag, so objects with ever-changing keys fall back quickly. */
const MAX_SHAPES_PER_TAG = 32;

interface Shape {
  /** The tag (the message's `type`) the shape belongs to. */
  tag: unknown;
  keys: string[];
  kinds: Uint8Array;
  /** Value slots an object of this shape takes, besides its arrays' lengths and strings. */
  slots: number;
  /** Per field, the last string stored there and its id: most are repeats (the `type`). */
  lastStr: string[];
  lastId: number[];
}

function kindOf(v: unknown): number {
  if (Array.isArray(v)) {
    // Index by index, so a hole (which `every` would skip) does not pass for a string.
    for (let k = 0; k < v.length; k++) if (typeof v[k] !== 'string') return -1;
    return STRS;
  }
  switch (typeof v) {
    case 'number':
      return NUM;
    case 'string':
      return STR;
    case 'boolean':
      return v ? TRUE : FALSE;
    case 'undefined':
      return UNDEF;
    default:
      return v === null ? NULL : -1;
  }
}

/** A growable float64 column that flat objects' values are appended to. */
export class ValueColumn {
  data = new Float64Array(1024);
  n = 0;

  /** Makes room for `k` more values. */
  reserve(k: number): void {
    if (this.n + k <= this.data.length) return;
    let cap = this.data.length * 2;
    while (cap < this.n + k) cap *= 2;
    const d = new Float64Array(cap);
    d.set(this.data.subarray(0, this.n));
    this.data = d;
  }
}

/**
 * Shapes and interned strings of the flat messages one trace has stored. Shapes are found by
 * the message's `type`, then checked key by key.
 */
export class FlatCodec {
  private readonly shapes: Shape[] = [];
  private readonly byTag = new Map<unknown, number[]>();
  private readonly strings: string[] = [];
  private readonly stringIds = new Map<string, number>();
  // The two types seen last and their shape lists: traffic is mostly request/reply pairs, and
  // a pointer compare is cheaper than a map lookup. They start as a real entry (type '') so
  // the compare only ever sees strings, which keeps it a pointer compare in optimised code.
  private tag0: unknown = '';
  private ids0: number[];
  private tag1: unknown = '';
  private ids1: number[];

  constructor() {
    this.ids0 = this.ids1 = [];
    this.byTag.set('', this.ids0);
  }

  /**
   * Appends `msg`'s values to `out` and returns its shape id, or -1 (nothing appended) when
   * `msg` is not a flat plain object.
   */
  encode(msg: Msg, out: ValueColumn): number {
    // Reading a field first lets the compiler see the object's map, so the prototype check
    // below folds to a constant instead of a runtime call.
    const tag = msg.type;
    if (Object.getPrototypeOf(msg) !== Object.prototype) return -1;
    const obj: object = msg;
    let ids: number[];
    if (tag === this.tag0) ids = this.ids0;
    else if (tag === this.tag1) ids = this.ids1;
    else {
      let found = this.byTag.get(tag);
      if (found === undefined) {
        found = [];
        this.byTag.set(tag, found);
      }
      ids = found;
      this.tag1 = this.tag0;
      this.ids1 = this.ids0;
      this.tag0 = tag;
      this.ids0 = ids;
    }
    // Usually the first candidate fits; checking it is one pass over the keys.
    for (let s = 0; s < ids.length; s++) {
      const id = ids[s];
      if (this.write(this.shapes[id], obj, out)) return id;
    }
    return this.addShape(tag, obj, ids, out);
  }

  /** The object stored as shape `id` with its values at `vals[off...]`. */
  decode(id: number, vals: Float64Array, off: number): Record<string, unknown> {
    const sh = this.shapes[id];
    const o: Record<string, unknown> = {};
    let v = off;
    for (let i = 0; i < sh.keys.length; i++) {
      switch (sh.kinds[i]) {
        case NUM:
          o[sh.keys[i]] = vals[v++];
          break;
        case STR:
          o[sh.keys[i]] = this.strings[vals[v++]];
          break;
        case TRUE:
          o[sh.keys[i]] = true;
          break;
        case FALSE:
          o[sh.keys[i]] = false;
          break;
        case NULL:
          o[sh.keys[i]] = null;
          break;
        case TAG:
          o[sh.keys[i]] = sh.tag;
          break;
        case STRS: {
          const n = vals[v++];
          const arr = new Array<string>(n);
          for (let k = 0; k < n; k++) arr[k] = this.strings[vals[v++]];
          o[sh.keys[i]] = arr;
          break;
        }
        default:
          o[sh.keys[i]] = undefined;
      }
    }
    return o;
  }

  /** Writes `obj`'s values if it has shape `sh`; returns false (and `out` unchanged) if not. */
  private write(sh: Shape, obj: object, out: ValueColumn): boolean {
    const keys = sh.keys;
    const kinds = sh.kinds;
    out.reserve(sh.slots);
    let vals = out.data;
    let v = out.n;
    let i = 0;
    const rec = obj as Record<string, unknown>;
    for (const k in rec) {
      if (i === keys.length || k !== keys[i]) return false;
      const x = rec[k];
      const kind = kinds[i++];
      if (kind === NUM) {
        if (typeof x !== 'number') return false;
        vals[v++] = x;
      } else if (kind === STR) {
        if (typeof x !== 'string') return false;
        const f = i - 1;
        if (x !== sh.lastStr[f]) {
          sh.lastStr[f] = x;
          sh.lastId[f] = this.intern(x);
        }
        vals[v++] = sh.lastId[f];
      } else if (kind === TAG) {
        if (x !== sh.tag) return false;
      } else if (kind === STRS) {
        if (!Array.isArray(x)) return false;
        const n = x.length;
        // Room for the array and whatever fixed slots may follow it. Growing copies `data` up to
        // `n`, so the values written so far count for that; `n` is set for good only on success.
        const start = out.n;
        out.n = v;
        out.reserve(n + 1 + sh.slots);
        out.n = start;
        vals = out.data;
        vals[v++] = n;
        for (let k = 0; k < n; k++) {
          const e: unknown = x[k];
          if (typeof e !== 'string') return false;
          vals[v++] = this.intern(e);
        }
      } else if (kindOf(x) !== kind) return false;
    }
    if (i !== keys.length) return false;
    out.n = v;
    return true;
  }

  private addShape(tag: unknown, obj: object, ids: number[], out: ValueColumn): number {
    if (ids.length >= MAX_SHAPES_PER_TAG) return -1;
    const keys: string[] = [];
    const kinds: number[] = [];
    let slots = 0;
    const rec = obj as Record<string, unknown>;
    for (const k in rec) {
      // Every message of a tag has the tag in its `type`: storing it would repeat it per message.
      const kind = k === 'type' && typeof tag === 'string' && rec[k] === tag ? TAG : kindOf(rec[k]);
      // Assigning "__proto__" when decoding would set the prototype, not add the field.
      if (kind < 0 || k === '__proto__') return -1;
      keys.push(k);
      kinds.push(kind);
      if (kind === NUM || kind === STR) slots++;
    }
    const id = this.shapes.length;
    // The string caches start filled (with '' for fields that hold no string), so they only
    // ever compare strings.
    const lastStr = keys.map((k) => (typeof rec[k] === 'string' ? (rec[k] as string) : ''));
    const lastId = lastStr.map((x) => this.intern(x));
    this.shapes.push({ tag, keys, kinds: Uint8Array.from(kinds), slots, lastStr, lastId });
    ids.push(id);
    if (!this.write(this.shapes[id], obj, out)) throw new Error('unreachable: a fresh shape must fit its object');
    return id;
  }

  private intern(s: string): number {
    let id = this.stringIds.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.stringIds.set(s, id);
    }
    return id;
  }
}
