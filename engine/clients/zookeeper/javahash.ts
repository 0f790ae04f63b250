/**
 * Java's HashMap/HashSet iteration order, for the few places where a real ZooKeeper's observable
 * behaviour follows it: the order a closing session's ephemerals are deleted in (so the order of
 * NodeDeleted events), the order a reconnecting client lists its watches in SetWatches, and the
 * order getChildren lists a node's children in.
 */

/** Java's `String.hashCode` (UTF-16 code units, 32-bit wrap-around). */
export function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

/** The bucket a key lands in: HashMap spreads the high bits down, then masks. */
export function javaBucket(key: string, capacity: number): number {
  const h = javaStringHash(key);
  return ((h ^ (h >>> 16)) & (capacity - 1)) >>> 0;
}

/** Capacity of a HashMap that grew from `initial` (the default 16) to hold `maxSize` entries (it never shrinks). */
export function grownCapacity(maxSize: number, initial = 16): number {
  let cap = initial;
  while (maxSize > cap * 0.75) cap *= 2;
  return cap;
}

/** Capacity of a copy made by `clone()` or `new HashMap(map)`: sized from the entry count alone. */
export function copyCapacity(size: number): number {
  const t = Math.floor(size / 0.75 + 1);
  let cap = 1;
  while (cap < t) cap *= 2;
  return cap;
}

/**
 * The order Java iterates a hash set of `keys` inserted in the given order, with `capacity`
 * buckets: by bucket, and within a bucket by insertion order (no treeified buckets here).
 */
export function javaHashOrder(keys: readonly string[], capacity: number): string[] {
  return keys
    .map((k, i) => ({ k, i, b: javaBucket(k, capacity) }))
    .sort((a, b) => a.b - b.b || a.i - b.i)
    .map((e) => e.k);
}

/**
 * Iteration order of `clone()` of a set that grew to hold `maxSize` entries: the copy is rebuilt
 * by iterating the original, so ties within a new bucket keep the original's order.
 */
export function javaClonedOrder(keys: readonly string[], maxSize: number): string[] {
  const original = javaHashOrder(keys, grownCapacity(maxSize));
  return javaHashOrder(original, copyCapacity(keys.length));
}
