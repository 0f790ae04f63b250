import { initRedisIo, redisConnectionEnded, redisForget, redisReply, redisSend, redisTimedOut, replyError, startRedisIo, type RedisIo } from '../../clients/redis/io';
import type { RedisReply } from '../../clients/redis/protocol';
import { evalArgv } from '../../clients/redis/scripts';
import { p, type Say } from '../../core/phrase';
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
  NO_SERVER,
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

declare module '../../core/trace-types' {
  interface TraceEventMap {
    /**
     * A client that finds its primary through Sentinel asked `sentinel` (SENTINEL
     * get-master-addr-by-name) and got `primary` (null: no answer, nil or an error), because of `why`.
     */
    'lock.discover': { lock: string; via: string; sentinel: string; primary: string | null; why: Say };
  }
}

/**
 * Finding the primary through Sentinel, as redis-py's `Sentinel.discover_master` and Jedis's
 * sentinel pool do: ask the sentinels in order, take the first address one gives, ask again
 * when the primary stops answering or refuses a write. Plain data.
 */
export interface Discovery {
  /** The primary the sentinels named, or null until one answers (or after it failed us). */
  primary: string | null;
  /** Sentinels asked without an answer in this round of lookups. */
  tried: number;
  /** Why the client is looking the primary up now (for the trace). */
  why: Say;
  asking: boolean;
  /** Commands waiting for the lookup, in order. */
  queue: { argv: readonly string[]; what: string }[];
}

export interface RedisLockState {
  p: RedisLockParams;
  sec: SectionState;
  io: RedisIo;
  /** SET attempts this round. */
  tries: number;
  /** Present when the client asks sentinels for the primary. */
  disco?: Discovery;
}

/**
 * The next SET NX attempt while another holds the lock, and the watchdog's renewal, both of
 * round `round`; and the next round of lookups after every sentinel failed (`n` counts them).
 */
const TIMERS = timerOwner<{ retry: { round: number }; renew: { round: number }; rediscover: { n: number } }>('redis-lock');

const VIA = 'redis-lock';
/** The value a client stores in the lock key: unique per client and round, so only it can delete it. */
const tokenOf = (s: RedisLockState) => sectionId(s);

function send(s: RedisLockState, argv: readonly string[], what: string, ctx: Ctx): RedisLockState {
  const d = s.disco;
  if (d && d.primary === null) {
    const n = { ...s, disco: { ...d, queue: [...d.queue, { argv, what }] } };
    return d.asking ? n : lookup(n, ctx);
  }
  return { ...s, io: redisSend(s.io, argv, what, s.p.timeoutMs, ctx) };
}

// ---- finding the primary through Sentinel ----

/** Asks the next sentinel for the primary; after all of them failed, tries again in retryMs. */
function lookup(s: RedisLockState, ctx: Ctx): RedisLockState {
  const d = s.disco!;
  const list = s.p.sentinels!;
  if (d.tried >= list.length) {
    ctx.setTimer(s.p.retryMs, TIMERS.make('rediscover', { n: d.tried }));
    return { ...s, disco: { ...d, asking: true, tried: 0 } };
  }
  const sentinel = list[d.tried];
  const io = redisSend({ ...s.io, target: sentinel }, ['SENTINEL', 'get-master-addr-by-name', s.p.masterName], 'lookup', s.p.timeoutMs, ctx);
  return { ...s, io: { ...io, target: s.io.target }, disco: { ...d, asking: true } };
}

/** The primary failed us (timeout, connection error, READONLY): the next command asks the sentinels first. */
function forgetPrimary(s: RedisLockState, to: string, why: Say): RedisLockState {
  const d = s.disco;
  if (!d || d.primary === null || d.primary !== to) return s;
  return { ...s, disco: { ...d, primary: null, tried: 0, why } };
}

function onLookup(s: RedisLockState, sentinel: string, reply: RedisReply | undefined, ctx: Ctx): RedisLockState {
  const d = s.disco!;
  const primary = Array.isArray(reply) && typeof reply[0] === 'string' ? reply[0] : null;
  ctx.trace('lock.discover', { lock: s.p.lockKey, via: VIA, sentinel, primary, why: d.why });
  if (primary === null) return lookup({ ...s, disco: { ...d, tried: d.tried + 1 } }, ctx);
  let n: RedisLockState = { ...s, io: { ...s.io, target: primary }, disco: { ...d, primary, tried: 0, asking: false, queue: [] } };
  for (const q of d.queue) n = send(n, q.argv, q.what, ctx);
  return n;
}

function trySet(s: RedisLockState, ctx: Ctx): RedisLockState {
  if (s.tries > 0) waitRequest(hooks, ctx);
  return send({ ...s, tries: s.tries + 1 }, ['SET', s.p.lockKey, tokenOf(s), 'NX', 'PX', String(s.p.ttlMs)], 'acquire', ctx);
}

function retryLater(s: RedisLockState, detail: Say, ctx: Ctx): RedisLockState {
  ctx.setTimer(s.p.retryMs, TIMERS.make('retry', { round: s.sec.round }));
  return waiting(s, hooks, 'poll', s.p.retryMs, p('pattern.redis-lock.retry', { detail, ms: s.p.retryMs, n: s.tries }), ctx);
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
  server: (s) => s.io.target || NO_SERVER,
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
      if (error?.startsWith('READONLY')) return retryLater(forgetPrimary(s, s.io.target, p('pattern.redis-lock.answeredReadonly', { server: s.io.target })), p('pattern.redis-lock.answers', { server: s.io.target, error: error.replace(/\.$/, '') }), ctx);
      return retryLater(s, error ? p('pattern.redis-lock.answers', { server: s.io.target, error: error.replace(/\.$/, '') }) : p('pattern.redis-lock.keyTaken'), ctx);
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
      ctx.trace('lock.renew', { lock: s.p.lockKey, via: VIA, ok: false, leaseMs: s.p.ttlMs, detail: error ?? p('pattern.redis-lock.renewGone') });
      return lost(s, hooks, error ? p('pattern.redis-lock.lostRefused', { error }) : p('pattern.redis-lock.lostGone'), ctx);
    case 'release': {
      if (s.sec.phase !== 'releasing') return s;
      if (s.p.unsafeDel) {
        const n = typeof reply === 'number' ? reply : 0;
        return releaseDone(s, hooks, n === 1, p(n === 1 ? 'pattern.redis-lock.delRemoved' : 'pattern.redis-lock.alreadyGone'), ctx);
      }
      if (reply === 1) return releaseDone(s, hooks, true, p('pattern.redis-lock.cadRemoved'), ctx);
      return releaseDone(s, hooks, false, error ? p('pattern.redis-lock.unlockFailed', { error }) : p('pattern.redis-lock.cadSkipped'), ctx);
    }
    default:
      return s;
  }
}

function onTimeout(s: RedisLockState, what: string, switched: boolean, ctx: Ctx): RedisLockState {
  const where = switched ? p('pattern.redis-lock.switches', { server: s.io.target }) : '';
  switch (what) {
    case 'acquire':
      if (s.sec.phase !== 'acquiring' && s.sec.phase !== 'waiting') return s;
      if (switched) return trySet(waiting(s, hooks, 'retry', 0, p('pattern.redis-lock.noReplyFrom', { server: String(s.io.fallback), where }), ctx), ctx);
      return retryLater(s, p('pattern.redis-lock.noReplyFrom', { server: s.io.target, where: '' }), ctx);
    case 'fence':
      if (s.sec.phase !== 'acquiring' && s.sec.phase !== 'waiting') return s;
      return send(s, ['INCR', `${s.p.lockKey}:fence`], 'fence', ctx);
    case 'renew':
      if (!holding(s)) return s;
      ctx.trace('lock.renew', { lock: s.p.lockKey, via: VIA, ok: false, leaseMs: s.p.ttlMs, detail: p('pattern.redis-lock.noReply', { where }) });
      armRenew(s, ctx);
      return s;
    case 'release':
      if (s.sec.phase !== 'releasing') return s;
      if (switched) return unlock(s, ctx);
      return releaseDone(s, hooks, false, p('pattern.redis-lock.noReplyUnlock', { server: s.io.target }), ctx);
    default:
      return s;
  }
}

/**
 * The textbook Redis lock: `SET key token NX PX ttl`, polling every `retryMs` while the key is
 * taken, unlock by compare-and-delete (the `unlock` script, sent with EVAL). Options show its pitfalls: a plain
 * DEL (`unsafeDel`), no renewal while the work outlives the TTL (`watchdog` off), a fencing
 * token from INCR (`fencing`), following a failover to a replica (`fallback`), or asking Redis
 * Sentinel for the primary (`sentinels`).
 */
export const redisLock: ProgramDef<RedisLockParams, RedisLockState> = {
  kind: VIA,
  init: (p) => ({ p, sec: initSection(), io: initRedisIo(p.target ?? '', p.fallback), tries: 0 }),
  start(s, ctx) {
    const io = startRedisIo(initRedisIo(s.p.target ?? '', s.p.fallback), s.p.target ?? '', ctx);
    const disco: Discovery | undefined = s.p.sentinels ? { primary: null, tried: 0, why: p('pattern.redis-lock.firstCommand'), asking: false, queue: [] } : undefined;
    return startSections({ ...s, io, tries: 0, ...(disco ? { disco } : {}) }, ctx);
  },
  onMessage(s, msg, from, ctx) {
    const st = onStorageMessage(s, msg, hooks, ctx);
    if (st) return st;
    const ended = redisConnectionEnded(s.io, msg, from, ctx);
    if (ended) {
      const why = p('pattern.redis-lock.connLost', { server: from });
      return ended.failed.reduce(
        (n, req, i) => (req.what === 'lookup' ? onLookup(n, req.to, undefined, ctx) : onTimeout(forgetPrimary(n, req.to, why), req.what, ended.switched && i === 0, ctx)),
        { ...s, io: ended.io },
      );
    }
    const r = redisReply(s.io, msg, from, ctx);
    if (!r) return s;
    if (r.req.what === 'lookup') return onLookup({ ...s, io: r.io }, r.req.to, r.reply, ctx);
    return onReply({ ...s, io: r.io }, r.req.what, r.reply, ctx);
  },
  onTimer(s, payload, ctx) {
    const sec = onSectionTimer(s, payload, hooks, ctx);
    if (sec) return sec;
    const t = redisTimedOut(s.io, payload);
    if (t) {
      if (t.req.what === 'lookup') return onLookup({ ...s, io: t.io }, t.req.to, undefined, ctx);
      return onTimeout(forgetPrimary({ ...s, io: t.io }, t.req.to, p('pattern.redis-lock.noReplyFrom', { server: t.req.to, where: '' })), t.req.what, t.switched, ctx);
    }
    const own = TIMERS.match(payload);
    if (own?.timer === 'rediscover') return s.disco && s.disco.primary === null ? lookup(s, ctx) : s;
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
    if (own) return p(own.timer === 'retry' ? 'pattern.redis-lock.timerRetry' : own.timer === 'rediscover' ? 'pattern.redis-lock.timerRediscover' : 'pattern.redis-lock.timerRenew');
    return p('pattern.redis-lock.timerTimeout');
  },
  narrate(ev, name) {
    if (ev.type === 'lock.discover') {
      const answer = ev.primary === null ? p('pattern.redis-lock.noAddress') : p('pattern.redis-lock.hearsPrimary', { primary: name(ev.primary) });
      return p('pattern.redis-lock.discover', { node: name(ev.node), sentinel: name(ev.sentinel), why: ev.why, answer });
    }
    return narrateLock(ev, name);
  },
};
