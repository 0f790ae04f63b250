import { isConnectionClosed } from '../../core/connection';
import type { Msg } from '../../core/msg';
import { timerOwner } from '../../core/timer';
import type { Ctx } from '../../core/types';
import { redisCmd, type RedisReply, type RedisReplyMsg } from './protocol';

/**
 * Request/reply bookkeeping for programs that talk to Redis: ids, a timeout per request, and
 * an optional second server to turn to when the first stops answering (a client that follows
 * a failover). Plain data.
 */
export interface RedisIo {
  /** The server requests go to now. */
  target: string;
  /** The other server (a replica that may be promoted), or null. */
  fallback: string | null;
  nextId: number;
  pending: RedisRequest[];
}

export interface RedisRequest {
  id: number;
  /** What the program asked for, its own label ("acquire", "renew"…). */
  what: string;
  argv: readonly string[];
  sentAt: number;
  to: string;
  timer: number;
}

/** A request's timeout timer. */
const TIMERS = timerOwner<{ timeout: { id: number } }>('redis-client');

/** Bookkeeping for requests to `target`, with `fallback` to turn to; startRedisIo readies it at each (re)start. */
export function initRedisIo(target: string, fallback?: string): RedisIo {
  return { target, fallback: fallback ?? null, nextId: 1, pending: [] };
}

/** Fresh bookkeeping at (re)start; ids start at a random point so a reply from before a crash matches nothing. */
export function startRedisIo(io: RedisIo, target: string, ctx: Ctx): RedisIo {
  return { ...io, target, pending: [], nextId: 1 + Math.floor(ctx.random() * 1e9) };
}

/** Sends one command to the current target; it fails with a timeout after `timeoutMs`. */
export function redisSend(io: RedisIo, argv: readonly string[], what: string, timeoutMs: number, ctx: Ctx): RedisIo {
  const id = io.nextId;
  ctx.send(io.target, redisCmd(id, argv));
  const timer = ctx.setTimer(timeoutMs, TIMERS.make('timeout', { id }));
  return { ...io, nextId: id + 1, pending: [...io.pending, { id, what, argv, sentAt: ctx.now, to: io.target, timer }] };
}

/** Matches a reply to its request; null when it is not a reply to a pending request. */
export function redisReply(io: RedisIo, msg: Msg, from: string, ctx: Ctx): { io: RedisIo; req: RedisRequest; reply: RedisReply } | null {
  if (msg.type !== 'redis.reply') return null;
  const r = msg as RedisReplyMsg;
  const req = io.pending.find((p) => p.id === r.id && p.to === from);
  if (!req) return null;
  ctx.cancelTimer(req.timer);
  return { io: { ...io, pending: io.pending.filter((p) => p !== req) }, req, reply: r.reply };
}

/**
 * A request timed out: it is forgotten (a late reply is ignored) and, when there is a fallback
 * server, later requests go there. Null when the timer is not a pending request's.
 */
export function redisTimedOut(io: RedisIo, payload: unknown): { io: RedisIo; req: RedisRequest; switched: boolean } | null {
  const t = TIMERS.match(payload);
  if (!t) return null;
  const req = io.pending.find((p) => p.id === t.id);
  if (!req) return null;
  const pending = io.pending.filter((p) => p !== req);
  if (io.fallback === null || req.to !== io.target) return { io: { ...io, pending }, req, switched: false };
  return { io: { ...io, pending, target: io.fallback, fallback: io.target }, req, switched: true };
}

/**
 * The transport says the connection to `from` ended (its process died, it refused, TCP gave
 * up): every request pending there fails at once, as a client library raises a connection
 * error (Jedis's JedisConnectionException) for each, without knowing whether the server ran
 * it; with a fallback server, later requests go there. Null when `msg` is not that news.
 */
export function redisConnectionEnded(io: RedisIo, msg: Msg, from: string, ctx: Ctx): { io: RedisIo; failed: RedisRequest[]; switched: boolean } | null {
  if (!isConnectionClosed(msg)) return null;
  const failed = io.pending.filter((p) => p.to === from);
  if (failed.length === 0) return { io, failed, switched: false };
  for (const p of failed) ctx.cancelTimer(p.timer);
  const pending = io.pending.filter((p) => p.to !== from);
  // As on a timeout, a client that follows a failover turns to the other server.
  if (io.fallback === null || from !== io.target) return { io: { ...io, pending }, failed, switched: false };
  return { io: { ...io, pending, target: io.fallback, fallback: io.target }, failed, switched: true };
}

/** Forgets pending requests with these labels (their replies will be ignored). */
export function redisForget(io: RedisIo, what: readonly string[], ctx: Ctx): RedisIo {
  const drop = io.pending.filter((p) => what.includes(p.what));
  if (drop.length === 0) return io;
  for (const p of drop) ctx.cancelTimer(p.timer);
  return { ...io, pending: io.pending.filter((p) => !what.includes(p.what)) };
}

/** Whether a reply is an error, and its text. */
export function replyError(r: RedisReply): string | null {
  return r !== null && typeof r === 'object' && !Array.isArray(r) && 'error' in r ? String((r as { error: string }).error) : null;
}
