import { initRedisIo, redisConnectionEnded, redisForget, redisReply, redisSend, redisTimedOut, replyError, startRedisIo, type RedisIo } from '../../clients/redis/io';
import type { RedisPushMsg, RedisReply } from '../../clients/redis/protocol';
import { evalArgv } from '../../clients/redis/scripts';
import { p } from '../../core/phrase';
import type { ProgramDef } from '../../core/program';
import { timerOwner } from '../../core/timer';
import type { Ctx } from '../../core/types';
import {
  acquired,
  describeSectionTimer,
  failed,
  holding,
  initSection,
  lost,
  narrateLock,
  onSectionTimer,
  onStorageMessage,
  releaseDone,
  sectionView,
  startSections,
  waiting,
  waitRequest,
  type LockHooks,
  type SectionState,
} from '../lock-common';
import type { RedissonLockParams } from './params';

export interface RedissonLockState {
  p: RedissonLockParams;
  sec: SectionState;
  io: RedisIo;
  /** Subscribed to the unlock channel (or the SUBSCRIBE is on its way). */
  subscribed: boolean;
  /** Re-entrancy depth held (hash field count as the client knows it). */
  depth: number;
  tries: number;
  /** Bumped on each wait, so only the latest wait's timeout counts. */
  waitSeq: number;
  watchdog: boolean;
  /** An unlock message came while a try was in flight: the next wait ends at once (Redisson's latch permit). */
  permit: boolean;
}

/** The end of the holder's TTL while waiting (wait number `seq` of round `round`), and the watchdog's renewal. */
const TIMERS = timerOwner<{ wait: { round: number; seq: number }; renew: { round: number } }>('redisson-lock');

const VIA = 'redisson-lock';
/** Redisson's unlock channel for a lock and the message its unlock script publishes. */
export const channelOf = (lock: string) => `redisson_lock__channel:{${lock}}`;
/** `<clientId>:<threadId>`: the hash field counting this client's holds. */
const fieldOf = (s: RedissonLockState) => `${s.sec.life}:1`;
const leaseOf = (s: RedissonLockState) => s.p.leaseMs ?? s.p.watchdogTimeoutMs;

function send(s: RedissonLockState, argv: readonly string[], what: string, ctx: Ctx): RedissonLockState {
  return { ...s, io: redisSend(s.io, argv, what, s.p.timeoutMs, ctx) };
}

function tryLock(s: RedissonLockState, what: 'acquire' | 'reenter', ctx: Ctx): RedissonLockState {
  if (what === 'acquire' && s.tries > 0) waitRequest(hooks, ctx);
  const n = what === 'acquire' ? { ...s, tries: s.tries + 1 } : s;
  return send(n, evalArgv('rlock', [s.p.lockKey], [String(leaseOf(s)), fieldOf(s)]), what, ctx);
}

function armRenew(s: RedissonLockState, ctx: Ctx): void {
  ctx.setTimer(s.p.watchdogTimeoutMs / 3, TIMERS.make('renew', { round: s.sec.round }));
}

function unlockOnce(s: RedissonLockState, ctx: Ctx): RedissonLockState {
  return send(s, evalArgv('runlock', [s.p.lockKey, channelOf(s.p.lockKey)], ['0', String(leaseOf(s)), fieldOf(s)]), 'release', ctx);
}

const hooks: LockHooks<RedissonLockState> = {
  via: VIA,
  lockName: (s) => s.p.lockKey,
  server: (s) => s.io.target,
  acquire: (s, ctx) => tryLock({ ...s, tries: 0, depth: 0, permit: false }, 'acquire', ctx),
  // unlock() cancels the watchdog, then runs the unlock script once per hold.
  release: (s, ctx) => unlockOnce({ ...s, watchdog: false, io: redisForget(s.io, ['renew'], ctx) }, ctx),
};

/** Waits for the unlock message, or for the holder's remaining TTL, whichever comes first. */
function waitForUnlock(s: RedissonLockState, pttl: number, ctx: Ctx): RedissonLockState {
  if (s.permit) {
    ctx.trace('lock.wake', { lock: s.p.lockKey, via: VIA, how: 'push', detail: p('pattern.redisson-lock.permitWake') });
    return tryLock({ ...s, permit: false }, 'acquire', ctx);
  }
  const waitSeq = s.waitSeq + 1;
  if (pttl >= 0) ctx.setTimer(pttl, TIMERS.make('wait', { round: s.sec.round, seq: waitSeq }));
  const detail = pttl >= 0 ? p('pattern.redisson-lock.waitTtl', { ms: pttl }) : p('pattern.redisson-lock.waitMsg');
  return waiting({ ...s, waitSeq }, hooks, 'pubsub', pttl >= 0 ? pttl : null, detail, ctx);
}

function gotLock(s: RedissonLockState, ctx: Ctx): RedissonLockState {
  let n: RedissonLockState = { ...s, depth: 1 };
  // Redisson unsubscribes once lock() returns.
  if (n.subscribed) {
    waitRequest(hooks, ctx);
    n = send({ ...n, subscribed: false }, ['UNSUBSCRIBE', channelOf(n.p.lockKey)], 'unsubscribe', ctx);
  }
  if (n.p.leaseMs === undefined) {
    n = { ...n, watchdog: true };
    armRenew(n, ctx);
  }
  if (n.p.reentry > 1) return tryLock(n, 'reenter', ctx);
  return acquired(n, hooks, { token: null, leaseMs: leaseOf(n) }, ctx);
}

function onReply(s: RedissonLockState, what: string, reply: RedisReply, ctx: Ctx): RedissonLockState {
  const error = replyError(reply);
  const asking = s.sec.phase === 'acquiring' || s.sec.phase === 'waiting';
  switch (what) {
    case 'acquire':
      if (!asking) return s;
      if (reply === null) return gotLock(s, ctx);
      if (error?.startsWith('WRONGTYPE')) return failed(s, p('pattern.redisson-lock.notRedisson', { lock: s.p.lockKey, error }));
      if (error !== null) return waitForUnlock(s, 100, ctx);
      if (!s.subscribed) {
        // First refusal: subscribe to the unlock channel, then try once more (the lock may have
        // been released in between), then wait.
        waitRequest(hooks, ctx);
        return send(waiting({ ...s, subscribed: true }, hooks, 'pubsub', null, p('pattern.redisson-lock.subscribes'), ctx), ['SUBSCRIBE', channelOf(s.p.lockKey)], 'subscribe', ctx);
      }
      return waitForUnlock(s, typeof reply === 'number' ? reply : -1, ctx);
    case 'subscribe':
      return asking ? tryLock(s, 'acquire', ctx) : s;
    case 'reenter':
      if (!asking) return s;
      if (reply !== null) return acquired(s, hooks, { token: null, leaseMs: leaseOf(s) }, ctx);
      if (s.depth + 1 < s.p.reentry) return tryLock({ ...s, depth: s.depth + 1 }, 'reenter', ctx);
      return acquired({ ...s, depth: s.depth + 1 }, hooks, { token: null, leaseMs: leaseOf(s) }, ctx);
    case 'renew':
      if (!s.watchdog || !holding(s)) return s;
      if (reply === 1) {
        ctx.trace('lock.renew', { lock: s.p.lockKey, via: VIA, ok: true, leaseMs: s.p.watchdogTimeoutMs, detail: p('pattern.redisson-lock.renewOk') });
        ctx.metric(`${VIA}.renewals`);
        armRenew(s, ctx);
        return s;
      }
      if (!s.p.abortOnLost) {
        // Redisson's renewExpiration: on a 0 it cancels the renewal and logs nothing the
        // application can see; the holder goes on, unaware that the lock has expired.
        ctx.trace('lock.renew', { lock: s.p.lockKey, via: VIA, ok: false, leaseMs: s.p.watchdogTimeoutMs, detail: error ?? p('pattern.redisson-lock.renewSilent') });
        return { ...s, watchdog: false };
      }
      ctx.trace('lock.renew', { lock: s.p.lockKey, via: VIA, ok: false, leaseMs: s.p.watchdogTimeoutMs, detail: error ?? p('pattern.redisson-lock.renewStops') });
      return lost({ ...s, watchdog: false }, hooks, p('pattern.redisson-lock.lostCheck'), ctx);
    case 'release': {
      if (s.sec.phase !== 'releasing') return s;
      if (reply === 0 && s.depth > 1) return unlockOnce({ ...s, depth: s.depth - 1 }, ctx);
      if (reply === 1) return releaseDone({ ...s, depth: 0 }, hooks, true, p('pattern.redisson-lock.countZero'), ctx);
      if (reply === 0) return releaseDone({ ...s, depth: 0 }, hooks, true, p('pattern.redisson-lock.stillHeld'), ctx);
      return releaseDone({ ...s, depth: 0 }, hooks, false, error ? p('pattern.redisson-lock.unlockFailed', { error }) : p('pattern.redisson-lock.notHeld'), ctx);
    }
    default:
      return s;
  }
}

function onTimeout(s: RedissonLockState, what: string, ctx: Ctx): RedissonLockState {
  const asking = s.sec.phase === 'acquiring' || s.sec.phase === 'waiting';
  switch (what) {
    case 'acquire':
    case 'subscribe':
      return asking ? waitForUnlock(s, 100, ctx) : s;
    case 'reenter':
      return asking ? acquired(s, hooks, { token: null, leaseMs: leaseOf(s) }, ctx) : s;
    case 'renew':
      // Redisson's renewal gives up on an error and never starts again for this hold.
      if (!s.watchdog) return s;
      ctx.trace('lock.renew', { lock: s.p.lockKey, via: VIA, ok: false, leaseMs: s.p.watchdogTimeoutMs, detail: p('pattern.redisson-lock.renewTimeout') });
      return { ...s, watchdog: false };
    case 'release':
      return s.sec.phase === 'releasing' ? releaseDone({ ...s, depth: 0 }, hooks, false, p('pattern.redisson-lock.noReplyUnlock', { server: s.io.target }), ctx) : s;
    default:
      return s;
  }
}

/**
 * Redisson's RLock: a re-entrant hash lock (the `rlock` / `runlock` scripts, sent with EVAL as Redisson does), a watchdog that
 * renews the lease every `watchdogTimeoutMs`/3 while no lease time is given (`rrenew`), and
 * waiters that subscribe to the unlock channel instead of polling, retrying on each unlock
 * message or when the holder's TTL runs out.
 */
export const redissonLock: ProgramDef<RedissonLockParams, RedissonLockState> = {
  kind: VIA,
  init: (p) => ({ p, sec: initSection(), io: initRedisIo(p.target), subscribed: false, depth: 0, tries: 0, waitSeq: 0, watchdog: false, permit: false }),
  start(s, ctx) {
    const io = startRedisIo(initRedisIo(s.p.target), s.p.target, ctx);
    return startSections({ ...s, io, subscribed: false, depth: 0, tries: 0, waitSeq: 0, watchdog: false, permit: false }, ctx);
  },
  onMessage(s, msg, from, ctx) {
    const st = onStorageMessage(s, msg, hooks, ctx);
    if (st) return st;
    if (msg.type === 'redis.push') {
      const m = msg as RedisPushMsg;
      if (m.channel !== channelOf(s.p.lockKey)) return s;
      if (s.sec.phase !== 'acquiring' && s.sec.phase !== 'waiting') return s;
      if (s.io.pending.some((r) => r.what === 'acquire' || r.what === 'subscribe')) return { ...s, permit: true };
      ctx.trace('lock.wake', { lock: s.p.lockKey, via: VIA, how: 'push', detail: p('pattern.redisson-lock.unlockMessage') });
      ctx.metric(`${VIA}.wakeups`);
      return tryLock({ ...s, waitSeq: s.waitSeq + 1 }, 'acquire', ctx);
    }
    const ended = redisConnectionEnded(s.io, msg, from, ctx);
    if (ended) return ended.failed.reduce((n, req) => onTimeout(n, req.what, ctx), { ...s, io: ended.io });
    const r = redisReply(s.io, msg, from, ctx);
    if (!r) return s;
    return onReply({ ...s, io: r.io }, r.req.what, r.reply, ctx);
  },
  onTimer(s, payload, ctx) {
    const sec = onSectionTimer(s, payload, hooks, ctx);
    if (sec) return sec;
    const t = redisTimedOut(s.io, payload);
    if (t) return onTimeout({ ...s, io: t.io }, t.req.what, ctx);
    const own = TIMERS.match(payload);
    if (!own || own.round !== s.sec.round) return s;
    if (own.timer === 'wait') {
      if (own.seq !== s.waitSeq || s.sec.phase !== 'waiting') return s;
      ctx.trace('lock.wake', { lock: s.p.lockKey, via: VIA, how: 'timeout', detail: p('pattern.redisson-lock.ttlOver') });
      return tryLock(s, 'acquire', ctx);
    }
    if (!s.watchdog || !holding(s) || s.sec.phase === 'releasing') return s;
    return send(s, evalArgv('rrenew', [s.p.lockKey], [String(s.p.watchdogTimeoutMs), fieldOf(s)]), 'renew', ctx);
  },
  view: (s) => sectionView(s),
  describeTimer(payload) {
    const d = describeSectionTimer(payload);
    if (d) return d;
    const own = TIMERS.match(payload);
    if (own) return p(own.timer === 'wait' ? 'pattern.redisson-lock.timerWait' : 'pattern.redisson-lock.timerRenew');
    return p('pattern.redisson-lock.timerTimeout');
  },
  narrate: narrateLock,
};
