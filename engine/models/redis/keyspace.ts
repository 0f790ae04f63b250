import type { RedisReply } from '../../clients/redis/protocol';

/** A value's TTL. */
export interface Expiring {
  /** Absolute expiry time on the server's own clock (whole ms), or null for no expiry. */
  expireAt: number | null;
  /**
   * The exact deadline as decimal text, only when it lies beyond 2^53 ms (year 287,396), where
   * `expireAt` holds the nearest double: Redis keeps deadlines up to 2^63 - 1 ms exactly.
   */
  expireAtExact?: string;
  /**
   * The TTL the deadline was set with (ms of the server's clock), so a view can show the
   * fraction left; Redis itself keeps only the deadline. Absent without an expiry.
   */
  ttlMs?: number;
}

/** A string value. `type` may be left out (older states and hand-built fixtures omit it). */
export interface RedisStringEntry extends Expiring {
  type?: 'string';
  value: string;
}

/**
 * A hash value: field -> value. Kept as a plain record, so integer-like field names come out of
 * HGETALL in ascending numeric order rather than Redis's insertion order (Redisson's fields,
 * `<uuid>:<threadId>`, are never integer-like).
 */
export interface RedisHashEntry extends Expiring {
  type: 'hash';
  value: Readonly<Record<string, string>>;
}

/** A list value, head first. Redis deletes a list whose last element goes. */
export interface RedisListEntry extends Expiring {
  type: 'list';
  value: readonly string[];
}

export type RedisEntry = RedisStringEntry | RedisHashEntry | RedisListEntry;

/** The server's data as plain JSON. */
export interface RedisData {
  keys: Readonly<Record<string, RedisEntry>>;
  /** Pub/Sub: channel -> ids of the client nodes subscribed to it, in subscription order. */
  subs?: Readonly<Record<string, readonly string[]>>;
}

/** A message PUBLISH sent: the node delivers it to `to` (the subscribers at that moment). */
export interface Published {
  channel: string;
  message: string;
  to: string[];
}

export const err = (error: string): { error: string } => ({ error });

/**
 * An error reply whose text carries client input: CR and LF become spaces, as Redis's
 * addReplyErrorFormat and rejectCommandFormat do (a newline would break the protocol).
 */
export const errFormat = (text: string): { error: string } => err(text.replace(/[\r\n]/g, ' '));

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

/** Bytes `s` takes in UTF-8, what C's sdslen counts. */
export function utf8Length(s: string): number {
  return /^[\x00-\x7f]*$/.test(s) ? s.length : utf8.encode(s).length;
}

/**
 * The first `n` bytes of `s` in UTF-8, as C's `%.*s` cuts them: a character split at the cut
 * decodes as U+FFFD, which is what a client reading the reply as UTF-8 sees.
 */
export function utf8Prefix(s: string, n: number): string {
  if (s.length * 3 <= n) return s;
  const bytes = utf8.encode(s);
  return bytes.length <= n ? s : fromUtf8.decode(bytes.subarray(0, Math.max(0, n)));
}

/** Whether a reply is an error reply. */
export function isErrorReply(r: RedisReply | undefined): r is { error: string } {
  return r !== null && typeof r === 'object' && !Array.isArray(r) && 'error' in r;
}

/** A reply error thrown by a command implementation; `exec` turns it into the reply. */
export class ReplyError extends Error {
  constructor(readonly reply: { error: string }) {
    super(reply.error);
  }
}

export const WRONGTYPE = err('WRONGTYPE Operation against a key holding the wrong kind of value');
export const SYNTAX = err('ERR syntax error');
export const NOT_INT = err('ERR value is not an integer or out of range');
export const OVERFLOW = err('ERR increment or decrement would overflow');
export const HASH_NOT_INT = err('ERR hash value is not an integer');
export const READONLY = err("READONLY You can't write against a read only replica.");
export const wrongArgs = (name: string) => err(`ERR wrong number of arguments for '${name}' command`);
export const invalidExpire = (name: string) => err(`ERR invalid expire time in '${name}' command`);

/** True when `rec` has `k` as its own property (so "__proto__" or "toString" are plain keys). */
export function own<T>(rec: Readonly<Record<string, T>>, k: string): boolean {
  return Object.prototype.hasOwnProperty.call(rec, k);
}

/** The value at `k`, own properties only. */
export function at<T>(rec: Readonly<Record<string, T>> | undefined, k: string): T | undefined {
  return rec !== undefined && own(rec, k) ? rec[k] : undefined;
}

/**
 * Sets `k` on a record being built as an own data property. Only "__proto__" needs defining
 * (assigning it would set the prototype); defining every key, as this code once did, turned
 * each copy into a slow dictionary-mode object, which made every later copy and read slow too.
 */
function setOwn<T>(out: Record<string, T>, k: string, v: T): void {
  if (k === '__proto__') Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  else out[k] = v;
}

/** `rec` with `k` set to `v`, or removed when `v` is undefined; never mutates `rec`. */
export function withKey<T>(rec: Readonly<Record<string, T>>, k: string, v: T | undefined): Record<string, T> {
  if (v !== undefined) return { ...rec, [k]: v };
  return without(rec, (key) => key === k);
}

/** `rec` without the keys `gone` picks, in the same order; never mutates `rec`. */
export function without<T>(rec: Readonly<Record<string, T>>, gone: (k: string) => boolean): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of Object.keys(rec)) if (!gone(key)) setOwn(out, key, rec[key]);
  return out;
}

/** `rec` with each change applied in order (undefined removes the key); never mutates `rec`. */
export function withChanges<T>(rec: Readonly<Record<string, T>>, changes: readonly { readonly key: string; readonly entry: T | null }[]): Record<string, T> {
  let out: Record<string, T> = { ...rec };
  // A removal copies rather than `delete`s (which would leave a dictionary-mode object); a key
  // removed and set again goes to the end of the order, as deleting then setting does.
  for (const c of changes) {
    if (c.entry !== null) setOwn(out, c.key, c.entry);
    else if (own(out, c.key)) out = without(out, (k) => k === c.key);
  }
  return out;
}

/** Whether the entry has expired at server time `nowMs`: Redis's `keyIsExpired` is `now > when`. */
export function isExpired(e: RedisEntry, nowMs: number): boolean {
  return e.expireAt !== null && nowMs > e.expireAt;
}

/** The earliest expiry time in the keyspace, or null when no key has a TTL. */
export function nextExpiry(keys: Readonly<Record<string, RedisEntry>>): number | null {
  let min: number | null = null;
  for (const k in keys) {
    const e = keys[k].expireAt;
    if (e !== null && (min === null || e < min)) min = e;
  }
  return min;
}
