// A persistent sequence (a queue, mostly: pushed at the back, taken anywhere, usually near the
// front), made of plain arrays so that a world holding one stays structured-cloneable. A state
// holding a plain array copied all of it to add or take one element, so a long queue made each
// step cost its length; here the elements sit in chunks of at most CHUNK, and a change copies
// one chunk and the (short) list of chunks, sharing the rest with the sequence it came from.

/** An immutable sequence: change it with `ppush` / `premove`, which return a new one. */
export interface PSeq<T> {
  readonly length: number;
  readonly chunks: readonly (readonly T[])[];
}

const CHUNK = 32;

/** The empty sequence. */
export function pseq<T>(): PSeq<T> {
  return { length: 0, chunks: [] };
}

/** `q` with `x` added at the back. */
export function ppush<T>(q: PSeq<T>, x: T): PSeq<T> {
  const last = q.chunks.length - 1;
  if (last >= 0 && q.chunks[last].length < CHUNK) {
    const chunks = q.chunks.slice();
    chunks[last] = [...q.chunks[last], x];
    return { length: q.length + 1, chunks };
  }
  return { length: q.length + 1, chunks: [...q.chunks, [x]] };
}

/** The index of the first element that passes `ok`, or -1 (it stops at the first). */
export function pfind<T>(q: PSeq<T>, ok: (x: T) => boolean): number {
  let base = 0;
  for (const c of q.chunks) {
    const i = c.findIndex(ok);
    if (i >= 0) return base + i;
    base += c.length;
  }
  return -1;
}

/** The element at `i` (0 <= i < length). */
export function pat<T>(q: PSeq<T>, i: number): T {
  for (const c of q.chunks) {
    if (i < c.length) return c[i];
    i -= c.length;
  }
  throw new RangeError(`index ${i} past the end`);
}

/** `q` without its element at `i` (0 <= i < length). */
export function premove<T>(q: PSeq<T>, i: number): PSeq<T> {
  for (let j = 0; j < q.chunks.length; j++) {
    const c = q.chunks[j];
    if (i >= c.length) {
      i -= c.length;
      continue;
    }
    const chunks = q.chunks.slice();
    if (c.length === 1) chunks.splice(j, 1);
    else chunks[j] = [...c.slice(0, i), ...c.slice(i + 1)];
    return { length: q.length - 1, chunks };
  }
  throw new RangeError(`index ${i} past the end`);
}

/** Every element, front to back, in a new array. */
export function parray<T>(q: PSeq<T>): T[] {
  return q.chunks.flat() as T[];
}
