import { initRedisIo, redisConnectionEnded, redisForget, redisReply, redisSend, redisTimedOut, replyError, startRedisIo, type RedisIo } from '../../clients/redis/io';
import type { RedisReply } from '../../clients/redis/protocol';
import { evalArgv } from '../../clients/redis/scripts';
import type { ProgramDef } from '../../core/program';
import { timerOwner } from '../../core/timer';
import type { Ctx } from '../../core/types';
import {
  acquired,
  describeSectionTimer,
  holding,
  initSection,
  lost,
  narrateLock,
  onSectionTimer,
  onStorageMessage,
  releaseDone,
  sectionId,
  sectionView,
  startSections,
  waiting,
  waitRequest,
  type LockHooks,
  type SectionState,
} from '../lock-common';
import type { RedisLockParams } from './params';

export interface RedisLockState {
  p: RedisLockParams;
  sec: SectionState;
  io: RedisIo;
  /** SET attempts this round. */
  tries: number;
}

/** The next SET NX attempt while another holds the lock, and the watchdog's renewal, both of round `round`. */
const TIMERS = timerOwner<{ retry: { round: number }; renew: { round: number } }>('redis-lock');

const VIA = 'redis-lock';
/** The value a client stores in the lock key: unique per client and round, so only it can delete it. */
const tokenOf = (s: RedisLockState) => sectionId(s);

function send(s: RedisLockState, argv: readonly string[], what: string, ctx: Ctx): RedisLockState {
  return { ...s, io: redisSend(s.io, argv, what, s.p.timeoutMs, ctx) };
}

function trySet(s: RedisLockState, ctx: Ctx): RedisLockState {
  if (s.tries > 0) waitRequest(hooks, ctx);
  return send({ ...s, tries: s.tries + 1 }, ['SET', s.p.lockKey, tokenOf(s), 'NX', 'PX', String(s.p.ttlMs)], 'acquire', ctx);
}

function retryLater(s: RedisLockState, detail: string, ctx: Ctx): RedisLockState {
  ctx.setTimer(s.p.retryMs, TIMERS.make('retry', { round: s.sec.round }));
  return waiting(s, hooks, 'poll', s.p.retryMs, `${detail}; polls again in ${s.p.retryMs} ms (try ${s.tries})`, ctx);
}

function armRenew(s: RedisLockState, ctx: Ctx): void {
  if (s.p.watchdog) ctx.setTimer(s.p.ttlMs / 3, TIMERS.make('renew', { round: s.sec.round }));
}

function unlock(s: RedisLockState, ctx: Ctx): RedisLockState {
  const io = redisForget(s.io, ['renew'], ctx);
  const argv = s.p.unsafeDel ? ['DEL', s.p.lockKey] : evalArgv('unlock', [s.p.lockKey], [tokenOf(s)]);
  return send({ ...s, io }, argv, 'release', ctx);
}

const hooks: LockHooks<RedisLockState> = {
  via: VIA,
  lockName: (s) => s.p.lockKey,
  server: (s) => s.io.target,
  acquire: (s, ctx) => trySet({ ...s, tries: 0 }, ctx),
  release: unlock,
};

function onReply(s: RedisLockState, what: string, reply: RedisReply, ctx: Ctx): RedisLockState {
  const error = replyError(reply);
  switch (what) {
    case 'acquire':
      if (s.sec.phase !== 'acquiring' && s.sec.phase !== 'waiting') return s;
      if (reply === 'OK') {
        armRenew(s, ctx);
        if (s.p.fencing) return send(s, ['INCR', `${s.p.lockKey}:fence`], 'fence', ctx);
        return acquired(s, hooks, { token: null, leaseMs: s.p.ttlMs }, ctx);
      }
      return retryLater(s, error ? `${s.io.target} answers ${error.replace(/\.$/, '')}` : 'the key is taken', ctx);
    case 'fence':
      if (s.sec.phase !== 'acquiring' && s.sec.phase !== 'waiting') return s;
      return acquired(s, hooks, { token: typeof reply === 'number' ? reply : null, leaseMs: s.p.ttlMs }, ctx);
    case 'renew':
      if (!holding(s)) return s;
      if (reply === 1) {
        ctx.trace('lock.renew', { lock: s.p.lockKey, via: VIA, ok: true, leaseMs: s.p.ttlMs, detail: 'compare-and-PEXPIRE' });
        ctx.metric(`${VIA}.renewals`);
        armRenew(s, ctx);
        return s;
      }
      ctx.trace('lock.renew', { lock: s.p.lockKey, via: VIA, ok: false, leaseMs: s.p.ttlMs, detail: error ?? 'the key is gone or holds another client’s token' });
      return lost(s, hooks, `renewal found the key ${error ? `refused (${error})` : 'gone or someone else’s'}`, ctx);
    case 'release': {
      if (s.sec.phase !== 'releasing') return s;
      if (s.p.unsafeDel) {
        const n = typeof reply === 'number' ? reply : 0;
        return releaseDone(s, hooks, n === 1, n === 1 ? 'DEL removed the key, whoever it belonged to' : 'the key was already gone', ctx);
      }
      if (reply === 1) return releaseDone(s, hooks, true, 'compare-and-delete removed our key', ctx);
      return releaseDone(s, hooks, false, error ? `unlock failed: ${error}` : 'the key no longer held its token (expired, or another client’s now), so compare-and-delete left it alone', ctx);
    }
    default:
      return s;
  }
}

function onTimeout(s: RedisLockState, what: string, switched: boolean, ctx: Ctx): RedisLockState {
  const where = switched ? `; switches to ${s.io.target}` : '';
  switch (what) {
    case 'acquire':
      if (s.sec.phase !== 'acquiring' && s.sec.phase !== 'waiting') return s;
      if (switched) return trySet(waiting(s, hooks, 'retry', 0, `no reply from ${s.io.fallback}${where}`, ctx), ctx);
      return retryLater(s, `no reply from ${s.io.target}`, ctx);
    case 'fence':
      if (s.sec.phase !== 'acquiring' && s.sec.phase !== 'waiting') return s;
      return send(s, ['INCR', `${s.p.lockKey}:fence`], 'fence', ctx);
    case 'renew':
      if (!holding(s)) return s;
      ctx.trace('lock.renew', { lock: s.p.lockKey, via: VIA, ok: false, leaseMs: s.p.ttlMs, detail: `no reply${where}` });
      armRenew(s, ctx);
      return s;
    case 'release':
      if (s.sec.phase !== 'releasing') return s;
      if (switched) return unlock(s, ctx);
      return releaseDone(s, hooks, false, `no reply from ${s.io.target} to the unlock`, ctx);
    default:
      return s;
  }
}

/**
 * The textbook Redis lock: `SET key token NX PX ttl`, polling every `retryMs` while the key is
 * taken, unlock by compare-and-delete (the `unlock` script, sent with EVAL). Options show its pitfalls: a plain
 * DEL (`unsafeDel`), no renewal while the work outlives the TTL (`watchdog` off), a fencing
 * token from INCR (`fencing`), and following a failover to a replica (`fallback`).
 */
export const redisLock: ProgramDef<RedisLockParams, RedisLockState> = {
  kind: VIA,
  init: (p) => ({ p, sec: initSection(), io: initRedisIo(p.target, p.fallback), tries: 0 }),
  start(s, ctx) {
    const io = startRedisIo(initRedisIo(s.p.target, s.p.fallback), s.p.target, ctx);
    return startSections({ ...s, io, tries: 0 }, ctx);
  },
  onMessage(s, msg, from, ctx) {
    const st = onStorageMessage(s, msg, hooks, ctx);
    if (st) return st;
    const ended = redisConnectionEnded(s.io, msg, from, ctx);
    if (ended) return ended.failed.reduce((n, req, i) => onTimeout(n, req.what, ended.switched && i === 0, ctx), { ...s, io: ended.io });
    const r = redisReply(s.io, msg, from, ctx);
    if (!r) return s;
    return onReply({ ...s, io: r.io }, r.req.what, r.reply, ctx);
  },
  onTimer(s, payload, ctx) {
    const sec = onSectionTimer(s, payload, hooks, ctx);
    if (sec) return sec;
    const t = redisTimedOut(s.io, payload);
    if (t) return onTimeout({ ...s, io: t.io }, t.req.what, t.switched, ctx);
    const own = TIMERS.match(payload);
    if (!own || own.round !== s.sec.round) return s;
    if (own.timer === 'retry') return s.sec.phase === 'waiting' ? trySet(s, ctx) : s;
    if (!holding(s) || s.sec.phase === 'releasing') return s;
    return send(s, evalArgv('renew', [s.p.lockKey], [tokenOf(s), String(s.p.ttlMs)]), 'renew', ctx);
  },
  view: (s) => sectionView(s),
  describeTimer(payload) {
    const d = describeSectionTimer(payload);
    if (d) return d;
    const own = TIMERS.match(payload);
    if (own) return own.timer === 'retry' ? 'poll: try SET NX again' : 'watchdog: extend the lease';
    return 'no reply: the request timed out';
  },
  narrate: narrateLock,
};
