import type { RedisCmd, RedisReply, RedisReplyMsg } from '../../clients/redis/protocol';
import type { Ctx } from '../../core/types';
import { exec, type BlockRequest } from './commands';
import type { BlockedClient, RedisState } from './state';
import { REDIS_TIMERS, type RedisTimer } from './timers';

declare module '../../core/trace-types' {
  interface TraceEventMap {
    /** A blocking pop found its lists empty: the node holds the client. */
    'redis.block': { client: string; argv: readonly string[]; keys: string[]; deadline: number | null };
    /** A held client is answered: a list it waits on filled, or its timeout ran out. */
    'redis.unblock': { client: string; argv: readonly string[]; reply: RedisReply; how: 'served' | 'timeout' | 'disconnected'; waitedMs: number };
  }
}

/**
 * When a timeout is noticed. Redis 7.0 checks them in beforeSleep, and its event loop sleeps until
 * the next serverCron (every 1000/hz ms) unless a client writes first: so the first cron tick at
 * which `deadline < now` (handleBlockedClientsTimeout), on the same phase as the expiry cycle.
 */
function tickAfter(deadline: number, hz: number, now: number): number {
  const period = 1000 / hz;
  return Math.ceil(Math.max(deadline + 1, now) / period) * period;
}

function armTimeout(b: BlockedClient, s: RedisState, ctx: Ctx): BlockedClient {
  if (b.timer !== null) ctx.cancelTimer(b.timer);
  if (b.deadline === null) return { ...b, timer: null };
  const at = tickAfter(b.deadline, s.hz, ctx.now);
  return { ...b, timer: ctx.setTimer(at - ctx.now, REDIS_TIMERS.make('block-timeout', { id: b.id, client: b.client, at })) };
}

function answer(b: BlockedClient, reply: RedisReply, how: 'served' | 'timeout', ctx: Ctx): void {
  ctx.trace('redis.unblock', { client: b.client, argv: b.argv, reply, how, waitedMs: ctx.now - b.since });
  const msg: RedisReplyMsg = { type: 'redis.reply', id: b.id, reply };
  ctx.send(b.client, msg);
}

const withBlocked = (s: RedisState, blocked: BlockedClient[]): RedisState => {
  if (blocked.length > 0) return { ...s, blocked };
  const { blocked: _gone, ...rest } = s;
  return rest;
};

/** Holds a client whose blocking pop found nothing, arming its timeout. */
export function block(s: RedisState, cmd: RedisCmd, from: string, req: BlockRequest, ctx: Ctx): RedisState {
  ctx.trace('redis.block', { client: from, argv: cmd.argv, keys: req.keys, deadline: req.deadline });
  const b: BlockedClient = { client: from, id: cmd.id, argv: cmd.argv, keys: req.keys, left: req.left, since: ctx.now, deadline: req.deadline, timer: null };
  if (cmd.conn !== undefined) b.conn = cmd.conn;
  return withBlocked(s, [...(s.blocked ?? []), armTimeout(b, s, ctx)]);
}

/**
 * Serves held clients from lists a command pushed to, as handleClientsBlockedOnKeys: key by key
 * in the order they filled, each key's clients in the order they blocked, while it has elements.
 * `popped` is told each pop (the node replicates it as LPOP / RPOP, as Redis propagates it).
 */
export function serveReady(s: RedisState, ready: readonly string[], ctx: Ctx, popped: (s: RedisState, argv: string[], before: RedisState['data']['keys']) => RedisState): RedisState {
  let n = s;
  for (const key of new Set(ready)) {
    for (const b of s.blocked ?? []) {
      if (!b.keys.includes(key) || !(n.blocked ?? []).includes(b)) continue;
      const argv = [b.left ? 'LPOP' : 'RPOP', key];
      const res = exec(n.data, ctx.now, argv, { client: b.client });
      if (res.reply === null || typeof res.reply !== 'string') break;
      if (b.timer !== null) ctx.cancelTimer(b.timer);
      answer(b, [key, res.reply], 'served', ctx);
      const before = n.data.keys;
      n = withBlocked({ ...n, data: res.data }, (n.blocked ?? []).filter((x) => x !== b));
      n = popped(n, argv, before);
    }
  }
  return n;
}

/** Answers every held client whose deadline is before `now` with nil (beforeSleep after a command). */
export function timeOutDue(s: RedisState, ctx: Ctx, now = Math.floor(ctx.now)): RedisState {
  const due = (s.blocked ?? []).filter((b) => b.deadline !== null && b.deadline < now);
  if (due.length === 0) return s;
  for (const b of due) {
    if (b.timer !== null) ctx.cancelTimer(b.timer);
    answer(b, null, 'timeout', ctx);
  }
  return withBlocked(s, (s.blocked ?? []).filter((b) => !due.includes(b)));
}

/** A held client's timeout timer: answers it if it is still held and due, else re-arms. */
export function onBlockTimer(s: RedisState, t: RedisTimer<'block-timeout'>, ctx: Ctx): RedisState {
  const b = (s.blocked ?? []).find((x) => x.id === t.id && x.client === t.client);
  if (b === undefined) return s;
  const cleared = withBlocked(s, (s.blocked ?? []).map((x) => (x === b ? { ...x, timer: null } : x)));
  // The timer fires at its own tick; float error must not put it just before.
  const now = Math.floor(Math.abs(ctx.now - t.at) < 1e-6 ? Math.max(ctx.now, t.at) : ctx.now);
  const n = timeOutDue(cleared, ctx, now);
  // Still held: the clock was stepped back since the timer was set.
  return n.blocked?.some((x) => x.id === t.id && x.client === t.client) ? rearmBlocked(n, ctx) : n;
}

/** Re-arms every held client's timeout (after a clock step). */
export function rearmBlocked(s: RedisState, ctx: Ctx): RedisState {
  if (s.blocked === undefined) return s;
  return { ...s, blocked: s.blocked.map((b) => armTimeout(b, s, ctx)) };
}
