/**
 * Spring Cloud Gateway's RedisRateLimiter, as a limiter node runs it: every request becomes one
 * EVAL of request_rate_limiter.lua (the model's `scg-token-bucket` script) on the Redis node,
 * so every gateway on that Redis shares one bucket per route and key; the reply `[allowed,
 * tokens_left]` becomes the response and its X-RateLimit-* headers. When Redis answers with an
 * error or not at all, the gateway lets the request through with X-RateLimit-Remaining -1
 * (RedisRateLimiter.isAllowed: "we don't want a hard dependency on Redis to allow traffic").
 */
import { initRedisIo, redisConnectionEnded, redisReply, redisSend, redisTimedOut, startRedisIo, type RedisIo } from '../../clients/redis/io';
import { isConnectionClosed } from '../../core/connection';
import { closePhrase } from '../../core/narrate';
import { p, type Say } from '../../core/phrase';
import type { RedisReply } from '../../clients/redis/protocol';
import { evalArgv } from '../../clients/redis/scripts';
import type { Msg } from '../../core/msg';
import type { Ctx } from '../../core/types';
import type { LimiterAlgorithm } from './params';

type ScgConfig = Extract<LimiterAlgorithm, { kind: 'scg-redis' }>;

/** A request waiting for the script's answer. */
interface Waiting {
  rid: number;
  client: string;
  id: number;
  key: string;
}

export interface ScgState {
  /** Requests to Redis, or null when there is no Redis to ask (every request fails open). */
  io: RedisIo | null;
  waiting: Waiting[];
  /** The headers of the last response per key, for the card. */
  last: Record<string, { allowed: boolean; headers: Record<string, string> }>;
}

/** What the gateway decided for a request; the node traces it and answers. */
export interface ScgOutcome {
  client: string;
  id: number;
  key: string;
  allowed: boolean;
  headers: Record<string, string>;
  detail: Say;
  /** Let through because Redis failed, not because the bucket had tokens. */
  failOpen: boolean;
}

/** RedisRateLimiter.getKeys: hash-tagged so both keys land on one Redis Cluster slot. */
export function scgKeys(routeId: string, id: string): [string, string] {
  const prefix = `request_rate_limiter.{${routeId}.${id}}.`;
  return [`${prefix}tokens`, `${prefix}timestamp`];
}

/** RedisRateLimiter.getHeaders. */
export function scgHeaders(c: ScgConfig, tokensLeft: number): Record<string, string> {
  return {
    'X-RateLimit-Remaining': String(tokensLeft),
    'X-RateLimit-Replenish-Rate': String(c.replenishRate),
    'X-RateLimit-Burst-Capacity': String(c.burstCapacity),
    'X-RateLimit-Requested-Tokens': String(c.requestedTokens),
  };
}

/** Readies the Redis connection at (re)start: the named node, else the first linked Redis. */
export function scgStart(c: ScgConfig, ctx: Ctx): ScgState {
  const redis = c.redis ?? ctx.neighbours().find((n) => ctx.typeOf(n) === 'redis') ?? null;
  return { io: redis === null ? null : startRedisIo(initRedisIo(redis), redis, ctx), waiting: [], last: {} };
}

const failOpen = (c: ScgConfig, w: Omit<Waiting, 'rid'>, why: Say): ScgOutcome => ({
  client: w.client,
  id: w.id,
  key: w.key,
  allowed: true,
  headers: scgHeaders(c, -1),
  detail: p('model.limiter.failsOpen', { why }),
  failOpen: true,
});

/**
 * Sends the script for request `id` of `client`. Its time argument is empty, as RedisRateLimiter
 * has sent it since 3.0.6 ("Use redis time rather than client time"): the script reads Redis's
 * own clock (TIME), so the bucket refills by whole seconds of Redis's clock and a gateway's
 * skewed clock changes nothing.
 */
export function scgRequest(s: ScgState, c: ScgConfig, client: string, id: number, key: string, ctx: Ctx): { s: ScgState; out: ScgOutcome | null } {
  if (s.io === null) return { s, out: failOpen(c, { client, id, key }, p('model.limiter.noRedis')) };
  const argv = evalArgv('scg-token-bucket', scgKeys(c.routeId, key), [String(c.replenishRate), String(c.burstCapacity), '', String(c.requestedTokens)]);
  const rid = s.io.nextId;
  const io = redisSend(s.io, argv, 'rate-limit', c.redisTimeoutMs, ctx);
  return { s: { ...s, io, waiting: [...s.waiting, { rid, client, id, key }] }, out: null };
}

const intOf = (r: RedisReply | undefined): number | null => (typeof r === 'number' ? r : r !== null && typeof r === 'object' && 'int' in r ? Number(r.int) : null);

/** A Redis reply: the script's answer for a waiting request, or an error (fail open). Null when not ours. */
export function scgReply(s: ScgState, c: ScgConfig, msg: Msg, from: string, ctx: Ctx): { s: ScgState; out: ScgOutcome | null } | null {
  if (s.io === null) return null;
  const r = redisReply(s.io, msg, from, ctx);
  if (!r) return null;
  const w = s.waiting.find((x) => x.rid === r.req.id);
  const rest = s.waiting.filter((x) => x !== w);
  if (!w) return { s: { ...s, io: r.io }, out: null };
  const reply = r.reply;
  const ok = Array.isArray(reply) ? intOf(reply[0]) : null;
  const left = Array.isArray(reply) ? intOf(reply[1]) : null;
  const out: ScgOutcome =
    ok === null || left === null
      ? failOpen(c, w, p('model.limiter.redisAnswered', { reply: typeof reply === 'object' && reply !== null && 'error' in reply ? reply.error : JSON.stringify(reply) }))
      : { client: w.client, id: w.id, key: w.key, allowed: ok === 1, headers: scgHeaders(c, left), detail: `X-RateLimit-Remaining: ${left}`, failOpen: false };
  return { s: { ...s, io: r.io, waiting: rest, last: { ...s.last, [w.key]: { allowed: out.allowed, headers: out.headers } } }, out };
}

/** A Redis request timed out: that request fails open. Null when the timer is not ours. */
export function scgTimeout(s: ScgState, c: ScgConfig, payload: unknown): { s: ScgState; out: ScgOutcome | null } | null {
  if (s.io === null) return null;
  const t = redisTimedOut(s.io, payload);
  if (!t) return null;
  const w = s.waiting.find((x) => x.rid === t.req.id);
  if (!w) return { s: { ...s, io: t.io }, out: null };
  const out = failOpen(c, w, p('model.limiter.redisSilent', { ms: c.redisTimeoutMs }));
  return { s: { ...s, io: t.io, waiting: s.waiting.filter((x) => x !== w), last: { ...s.last, [w.key]: { allowed: true, headers: out.headers } } }, out };
}

/**
 * The connection to Redis ended (Redis died, refused, TCP gave up): every request waiting on it
 * fails open at once, as the Redis client raises a connection error for each. Null when `msg`
 * is not that news.
 */
export function scgConnectionEnded(s: ScgState, c: ScgConfig, msg: Msg, from: string, ctx: Ctx): { s: ScgState; outs: ScgOutcome[] } | null {
  if (s.io === null || !isConnectionClosed(msg)) return null;
  const r = redisConnectionEnded(s.io, msg, from, ctx);
  if (!r) return null;
  const ids = new Set(r.failed.map((f) => f.id));
  const failed = s.waiting.filter((w) => ids.has(w.rid));
  const outs = failed.map((w) => failOpen(c, w, closePhrase(msg.reason, from)));
  const last = { ...s.last };
  for (const o of outs) last[o.key] = { allowed: true, headers: o.headers };
  return { s: { ...s, io: r.io, waiting: s.waiting.filter((w) => !ids.has(w.rid)), last }, outs };
}
