import type { RedisEntry } from './keyspace';
import type { RedisState } from './state';

// Kept apart from the model's behaviour, as every kind's view: the UI reads only this.

/** One key as the canvas shows it. */
export interface RedisKeyView {
  name: string;
  type: NonNullable<RedisEntry['type']>;
  value: RedisEntry['value'];
  /** Deadline on the server's clock (ms), or null for no expiry. */
  expireAt: number | null;
  /** The TTL that deadline was set with (ms), for the fraction left; null without an expiry. */
  ttlMs: number | null;
}

/** What the canvas shows of a Redis server. */
export interface RedisView {
  /** The primary a replica follows; null on a primary. */
  replicaOf: string | null;
  /** Every key, by name (keys past their TTL stay until the server removes them, as in Redis). */
  keys: readonly RedisKeyView[];
}

/** A plain summary of the server's state, for views. */
export function redisView(s: RedisState): RedisView {
  const keys = s.data.keys;
  return {
    replicaOf: s.role === 'replica' ? (s.primary ?? '?') : null,
    keys: Object.keys(keys)
      .sort()
      .map((name) => {
        const e = keys[name];
        return { name, type: e.type ?? 'string', value: e.value, expireAt: e.expireAt, ttlMs: e.expireAt === null ? null : (e.ttlMs ?? null) };
      }),
  };
}
