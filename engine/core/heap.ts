/**
 * A binary min-heap of integer slots keyed by (time, seq); `seq` is unique and increasing, so
 * ties in time come out in the order they were scheduled. Keys and slots live in typed arrays
 * and only numbers move while sifting: moving object pointers instead would cost a GC write
 * barrier per move (young items in an old array), which halves the event loop's throughput.
 */
export class KeyHeap {
  private times: Float64Array;
  private seqs: Float64Array;
  private slots: Int32Array;
  private n = 0;

  constructor(capacity = 1024) {
    this.times = new Float64Array(capacity);
    this.seqs = new Float64Array(capacity);
    this.slots = new Int32Array(capacity);
  }

  get size(): number {
    return this.n;
  }

  /** Adds `slot` under key (time, seq); `seq` must be unique across the heap's life. */
  push(time: number, seq: number, slot: number): void {
    if (this.n === this.times.length) this.grow();
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

  /** Time of the earliest entry, or Infinity when empty. */
  peekTime(): number {
    return this.n > 0 ? this.times[0] : Infinity;
  }

  /** Slot of the earliest entry, or -1 when empty. */
  peekSlot(): number {
    return this.n > 0 ? this.slots[0] : -1;
  }

  /** Removes the earliest entry and returns its slot (-1 when empty). */
  pop(): number {
    const n = this.n;
    if (n === 0) return -1;
    const times = this.times;
    const seqs = this.seqs;
    const slots = this.slots;
    const top = slots[0];
    const last = n - 1;
    this.n = last;
    if (last > 0) {
      // Floyd's pop: walk the hole down to a leaf along the smaller children, then sift the
      // former last entry up from there. It usually belongs near the bottom, so this does
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

  /** Visits every entry in heap order (not sorted). */
  forEach(fn: (slot: number, time: number, seq: number) => void): void {
    for (let i = 0; i < this.n; i++) fn(this.slots[i], this.times[i], this.seqs[i]);
  }

  /** Empties the heap. */
  clear(): void {
    this.n = 0;
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

/** A KeyHeap of arbitrary items, each written once into a slot pool. */
export class EventHeap<T> {
  private readonly keys: KeyHeap;
  private pool: (T | undefined)[] = [];
  private free: number[] = [];

  constructor(capacity = 1024) {
    this.keys = new KeyHeap(capacity);
  }

  get size(): number {
    return this.keys.size;
  }

  /** Adds an item; `seq` must be unique across the heap's life. */
  push(time: number, seq: number, item: T): void {
    const slot = this.free.length > 0 ? this.free.pop()! : this.pool.length;
    this.pool[slot] = item;
    this.keys.push(time, seq, slot);
  }

  /** Time of the earliest item, or Infinity when empty. */
  peekTime(): number {
    return this.keys.peekTime();
  }

  /** The earliest item without removing it. */
  peek(): T | undefined {
    const slot = this.keys.peekSlot();
    return slot < 0 ? undefined : this.pool[slot];
  }

  /** Removes and returns the earliest item (read its time with `peekTime` first). */
  pop(): T | undefined {
    const slot = this.keys.pop();
    if (slot < 0) return undefined;
    const item = this.pool[slot];
    this.pool[slot] = undefined;
    this.free.push(slot);
    return item;
  }

  /** All entries in heap order (not sorted). */
  entries(): { time: number; seq: number; item: T }[] {
    const out: { time: number; seq: number; item: T }[] = [];
    this.keys.forEach((slot, time, seq) => out.push({ time, seq, item: this.pool[slot] as T }));
    return out;
  }

  /** Replaces the contents with `entries` (any order). */
  load(entries: readonly { time: number; seq: number; item: T }[]): void {
    this.keys.clear();
    this.pool = [];
    this.free = [];
    for (const e of entries) this.push(e.time, e.seq, e.item);
  }
}
