// A persistent map from strings to values, made of plain objects and arrays so that a world
// holding one stays structured-cloneable. Handlers return new states and never change old ones;
// with a plain record that meant copying every entry to change one, so a state that grows (a
// database's sessions and rows, a monitor's transactions) made each step cost as much as the
// whole run so far. This is a hash array mapped trie: a change copies only the path to its key
// (a few small arrays), every other part is shared with the map it came from.
//
// Iteration follows a plain record's order (array-index keys ascending, then the others in the
// order they were first set), so code moved from a record to a map visits entries as before.

interface Leaf<V> {
  readonly k: string;
  readonly v: V;
  /** When `k` was first set: the record order of the keys that are not array indices. */
  readonly o: number;
}
/** Keys whose 32-bit hashes are all equal. */
interface Bucket<V> {
  readonly c: readonly Leaf<V>[];
}
/** Children by 5 bits of the hash: bit `i` of `m` set when there is one for value `i`. */
interface Branch<V> {
  readonly m: number;
  readonly a: readonly PNode<V>[];
}
type PNode<V> = Leaf<V> | Bucket<V> | Branch<V>;

/** An immutable map: change it with `pset` / `pdel`, which return a new one. */
export interface PMap<V> {
  readonly size: number;
  /** The next insertion order number. */
  readonly seq: number;
  readonly root: PNode<V> | null;
}

const BITS = 5;
const MASK = 31;

/** FNV-1a over the UTF-16 code units: deterministic, and spreads short similar keys well. */
function hash(k: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < k.length; i++) h = Math.imul(h ^ k.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

const isLeaf = <V>(n: PNode<V>): n is Leaf<V> => (n as Leaf<V>).k !== undefined;
const isBucket = <V>(n: PNode<V>): n is Bucket<V> => (n as Bucket<V>).c !== undefined;

/** The empty map. */
export function pmap<V>(): PMap<V> {
  return { size: 0, seq: 0, root: null };
}

/** A map with `rec`'s entries, in its order. */
export function pmapOf<V>(rec: Readonly<Record<string, V>>): PMap<V> {
  let m = pmap<V>();
  for (const k of Object.keys(rec)) m = pset(m, k, rec[k]);
  return m;
}

function leafOf<V>(m: PMap<V>, k: string): Leaf<V> | undefined {
  let n = m.root;
  if (n === null) return undefined;
  const h = hash(k);
  for (let shift = 0; ; shift += BITS) {
    if (isLeaf(n)) return n.k === k ? n : undefined;
    if (isBucket(n)) return n.c.find((l) => l.k === k);
    const bit = 1 << ((h >>> shift) & MASK);
    if ((n.m & bit) === 0) return undefined;
    n = n.a[popcount(n.m & (bit - 1))];
  }
}

/** The value at `k`, or undefined. */
export function pget<V>(m: PMap<V>, k: string): V | undefined {
  return leafOf(m, k)?.v;
}

/** Whether `m` has key `k`. */
export function phas<V>(m: PMap<V>, k: string): boolean {
  return leafOf(m, k) !== undefined;
}

/** Two leaves with different keys, below a node at `shift`. */
function join<V>(a: Leaf<V>, ha: number, b: Leaf<V>, hb: number, shift: number): PNode<V> {
  if (shift >= 32) return { c: [a, b] };
  const fa = (ha >>> shift) & MASK;
  const fb = (hb >>> shift) & MASK;
  if (fa === fb) return { m: 1 << fa, a: [join(a, ha, b, hb, shift + BITS)] };
  return { m: (1 << fa) | (1 << fb), a: fa < fb ? [a, b] : [b, a] };
}

/** `n` with `k` set to `v`; `added` tells whether the key is new. */
function put<V>(n: PNode<V>, h: number, k: string, v: V, o: number, shift: number, added: { yes: boolean }): PNode<V> {
  if (isLeaf(n)) {
    if (n.k === k) return n.v === v ? n : { k, v, o: n.o };
    added.yes = true;
    return join(n, hash(n.k), { k, v, o }, h, shift);
  }
  if (isBucket(n)) {
    const i = n.c.findIndex((l) => l.k === k);
    const c = [...n.c];
    if (i < 0) {
      added.yes = true;
      c.push({ k, v, o });
    } else c[i] = { k, v, o: n.c[i].o };
    return { c };
  }
  const bit = 1 << ((h >>> shift) & MASK);
  const i = popcount(n.m & (bit - 1));
  const a = [...n.a];
  if ((n.m & bit) === 0) {
    added.yes = true;
    a.splice(i, 0, { k, v, o });
    return { m: n.m | bit, a };
  }
  const child = put(n.a[i], h, k, v, o, shift + BITS, added);
  if (child === n.a[i]) return n;
  a[i] = child;
  return { m: n.m, a };
}

/** `m` with `k` set to `v` (a key set before keeps its place in the order). */
export function pset<V>(m: PMap<V>, k: string, v: V): PMap<V> {
  const h = hash(k);
  if (m.root === null) return { size: 1, seq: m.seq + 1, root: { k, v, o: m.seq } };
  const added = { yes: false };
  const root = put(m.root, h, k, v, m.seq, 0, added);
  if (root === m.root) return m;
  return added.yes ? { size: m.size + 1, seq: m.seq + 1, root } : { size: m.size, seq: m.seq, root };
}

/** `n` without `k`: the same node when it has no `k`, null when nothing is left. */
function remove<V>(n: PNode<V>, h: number, k: string, shift: number): PNode<V> | null {
  if (isLeaf(n)) return n.k === k ? null : n;
  if (isBucket(n)) {
    const c = n.c.filter((l) => l.k !== k);
    if (c.length === n.c.length) return n;
    return c.length === 1 ? c[0] : { c };
  }
  const bit = 1 << ((h >>> shift) & MASK);
  if ((n.m & bit) === 0) return n;
  const i = popcount(n.m & (bit - 1));
  const child = remove(n.a[i], h, k, shift + BITS);
  if (child === n.a[i]) return n;
  if (child === null) {
    if (n.a.length === 1) return null;
    const a = n.a.filter((_, j) => j !== i);
    // A lone leaf moves up: the trie stays as shallow as its keys need (a bucket stays where
    // its hashes' bits run out).
    if (a.length === 1 && isLeaf(a[0])) return a[0];
    return { m: n.m & ~bit, a };
  }
  if (n.a.length === 1 && isLeaf(child)) return child;
  const a = [...n.a];
  a[i] = child;
  return { m: n.m, a };
}

/** `m` without `k`. */
export function pdel<V>(m: PMap<V>, k: string): PMap<V> {
  if (m.root === null) return m;
  const root = remove(m.root, hash(k), k, 0);
  if (root === m.root) return m;
  return { size: m.size - 1, seq: m.seq, root };
}

function collect<V>(n: PNode<V>, out: Leaf<V>[]): void {
  if (isLeaf(n)) out.push(n);
  else if (isBucket(n)) out.push(...n.c);
  else for (const c of n.a) collect(c, out);
}

/** Array index keys ("0" … "4294967294") come first in a record, in numeric order. */
function indexOf(k: string): number {
  if (k.length === 0 || k.length > 10 || (k.length > 1 && k[0] === '0')) return -1;
  for (let i = 0; i < k.length; i++) {
    const c = k.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
  }
  const n = Number(k);
  return n < 4294967295 ? n : -1;
}

function recordOrder<V>(a: Leaf<V>, b: Leaf<V>): number {
  const ia = indexOf(a.k);
  const ib = indexOf(b.k);
  if (ia >= 0 || ib >= 0) return ia < 0 ? 1 : ib < 0 ? -1 : ia - ib;
  return a.o - b.o;
}

/** Every entry, in a plain record's order. Costs a sort: for views and rare events, not every step. */
export function pentries<V>(m: PMap<V>): [string, V][] {
  const leaves: Leaf<V>[] = [];
  if (m.root !== null) collect(m.root, leaves);
  return leaves.sort(recordOrder).map((l) => [l.k, l.v]);
}

/** Every key, in a plain record's order. */
export function pkeys<V>(m: PMap<V>): string[] {
  return pentries(m).map((e) => e[0]);
}

/** Every value, in a plain record's order. */
export function pvalues<V>(m: PMap<V>): V[] {
  return pentries(m).map((e) => e[1]);
}

/** Calls `f` with every entry, in no particular order (no sort: for order-blind scans). */
export function peach<V>(m: PMap<V>, f: (v: V, k: string) => void): void {
  if (m.root !== null) visit(m.root, f);
}

function visit<V>(n: PNode<V>, f: (v: V, k: string) => void): void {
  if (isLeaf(n)) f(n.v, n.k);
  else if (isBucket(n)) for (const l of n.c) f(l.v, l.k);
  else for (const c of n.a) visit(c, f);
}

/** Whether some value passes `ok` (in no particular order, without sorting). */
export function psome<V>(m: PMap<V>, ok: (v: V, k: string) => boolean): boolean {
  const leaves: Leaf<V>[] = [];
  if (m.root !== null) collect(m.root, leaves);
  return leaves.some((l) => ok(l.v, l.k));
}

/** A plain record with `m`'s entries (any key, "__proto__" too, as an own property). */
export function precord<V>(m: PMap<V>): Record<string, V> {
  const out: Record<string, V> = {};
  for (const [k, v] of pentries(m)) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}
