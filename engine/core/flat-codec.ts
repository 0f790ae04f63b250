/**
 * Stores plain data (plain objects and arrays of numbers, strings, booleans, null, undefined,
 * nested to any depth) as numbers: a shape id (the object's keys in order, with the kind of
 * each value) plus 32-bit words: one per string (interned), array length, code, or number
 * that is a small non-negative integer, three for any other number (a marker and its float64
 * bits); an array of strings is its length, then its strings; any other object or array is a
 * code, then its contents.
 * A trace keeps every message and event it records; held as objects, each one is copied out of
 * the young generation by the GC and then marked on every major collection, which was most of
 * the cost of recording a long run, and most of the memory a recorded one holds. Held as numbers
 * in typed arrays, the GC never looks at them. Anything else (a class instance, a Map, an array
 * with holes) is left to the caller.
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
/**
 * An array of strings (a Redis command's argv): its length, then one slot per string; or, for
 * a list stored before (see FlatCodec.tupleOf), TUPLE + the list's id in one slot.
 */
const STRS = 7;
/** In a STRS length slot: the list is interned, this minus TUPLE is its id. */
const TUPLE = 0x80000000;
/** At most this many string lists are interned; later new ones are stored inline. */
const MAX_TUPLES = 1 << 16;
/** A plain object or an array (not all strings): a code (see below), then its contents. */
const ANY = 8;

// The code an ANY value starts with; a plain object's is OBJ + its shape id.
const A_NUM = 0;
const A_STR = 1;
const A_TRUE = 2;
const A_FALSE = 3;
const A_NULL = 4;
const A_UNDEF = 5;
const A_ARR = 6;
/** A plain object stored key by key (see MAX_SHAPE_KEYS): its key count, then each key and value. */
const A_DICT = 7;
const A_OBJ = 8;

/**
 * A nested object with more keys than this is stored key by key: such objects are maps (a
 * keyspace, a table), whose key sets change all the time, and a shape per key set would pile up.
 */
const MAX_SHAPE_KEYS = 16;

/** Deeper than this, data is left to the caller (it may be cyclic). */
const MAX_DEPTH = 32;
/** Shape ids stay below this, so a top-level id fits a 16-bit column. */
const MAX_SHAPES = 0xfffe;

/** At most this many shapes per tag, so objects with ever-changing keys fall back quickly. */
const MAX_SHAPES_PER_TAG = 32;

interface Shape {
  /** The tag (the message's `type`) the shape belongs to. */
  tag: unknown;
  keys: string[];
  kinds: Uint8Array;
  /** Words an object of this shape takes at most, besides its nested data and arrays. */
  slots: number;
  /** Per field, the last string stored there and its id: most are repeats (the `type`). */
  lastStr: string[];
  lastId: number[];
  /** Some field holds a nested object or array. */
  deep: boolean;
  /** Per field, the shape of the object it held last (-1: none): tried first next time. */
  child: Int32Array;
}

function isPlain(v: object): boolean {
  return Object.getPrototypeOf(v) === Object.prototype;
}

function kindOf(v: unknown): number {
  if (Array.isArray(v)) {
    // Index by index, so a hole (which `every` would skip) does not pass for a string.
    for (let k = 0; k < v.length; k++) if (typeof v[k] !== 'string') return ANY;
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
    case 'object':
      return v === null ? NULL : isPlain(v) ? ANY : -1;
    default:
      return -1;
  }
}

/** Words (4 MB) past which a column grows by small steps. */
const GROW_SLOW = 1 << 20;

/** A growable column of 32-bit words that flat objects' values are appended to. */
export class ValueColumn {
  data = new Uint32Array(1024);
  n = 0;

  /** Makes room for `k` more words. */
  reserve(k: number): void {
    if (this.n + k <= this.data.length) return;
    // A long run's trace is mostly this column, and what it has not filled is held for nothing:
    // past GROW_SLOW words it grows by a sixteenth (copying it 16 times over a run costs tens of
    // ms in all; growing by half left up to a third of it empty).
    const f = this.data.length < GROW_SLOW ? 1.5 : 1.0625;
    let cap = Math.ceil(this.data.length * f);
    while (cap < this.n + k) cap = Math.ceil(cap * f);
    const d = new Uint32Array(cap);
    d.set(this.data.subarray(0, this.n));
    this.data = d;
  }
}

/** Numbers below this that are non-negative integers (not -0) take one word; others, three. */
const SMALL = 0x80000000;
// A number's float64 bits, as two words.
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);

/** Writes number `x` at `vals[v]` (room for three words reserved); returns the next index. */
function putNum(vals: Uint32Array, v: number, x: number): number {
  if (x >>> 0 === x && x < SMALL && (x !== 0 || 1 / x > 0)) {
    vals[v] = x;
    return v + 1;
  }
  F64[0] = x;
  vals[v] = SMALL;
  vals[v + 1] = U32[0];
  vals[v + 2] = U32[1];
  return v + 3;
}

/**
 * Shapes and interned strings of the flat messages one trace has stored. Shapes are found by
 * the message's `type`, then checked key by key.
 */
export class FlatCodec {
  private readonly shapes: Shape[] = [];
  private readonly byTag = new Map<unknown, number[]>();
  /** Shapes of nested objects, by their keys joined. */
  private readonly byKeys = new Map<string, number[]>();
  /** Where `decode` reads next. */
  private pos = 0;
  /** The shape of the object `writeAny` stored last (-1: not an object with a shape). */
  private lastObj = -1;
  private readonly strings: string[] = [];
  private readonly stringIds = new Map<string, number>();
  /**
   * Interned string lists: a command's argv and a replica list recur all through a long run;
   * stored as one slot instead of a length and a slot per string, the bench's 1M-event Redis
   * run's values take nearly half the words they did. `tupleAt` holds where each list's string ids start in `tupleIds`
   * (its length first); `tupleSlots`, a hash table of id + 1 (0: empty).
   */
  private tupleIds = new Uint32Array(0);
  private tupleEnd = 0;
  private readonly tupleAt: number[] = [];
  private tupleSlots = new Int32Array(0);
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
    return this.encodeAs(tag, msg, out);
  }

  /**
   * Like `encode`, for a plain object filed under `tag` (a trace event's data under its type):
   * a `type` field equal to the tag is not stored.
   */
  encodeAs(tag: unknown, obj: object, out: ValueColumn): number {
    if (Object.getPrototypeOf(obj) !== Object.prototype) return -1;
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
      if (this.write(this.shapes[id], obj, out, 0)) return id;
    }
    return this.addShape(tag, obj, ids, out, 0);
  }

  /** True when shape `id` has nested objects or arrays (costlier to store than to look up). */
  deep(id: number): boolean {
    return this.shapes[id].deep;
  }

  /** The object stored as shape `id` with its values at `vals[off...]`. */
  decode(id: number, vals: Uint32Array, off: number): Record<string, unknown> {
    this.pos = off;
    return this.read(id, vals);
  }

  private read(id: number, vals: Uint32Array): Record<string, unknown> {
    const sh = this.shapes[id];
    const o: Record<string, unknown> = {};
    let v = this.pos;
    for (let i = 0; i < sh.keys.length; i++) {
      switch (sh.kinds[i]) {
        case NUM:
          this.pos = v;
          o[sh.keys[i]] = this.num(vals);
          v = this.pos;
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
          if (n >= TUPLE) {
            o[sh.keys[i]] = this.tuple(n - TUPLE);
            break;
          }
          const arr = new Array<string>(n);
          for (let k = 0; k < n; k++) arr[k] = this.strings[vals[v++]];
          o[sh.keys[i]] = arr;
          break;
        }
        case ANY:
          this.pos = v;
          o[sh.keys[i]] = this.readAny(vals);
          v = this.pos;
          break;
        default:
          o[sh.keys[i]] = undefined;
      }
    }
    this.pos = v;
    return o;
  }

  /** The number at `vals[this.pos]` (see putNum); moves `pos` past it. */
  private num(vals: Uint32Array): number {
    const w = vals[this.pos++];
    if (w < SMALL) return w;
    U32[0] = vals[this.pos++];
    U32[1] = vals[this.pos++];
    return F64[0];
  }

  private readAny(vals: Uint32Array): unknown {
    const code = vals[this.pos++];
    switch (code) {
      case A_NUM:
        return this.num(vals);
      case A_STR:
        return this.strings[vals[this.pos++]];
      case A_TRUE:
        return true;
      case A_FALSE:
        return false;
      case A_NULL:
        return null;
      case A_UNDEF:
        return undefined;
      case A_ARR: {
        const n = vals[this.pos++];
        const arr = new Array<unknown>(n);
        for (let k = 0; k < n; k++) arr[k] = this.readAny(vals);
        return arr;
      }
      case A_DICT: {
        const n = vals[this.pos++];
        const o: Record<string, unknown> = {};
        for (let k = 0; k < n; k++) {
          const key = this.strings[vals[this.pos++]];
          o[key] = this.readAny(vals);
        }
        return o;
      }
      default:
        return this.read(code - A_OBJ, vals);
    }
  }

  /** Writes `obj`'s values if it has shape `sh`; returns false (and `out` unchanged) if not. */
  private write(sh: Shape, obj: object, out: ValueColumn, depth: number): boolean {
    const keys = sh.keys;
    const kinds = sh.kinds;
    const start = out.n;
    out.reserve(sh.slots);
    let vals = out.data;
    let v = out.n;
    let i = 0;
    const rec = obj as Record<string, unknown>;
    for (const k in rec) {
      if (i === keys.length || k !== keys[i]) return this.undo(out, start);
      const x = rec[k];
      const kind = kinds[i++];
      if (kind === NUM) {
        if (typeof x !== 'number') return this.undo(out, start);
        v = putNum(vals, v, x);
      } else if (kind === STR) {
        if (typeof x !== 'string') return this.undo(out, start);
        const f = i - 1;
        if (x !== sh.lastStr[f]) {
          sh.lastStr[f] = x;
          sh.lastId[f] = this.intern(x);
        }
        vals[v++] = sh.lastId[f];
      } else if (kind === TAG) {
        if (x !== sh.tag) return this.undo(out, start);
      } else if (kind === STRS) {
        if (!Array.isArray(x)) return this.undo(out, start);
        const n = x.length;
        // Room for the array and whatever fixed slots may follow it. Growing copies `data` up to
        // `n`, so the values written so far count for that.
        out.n = v;
        out.reserve(n + 1 + sh.slots);
        vals = out.data;
        const at = v;
        vals[v++] = n;
        for (let k = 0; k < n; k++) {
          const e: unknown = x[k];
          if (typeof e !== 'string') return this.undo(out, start);
          vals[v++] = this.intern(e);
        }
        if (n > 1) {
          const id = this.tupleOf(vals, at);
          if (id >= 0) {
            vals[at] = TUPLE + id;
            v = at + 1;
          }
        }
      } else if (kind === ANY) {
        // Nested: written through `out`, which then holds the cursor; the fixed slots that may
        // follow are reserved again after it.
        out.n = v;
        if (typeof x !== 'object' || x === null || !this.writeAny(x, out, depth + 1, sh.child[i - 1])) return this.undo(out, start);
        sh.child[i - 1] = this.lastObj;
        out.reserve(sh.slots);
        vals = out.data;
        v = out.n;
      } else if (kindOf(x) !== kind) return this.undo(out, start);
    }
    if (i !== keys.length) return this.undo(out, start);
    out.n = v;
    return true;
  }

  private undo(out: ValueColumn, start: number): false {
    out.n = start;
    return false;
  }

  /**
   * Appends any plain value with its code; false (values written so far not undone) if it is not
   * plain data. An object is tried first as shape `hint` (what the same field held last time).
   */
  private writeAny(x: unknown, out: ValueColumn, depth: number, hint = -1): boolean {
    if (depth > MAX_DEPTH) return false;
    this.lastObj = -1;
    out.reserve(4);
    const vals = out.data;
    switch (typeof x) {
      case 'number':
        vals[out.n] = A_NUM;
        out.n = putNum(vals, out.n + 1, x);
        return true;
      case 'string':
        vals[out.n++] = A_STR;
        vals[out.n++] = this.intern(x);
        return true;
      case 'boolean':
        vals[out.n++] = x ? A_TRUE : A_FALSE;
        return true;
      case 'undefined':
        vals[out.n++] = A_UNDEF;
        return true;
      case 'object':
        break;
      default:
        return false;
    }
    if (x === null) {
      vals[out.n++] = A_NULL;
      return true;
    }
    if (Array.isArray(x)) {
      const n = x.length;
      vals[out.n++] = A_ARR;
      vals[out.n++] = n;
      // Elements of an array mostly share a shape: each is tried as the one before.
      let prev = -1;
      for (let k = 0; k < n; k++) {
        if (!(k in x) || !this.writeAny(x[k], out, depth + 1, prev)) return false;
        prev = this.lastObj;
      }
      this.lastObj = -1;
      return true;
    }
    if (!isPlain(x)) return false;
    // Building the key signature allocates: the hint usually fits without it.
    if (hint >= 0) {
      const at = out.n++;
      if (this.write(this.shapes[hint], x, out, depth)) {
        out.data[at] = A_OBJ + hint;
        this.lastObj = hint;
        return true;
      }
      out.n = at;
    }
    let sig = '';
    let keys = 0;
    for (const k in x) {
      if (++keys > MAX_SHAPE_KEYS) return this.writeDict(x as Record<string, unknown>, out, depth);
      sig += `${k}\u0000`;
    }
    let ids = this.byKeys.get(sig);
    if (ids === undefined) {
      ids = [];
      this.byKeys.set(sig, ids);
    }
    const at = out.n++;
    for (let s = 0; s < ids.length; s++) {
      if (this.write(this.shapes[ids[s]], x, out, depth)) {
        out.data[at] = A_OBJ + ids[s];
        this.lastObj = ids[s];
        return true;
      }
    }
    const id = this.addShape(undefined, x, ids, out, depth);
    if (id < 0) return false;
    out.data[at] = A_OBJ + id;
    this.lastObj = id;
    return true;
  }

  private writeDict(x: Record<string, unknown>, out: ValueColumn, depth: number): boolean {
    const at = out.n;
    out.n += 2;
    let n = 0;
    for (const k in x) {
      // Assigning "__proto__" when decoding would set the prototype, not add the field.
      if (k === '__proto__') return false;
      out.reserve(1);
      out.data[out.n++] = this.intern(k);
      if (!this.writeAny(x[k], out, depth + 1)) return false;
      n++;
    }
    out.data[at] = A_DICT;
    out.data[at + 1] = n;
    return true;
  }

  private addShape(tag: unknown, obj: object, ids: number[], out: ValueColumn, depth: number): number {
    if (ids.length >= MAX_SHAPES_PER_TAG || this.shapes.length >= MAX_SHAPES) return -1;
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
      if (kind === NUM) slots += 3;
      else if (kind === STR) slots++;
    }
    const id = this.shapes.length;
    // The string caches start filled (with '' for fields that hold no string), so they only
    // ever compare strings.
    const lastStr = keys.map((k) => (typeof rec[k] === 'string' ? (rec[k] as string) : ''));
    const lastId = lastStr.map((x) => this.intern(x));
    this.shapes.push({ tag, keys, kinds: Uint8Array.from(kinds), slots, lastStr, lastId, deep: kinds.includes(ANY), child: new Int32Array(keys.length).fill(-1) });
    ids.push(id);
    // A fresh shape fits its object unless something nested in it is not plain data.
    return this.write(this.shapes[id], obj, out, depth) ? id : -1;
  }

  /**
   * The id of the string list at `vals[at]` (its length, then its string ids), interning it if
   * it is new and there is room; -1 when there is not.
   */
  private tupleOf(vals: Uint32Array, at: number): number {
    const n = vals[at];
    let h = n;
    for (let k = 1; k <= n; k++) h = Math.imul(h ^ vals[at + k], 0x9e3779b1);
    const slots = this.tupleSlots;
    const mask = slots.length - 1;
    let s = slots.length === 0 ? 0 : (h >>> 0) & mask;
    for (let probe = 0; probe < slots.length; probe++, s = (s + 1) & mask) {
      const id = slots[s] - 1;
      if (id < 0) break;
      const from = this.tupleAt[id];
      if (this.tupleIds[from] !== n) continue;
      let k = 1;
      while (k <= n && this.tupleIds[from + k] === vals[at + k]) k++;
      if (k > n) return id;
    }
    if (this.tupleAt.length >= MAX_TUPLES) return -1;
    const id = this.tupleAt.length;
    if (this.tupleEnd + n + 1 > this.tupleIds.length) {
      const grown = new Uint32Array(Math.max(1024, (this.tupleEnd + n + 1) * 2));
      grown.set(this.tupleIds.subarray(0, this.tupleEnd));
      this.tupleIds = grown;
    }
    this.tupleIds.set(vals.subarray(at, at + n + 1), this.tupleEnd);
    this.tupleAt.push(this.tupleEnd);
    this.tupleEnd += n + 1;
    if (2 * (id + 1) > slots.length) this.rehash();
    else slots[s] = id + 1;
    return id;
  }

  /** Rebuilds `tupleSlots` twice as large (at most half full), with every list in it. */
  private rehash(): void {
    const slots = new Int32Array(Math.max(256, this.tupleSlots.length * 2));
    const mask = slots.length - 1;
    for (let id = 0; id < this.tupleAt.length; id++) {
      const from = this.tupleAt[id];
      const n = this.tupleIds[from];
      let h = n;
      for (let k = 1; k <= n; k++) h = Math.imul(h ^ this.tupleIds[from + k], 0x9e3779b1);
      let s = (h >>> 0) & mask;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = id + 1;
    }
    this.tupleSlots = slots;
  }

  /** Interned string list `id`, as a fresh array. */
  private tuple(id: number): string[] {
    const from = this.tupleAt[id];
    const n = this.tupleIds[from];
    const arr = new Array<string>(n);
    for (let k = 0; k < n; k++) arr[k] = this.strings[this.tupleIds[from + 1 + k]];
    return arr;
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
