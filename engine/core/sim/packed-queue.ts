import { ItemKind, type EventQueue, type QueueItem } from '../queue';

/**
 * The event queue as a snapshot keeps it: each event's numbers in typed arrays, as narrow as
 * this queue's values allow, and its message or payload by reference (never changed once
 * scheduled). As objects, the two thousand events a 300-node run has pending took about 500 KB
 * per snapshot; packed, about 20 bytes each.
 */
export interface PackedQueue {
  readonly n: number;
  /** Per event: its time. */
  readonly time: Float64Array;
  /**
   * Per event: where in `values` its sentAt is if it is a message, else its id (a message has
   * no id). A primary's write goes to all its replicas at once, so ten times fewer values than
   * messages.
   */
  readonly other: Uint16Array | Uint32Array;
  readonly values: Float64Array;
  /** Per event: seq (32 bits while every seq fits, as a long run's do). */
  readonly seq: Uint32Array | Float64Array;
  /**
   * Per event: node, from, link, then inc unless every event's is 0 (`ints` numbers each; 16
   * bits while every one fits).
   */
  readonly int: Int16Array | Int32Array;
  readonly ints: 3 | 4;
  readonly kind: Uint8Array;
  readonly ref: unknown[];
}

/** A message in flight (or lost in transit): it has a sender and a sentAt, and no id. */
function isMsg(k: ItemKind): boolean {
  return k === ItemKind.Msg || k === ItemKind.Lost;
}

const fits16 = (a: number) => a === (a << 16) >> 16;

/**
 * Every scheduled event of `q`, in (time, seq) order (the order a restore schedules them in),
 * read straight from its slots: `q.entries()` builds an object per event, which took most of
 * the time of a snapshot.
 */
export function packQueue(q: EventQueue): PackedQueue {
  const n = q.size;
  const slots = new Int32Array(n);
  const when = new Float64Array(n);
  const seq = new Float64Array(n);
  let m = 0;
  q.forEach((s, t, sq) => {
    slots[m] = s;
    when[m] = t;
    seq[m++] = sq;
  });
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => when[a] - when[b] || seq[a] - seq[b]);
  const time = new Float64Array(n);
  const other = new Uint32Array(n);
  const values: number[] = [];
  const index = new Map<number, number>();
  const ints = new Int32Array(4 * n);
  const kind = new Uint8Array(n);
  const ref = new Array<unknown>(n);
  let narrowSeq = true;
  let narrowInt = true;
  let anyInc = false;
  for (let i = 0; i < n; i++) {
    const o = order[i];
    const s = slots[o];
    const k = q.kind[s] as ItemKind;
    const msg = isMsg(k);
    // The fields `itemAt` gives a slot of this kind (the others hold leftovers).
    time[i] = when[o];
    const v = msg ? q.sentAt[s] : q.id[s];
    // A Map takes -0 for 0: a -0 gets a value of its own.
    const zero = Object.is(v, -0);
    let at = zero ? undefined : index.get(v);
    if (at === undefined) {
      at = values.length;
      values.push(v);
      if (!zero) index.set(v, at);
    }
    other[i] = at;
    const a = q.node[s];
    const b = msg ? q.from[s] : -1;
    const c = msg || k === ItemKind.Retransmit ? q.link[s] : -1;
    const d = q.inc[s];
    ints[4 * i] = a;
    ints[4 * i + 1] = b;
    ints[4 * i + 2] = c;
    ints[4 * i + 3] = d;
    anyInc ||= d !== 0;
    narrowInt &&= fits16(a) && fits16(b) && fits16(c) && fits16(d);
    narrowSeq &&= seq[o] >>> 0 === seq[o];
    kind[i] = k;
    ref[i] = msg ? q.ref[s] : (q.ref[s] ?? null);
  }
  const seqs = narrowSeq ? new Uint32Array(n) : new Float64Array(n);
  for (let i = 0; i < n; i++) seqs[i] = seq[order[i]];
  const stride = anyInc ? 4 : 3;
  const int = narrowInt ? new Int16Array(stride * n) : new Int32Array(stride * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < stride; j++) int[stride * i + j] = ints[4 * i + j];
  return {
    n,
    time,
    other: values.length <= 0x10000 ? Uint16Array.from(other) : other,
    values: Float64Array.from(values),
    seq: seqs,
    int,
    ints: stride,
    kind,
    ref,
  };
}

/**
 * Schedules every event of `p` on `q` (which the caller has cleared), in their order; `ref`
 * stands in for `p.ref` when given.
 */
export function unpackQueue(p: PackedQueue, q: EventQueue, ref: readonly unknown[] = p.ref): void {
  const { time, other, values, seq, int, ints, kind } = p;
  // EventQueue.push copies the fields, so one record serves every event.
  const it: QueueItem = { k: 0, node: 0, from: 0, link: 0, sentAt: 0, msg: null, id: 0, inc: 0, payload: null };
  for (let i = 0; i < p.n; i++) {
    const k = kind[i] as ItemKind;
    const msg = isMsg(k);
    const v = values[other[i]];
    it.k = k;
    it.node = int[ints * i];
    it.from = int[ints * i + 1];
    it.link = int[ints * i + 2];
    it.inc = ints === 4 ? int[4 * i + 3] : 0;
    it.sentAt = msg ? v : 0;
    it.id = msg ? 0 : v;
    it.msg = ref[i] as QueueItem['msg'];
    it.payload = ref[i];
    q.push(time[i], seq[i], it);
  }
}

/**
 * The entries of `refs` that are not null, and where they are: once a snapshot has packed
 * its messages (see Freezer), most of its queue's references are null, and a slot each for
 * them took more than the timers' payloads that remain.
 */
export interface SparseRefs {
  readonly n: number;
  readonly at: Uint32Array;
  readonly vals: unknown[];
}

/** `refs` as a SparseRefs. */
export function sparseRefs(refs: readonly unknown[]): SparseRefs {
  const at: number[] = [];
  const vals: unknown[] = [];
  for (let i = 0; i < refs.length; i++) {
    if (refs[i] === null) continue;
    at.push(i);
    vals.push(refs[i]);
  }
  return { n: refs.length, at: Uint32Array.from(at), vals };
}

/** The references `s` holds, nulls back in place. */
export function denseRefs(s: SparseRefs): unknown[] {
  const out = new Array<unknown>(s.n).fill(null);
  for (let k = 0; k < s.at.length; k++) out[s.at[k]] = s.vals[k];
  return out;
}
