/**
 * A binary min-heap of scheduled items ordered by (time, seq); `seq` is unique and increasing,
 * so ties in time come out in the order they were scheduled.
 *
 * Keys and slot numbers live in typed arrays and only they move while sifting; each item is
 * written once into a slot pool. Moving object pointers instead would cost a GC write barrier
 * per move (young items in an old array), which halves the throughput of the event loop.
 */
export class EventHeap<T> {
  private times: Float64Array;
  private seqs: Float64Array;
  private slots: Int32Array;
  private pool: (T | undefined)[] = [];
  private free: number[] = [];
  private n = 0;

  constructor(capacity = 1024) {
    this.times = new Float64Array(capacity);
    this.seqs = new Float64Array(capacity);
    this.slots = new Int32Array(capacity);
  }

  get size(): number {
    return this.n;
  }

  /** Adds an item; `seq` must be unique across the heap's life. */
  push(time: number, seq: number, item: T): void {
    if (this.n === this.times.length) this.grow();
    const slot = this.free.length > 0 ? this.free.pop()! : this.pool.length;
    this.pool[slot] = item;
    let i = this.n++;
    const times = this.times;
    const seqs = this.seqs;
    const slots = this.slots;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = times[p];
      if (pt < time || (pt === time && seqs[p] < seq)) break;
      times[i] = pt;
      seqs[i] = seqs[p];
      slots[i] = slots[p];
      i = p;
    }
    times[i] = time;
    seqs[i] = seq;
    slots[i] = slot;
  }

  /** Time of the earliest item, or Infinity when empty. */
  peekTime(): number {
    return this.n > 0 ? this.times[0] : Infinity;
  }

  /** The earliest item without removing it. */
  peek(): T | undefined {
    return this.n > 0 ? this.pool[this.slots[0]] : undefined;
  }

  /** Removes and returns the earliest item (read its time with `peekTime` first). */
  pop(): T | undefined {
    const n = this.n;
    if (n === 0) return undefined;
    const times = this.times;
    const seqs = this.seqs;
    const slots = this.slots;
    const topSlot = slots[0];
    const top = this.pool[topSlot];
    this.pool[topSlot] = undefined;
    this.free.push(topSlot);
    const last = n - 1;
    this.n = last;
    if (last > 0) {
      // Floyd's pop: walk the hole down to a leaf along the smaller children, then sift the
      // former last element up from there. It usually belongs near the bottom, so this does
      // about half the comparisons of a classic sift-down.
      let i = 0;
      let c = 1;
      while (c < last) {
        const r = c + 1;
        if (r < last && (times[r] < times[c] || (times[r] === times[c] && seqs[r] < seqs[c]))) c = r;
        times[i] = times[c];
        seqs[i] = seqs[c];
        slots[i] = slots[c];
        i = c;
        c = 2 * i + 1;
      }
      const t = times[last];
      const s = seqs[last];
      const sl = slots[last];
      while (i > 0) {
        const p = (i - 1) >> 1;
        const pt = times[p];
        if (pt < t || (pt === t && seqs[p] < s)) break;
        times[i] = pt;
        seqs[i] = seqs[p];
        slots[i] = slots[p];
        i = p;
      }
      times[i] = t;
      seqs[i] = s;
      slots[i] = sl;
    }
    return top;
  }

  /** All entries in heap order (not sorted): for snapshots. */
  entries(): { time: number; seq: number; item: T }[] {
    const out = new Array(this.n);
    for (let i = 0; i < this.n; i++) out[i] = { time: this.times[i], seq: this.seqs[i], item: this.pool[this.slots[i]] as T };
    return out;
  }

  /** Visits every item in heap order without allocating. */
  forEach(fn: (item: T, time: number, seq: number) => void): void {
    for (let i = 0; i < this.n; i++) fn(this.pool[this.slots[i]] as T, this.times[i], this.seqs[i]);
  }

  /** Replaces the contents with `entries` (any order). */
  load(entries: readonly { time: number; seq: number; item: T }[]): void {
    this.n = 0;
    this.pool = [];
    this.free = [];
    for (const e of entries) this.push(e.time, e.seq, e.item);
  }

  private grow(): void {
    const cap = this.times.length * 2;
    const times = new Float64Array(cap);
    times.set(this.times);
    const seqs = new Float64Array(cap);
    seqs.set(this.seqs);
    const slots = new Int32Array(cap);
    slots.set(this.slots);
    this.times = times;
    this.seqs = seqs;
    this.slots = slots;
  }
}
