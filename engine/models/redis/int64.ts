import type { RedisReply } from '../../clients/redis/protocol';
import { NOT_INT, ReplyError, type Expiring } from './keyspace';

/**
 * A signed 64-bit integer, exact: a number while it is a safe integer (|v| <= 2^53 - 1), a
 * bigint beyond. Redis computes integers and deadlines in C `long long`; JavaScript numbers lose
 * precision past 2^53, so values near the int64 range go through BigInt, and only they do: the
 * usual small counters and TTLs never leave plain number arithmetic.
 */
export type I64 = number | bigint;

export const I64_MAX = 9223372036854775807n;
export const I64_MIN = -9223372036854775808n;
/** LLONG_MAX / 1000 (C division): the largest seconds value that fits once multiplied to ms. */
export const I64_MAX_SECONDS = I64_MAX / 1000n;
export const I64_MIN_SECONDS = I64_MIN / 1000n;

const SAFE_MAX = BigInt(Number.MAX_SAFE_INTEGER);
/** Decimal strings this short (|v| < 10^15) are exact as numbers: no BigInt needed to parse them. */
const FAST_DIGITS = 15;
const STRING2LL = /^(0|-?[1-9][0-9]*)$/;

/** A bigint in canonical form: a number when it is a safe integer. */
export function norm(v: bigint): I64 {
  return v >= -SAFE_MAX && v <= SAFE_MAX ? Number(v) : v;
}

/**
 * Parses a signed 64-bit integer exactly as Redis's `string2ll` does: no sign on zero, no '+',
 * no leading zeros, no spaces, at most 20 characters. Returns null when Redis would refuse it.
 */
export function parseI64(s: string): I64 | null {
  if (s.length === 0 || s.length > 20 || !STRING2LL.test(s)) return null;
  if (s.length <= FAST_DIGITS) return Number(s);
  const v = BigInt(s);
  return v < I64_MIN || v > I64_MAX ? null : norm(v);
}

/** A command's integer argument, strictly parsed; "value is not an integer or out of range" otherwise. */
export function intArg(arg: string): I64 {
  const v = parseI64(arg);
  if (v === null) throw new ReplyError(NOT_INT);
  return v;
}

/** a + b, or null when the exact sum leaves the int64 range (where C would overflow). */
export function addI64(a: I64, b: I64): I64 | null {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    // Two safe integers whose sum is safe add exactly; past 2^53 the double result is not safe.
    if (Number.isSafeInteger(r)) return r;
  }
  const r = BigInt(a) + BigInt(b);
  return r > I64_MAX || r < I64_MIN ? null : norm(r);
}

/** a * k for a small integer k; the caller has checked the product fits in int64. */
export function mulI64(a: I64, k: number): I64 {
  if (typeof a === 'number') {
    const r = a * k;
    if (Number.isSafeInteger(r)) return r;
  }
  return norm(BigInt(a) * BigInt(k));
}

/** -v; the caller has refused LLONG_MIN, whose negation does not fit. */
export function negI64(v: I64): I64 {
  return typeof v === 'number' ? 0 - v : norm(-v);
}

/** An integer reply: a number when safe, else `{ int }` with the exact decimal text. */
export function intReply(v: I64): RedisReply {
  return typeof v === 'number' ? v : { int: v.toString() };
}

/** The exact deadline of an entry (ms on the server's clock), or null when it has none. */
export function deadlineOf(e: Expiring): I64 | null {
  return e.expireAtExact !== undefined ? BigInt(e.expireAtExact) : e.expireAt;
}

/**
 * The expiry fields for a deadline set at server time `now`: `expireAtExact` only when it is
 * beyond 2^53 ms, and the TTL it was set with (`ttlMs`, for views).
 */
export function expiryOf(d: I64 | null, now: number): Expiring {
  if (d === null) return { expireAt: null };
  if (typeof d === 'number') return { expireAt: d, ttlMs: d - now };
  return { expireAt: Number(d), expireAtExact: d.toString(), ttlMs: Number(d) - now };
}

/** The expiry fields of `e` (none when `e` is undefined), to carry over to a rewritten value. */
export function keepExpiry(e: Expiring | undefined): Expiring {
  if (e === undefined || e.expireAt === null) return { expireAt: null };
  const kept: Expiring = e.expireAtExact === undefined ? { expireAt: e.expireAt } : { expireAt: e.expireAt, expireAtExact: e.expireAtExact };
  if (e.ttlMs !== undefined) kept.ttlMs = e.ttlMs;
  return kept;
}

/** `e` with its expiry replaced at server time `now` (an old exact deadline or TTL never lingers). */
export function withExpiry<T extends Expiring>(e: T, d: I64 | null, now: number): T {
  const { expireAtExact: _old, ttlMs: _ttl, ...rest } = e;
  return { ...rest, ...expiryOf(d, now) } as T;
}
