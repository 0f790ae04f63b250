import { ItemKind, type EventQueue, type QueueItem } from '../queue';

/**
 * The event queue as a snapshot keeps it: each event's numbers in typed arrays and its message
 * or payload by reference (never changed once scheduled). As objects, the two thousand events
 * a 300-node run has pending took about 500 KB per snapshot; packed, a quarter of that.
 */
export interface PackedQueue {
  readonly n: number;
  /** Per event: time, seq, sentAt, id. */
  readonly num: Float64Array;
  /** Per event: node, from, link, inc. */
  readonly int: Int32Array;
  readonly kind: Uint8Array;
  readonly ref: unknown[];
}

/**
 * Every scheduled event of `q`, in (time, seq) order (the order a restore schedules them in),
 * read straight from its slots: `q.entries()` builds an object per event, which took most of
 * the time of a snapshot.
 */
export function packQueue(q: EventQueue): PackedQueue {
  const n = q.size;
  const slots = new Int32Array(n);
  const time = new Float64Array(n);
  const seq = new Float64Array(n);
  let m = 0;
  q.forEach((s, t, sq) => {
    slots[m] = s;
    time[m] = t;
    seq[m++] = sq;
  });
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => time[a] - time[b] || seq[a] - seq[b]);
  const num = new Float64Array(4 * n);
  const int = new Int32Array(4 * n);
  const kind = new Uint8Array(n);
  const ref = new Array<unknown>(n);
  for (let i = 0; i < n; i++) {
    const o = order[i];
    const s = slots[o];
    const k = q.kind[s] as ItemKind;
    const isMsg = k === ItemKind.Msg || k === ItemKind.Lost;
    // The fields `itemAt` gives a slot of this kind (the others hold leftovers).
    num[4 * i] = time[o];
    num[4 * i + 1] = seq[o];
    num[4 * i + 2] = isMsg ? q.sentAt[s] : 0;
    num[4 * i + 3] = isMsg ? 0 : q.id[s];
    int[4 * i] = q.node[s];
    int[4 * i + 1] = isMsg ? q.from[s] : -1;
    int[4 * i + 2] = isMsg || k === ItemKind.Retransmit ? q.link[s] : -1;
    int[4 * i + 3] = q.inc[s];
    kind[i] = k;
    ref[i] = isMsg ? q.ref[s] : (q.ref[s] ?? null);
  }
  return { n, num, int, kind, ref };
}

/**
 * Schedules every event of `p` on `q` (which the caller has cleared), in their order; `ref`
 * stands in for `p.ref` when given.
 */
export function unpackQueue(p: PackedQueue, q: EventQueue, ref: readonly unknown[] = p.ref): void {
  const { num, int, kind } = p;
  // EventQueue.push copies the fields, so one record serves every event.
  const it: QueueItem = { k: 0, node: 0, from: 0, link: 0, sentAt: 0, msg: null, id: 0, inc: 0, payload: null };
  for (let i = 0; i < p.n; i++) {
    it.k = kind[i];
    it.node = int[4 * i];
    it.from = int[4 * i + 1];
    it.link = int[4 * i + 2];
    it.inc = int[4 * i + 3];
    it.sentAt = num[4 * i + 2];
    it.id = num[4 * i + 3];
    it.msg = ref[i] as QueueItem['msg'];
    it.payload = ref[i];
    q.push(num[4 * i], num[4 * i + 1], it);
  }
}
