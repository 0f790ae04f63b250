/**
 * A binary min-heap of integer slots keyed by (time, seq); `seq` is unique and increasing, so
 * ties in time come out in the order they were scheduled. Keys and slots live in typed arrays
 * and only numbers move while sifting: moving object pointers instead would cost a GC write
 * barrier per move (young items in an old array), which halves the event loop's throughput.
 * A slot's seq is kept beside the slot, not beside its heap position: it is read only to break
 * a tie in time, which is rare, so only two numbers move per level.
 */
export class KeyHeap {
  private times: Float64Array;
  private slots: Int32Array;
  /** Seq of the entry holding each slot (indexed by slot, not by heap position). */
  private seqOf: Float64Array;
  private n = 0;

  constructor(capacity = 1024) {
    const cap = Math.max(1, capacity);
    this.times = new Float64Array(cap);
    this.slots = new Int32Array(cap);
    this.seqOf = new Float64Array(cap);
  }

  get size(): number {
    return this.n;
  }

  /**
   * Adds `slot` (a non-negative integer not already in the heap) under key (time, seq); `seq`
   * must be unique across the heap's life.
   */
  push(time: number, seq: number, slot: number): void {
    if (this.n === this.times.length) this.grow();
    if (slot >= this.seqOf.length) this.growSeqs(slot);
    const seqOf = this.seqOf;
    seqOf[slot] = seq;
    let i = this.n++;
    const times = this.times;
    const slots = this.slots;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = times[p];
      if (pt < time || (pt === time && seqOf[slots[p]] < seq)) break;
      times[i] = pt;
      slots[i] = slots[p];
      i = p;
    }
    times[i] = time;
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
    const slots = this.slots;
    const seqOf = this.seqOf;
    const top = slots[0];
    const last = n - 1;
    this.n = last;
    if (last > 0) {
      // Floyd's pop: walk the hole down to a leaf along the smaller children, then sift the
      // former last entry up from there. It usually belongs near the bottom, so this does
      // about half the comparisons of a classic sift-down. Which child is smaller is a coin
      // flip the CPU cannot predict, so it is computed as a number, not branched on. A right
      // child at `last` is the entry being moved; taking it into the hole is harmless, as the
      // sift-up below then starts from its copy.
      const t = times[last];
      const sl = slots[last];
      let i = 0;
      let c = 1;
      while (c < last) {
        const tl = times[c];
        const tr = times[c + 1];
        if (tl === tr) {
          if (c + 1 < last && seqOf[slots[c + 1]] < seqOf[slots[c]]) c++;
        } else c += +(tr < tl);
        times[i] = times[c];
        slots[i] = slots[c];
        i = c;
        c = 2 * i + 1;
      }
      const s = seqOf[sl];
      while (i > 0) {
        const p = (i - 1) >> 1;
        const pt = times[p];
        if (pt < t || (pt === t && seqOf[slots[p]] < s)) break;
        times[i] = pt;
        slots[i] = slots[p];
        i = p;
      }
      times[i] = t;
      slots[i] = sl;
    }
    return top;
  }

  /** Visits every entry in heap order (not sorted). */
  forEach(fn: (slot: number, time: number, seq: number) => void): void {
    for (let i = 0; i < this.n; i++) fn(this.slots[i], this.times[i], this.seqOf[this.slots[i]]);
  }

  /** Empties the heap. */
  clear(): void {
    this.n = 0;
  }

  private grow(): void {
    const cap = this.times.length * 2;
    const times = new Float64Array(cap);
    times.set(this.times);
    const slots = new Int32Array(cap);
    slots.set(this.slots);
    this.times = times;
    this.slots = slots;
  }

  private growSeqs(slot: number): void {
    const seqOf = new Float64Array(Math.max(slot + 1, this.seqOf.length * 2));
    seqOf.set(this.seqOf);
    this.seqOf = seqOf;
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
