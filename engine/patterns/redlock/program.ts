import { formatReply } from '../../clients/redis/format-reply';
import { initRedisIo, redisConnectionEnded, redisForget, redisReply, redisSend, redisTimedOut, replyError, startRedisIo, type RedisIo } from '../../clients/redis/io';
import type { RedisReply } from '../../clients/redis/protocol';
import { evalArgv } from '../../clients/redis/scripts';
import { isPhrase, p, type Say } from '../../core/phrase';
import type { ProgramDef, ProgramView } from '../../core/program';
import { timerOwner } from '../../core/timer';
import type { TraceEvent } from '../../core/trace-types';
import type { Ctx } from '../../core/types';
import {
  acquired,
  describeSectionTimer,
  failed,
  initSection,
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
import type { RedlockParams } from './params';

declare module '../../core/trace-types' {
  interface TraceEventMap {
    /** An attempt starts: SET NX PX goes to every master at once. */
    'redlock.attempt': { lock: string; attempt: number; of: number; masters: readonly string[]; ttlMs: number };
    /** One master's answer to the attempt's SET (or its silence until the request timeout). */
    'redlock.vote': { lock: string; master: string; attempt: number; vote: 'granted' | 'taken' | 'error' | 'timeout'; detail: Say; elapsedMs: number };
    /** Every master has answered or timed out: the client counts, and computes the validity. */
    'redlock.quorum': {
      lock: string;
      attempt: number;
      granted: readonly string[];
      of: number;
      needed: number;
      elapsedMs: number;
      driftMs: number;
      validityMs: number;
      outcome: 'locked' | 'no-majority' | 'expired' | 'too-short';
      ttlMs: number;
      holdMs: number;
    };
    /** One master's answer to the compare-and-delete unlock (after a failed attempt, or at the end). */
    'redlock.unlock': { lock: string; master: string; removed: boolean; detail: Say };
    /** The client gave up: every attempt failed. */
    'redlock.giveup': { lock: string; attempts: number };
  }
}

type Vote = 'pending' | 'granted' | 'taken' | 'error' | 'timeout';

export interface RedlockState {
  p: RedlockParams;
  sec: SectionState;
  /** Requests to the masters; `io.target` is unused (each request names its master). */
  io: RedisIo;
  /** This round's attempt, 1-based (0 before the first). */
  attempt: number;
  /** Local time (wall clock, as node-redlock's Date.now()) the attempt's requests went out. */
  startedAt: number;
  /** Per master (in `p.masters` order), its vote in the current attempt. */
  votes: Vote[];
  /** The masters that granted the lock the client holds (empty when it holds none). */
  granted: string[];
  /** Local time the lock's validity ends (start + TTL − drift), while held. */
  validUntil: number | null;
  validityMs: number | null;
  /** An unlock round in progress: after a failed attempt (then retry) or at the end of the work. */
  unlocking: { after: 'retry' | 'done'; left: number; removed: string[] } | null;
}

/** The wait before the next attempt, of round `round`. */
const TIMERS = timerOwner<{ retry: { round: number } }>('redlock');

const VIA = 'redlock';
/** The random value node-redlock puts in the key: here unique per client life and round. */
const tokenOf = (s: RedlockState) => sectionId(s);
const quorumOf = (n: number) => Math.floor(n / 2) + 1;
/** node-redlock: `Math.round(driftFactor * duration) + 2` (the 2 ms: Redis's expiry precision). */
export const driftOf = (p: Pick<RedlockParams, 'ttlMs' | 'driftFactor'>) => Math.round(p.ttlMs * p.driftFactor) + 2;
/** The validity the docs give: TTL − elapsed − drift. */
export const validityOf = (p: Pick<RedlockParams, 'ttlMs' | 'driftFactor'>, elapsedMs: number) => p.ttlMs - elapsedMs - driftOf(p);
/** node-redlock's retry wait: `max(0, retryDelay + floor((random * 2 - 1) * retryJitter))`. */
export const retryWaitOf = (p: Pick<RedlockParams, 'retryDelayMs' | 'retryJitterMs'>, random: number) => Math.max(0, p.retryDelayMs + Math.floor((random * 2 - 1) * p.retryJitterMs));

/** Sends one command to `master`; it fails with a timeout after `timeoutMs`. */
function sendTo(s: RedlockState, master: string, argv: readonly string[], what: 'acquire' | 'unlock', ctx: Ctx): RedlockState {
  const io = redisSend({ ...s.io, target: master }, argv, what, s.p.timeoutMs, ctx);
  return { ...s, io: { ...io, target: s.io.target } };
}

/**
 * An attempt: SET NX PX to every master at once. node-redlock sends them in parallel (the docs'
 * "multiplexing": the faster a majority is reached, the smaller the window in which two
 * clients split the votes); the docs' step 2 and Redisson's RedissonRedLock go one master after
 * another, which costs N round trips of validity instead of one.
 */
function attempt(s0: RedlockState, ctx: Ctx): RedlockState {
  const io = redisForget(s0.io, ['acquire', 'unlock'], ctx);
  let s: RedlockState = { ...s0, io, attempt: s0.attempt + 1, startedAt: ctx.now, votes: s0.p.masters.map(() => 'pending'), granted: [], validUntil: null, validityMs: null, unlocking: null };
  if (s.attempt > 1) waitRequest(hooks, ctx, s.p.masters.length);
  ctx.trace('redlock.attempt', { lock: s.p.lockKey, attempt: s.attempt, of: s.p.retryCount + 1, masters: s.p.masters, ttlMs: s.p.ttlMs });
  for (const m of s.p.masters) s = sendTo(s, m, ['SET', s.p.lockKey, tokenOf(s), 'NX', 'PX', String(s.p.ttlMs)], 'acquire', ctx);
  return { ...s, sec: { ...s.sec, detail: p('pattern.redlock.attemptDetail', { attempt: s.attempt, masters: s.p.masters.length }) } };
}

/** Unlocks on every master, even the ones that did not grant (the docs' step 5: a reply may have been lost). */
function unlockAll(s0: RedlockState, after: 'retry' | 'done', ctx: Ctx): RedlockState {
  let s: RedlockState = { ...s0, io: redisForget(s0.io, ['acquire', 'unlock'], ctx), unlocking: { after, left: s0.p.masters.length, removed: [] } };
  for (const m of s.p.masters) s = sendTo(s, m, evalArgv('unlock', [s.p.lockKey], [tokenOf(s)]), 'unlock', ctx);
  return s;
}

function onVote(s: RedlockState, master: string, vote: Exclude<Vote, 'pending'>, detail: Say, ctx: Ctx): RedlockState {
  const i = s.p.masters.indexOf(master);
  if (i < 0 || s.votes[i] !== 'pending' || s.unlocking !== null || (s.sec.phase !== 'acquiring' && s.sec.phase !== 'waiting')) return s;
  ctx.trace('redlock.vote', { lock: s.p.lockKey, master, attempt: s.attempt, vote, detail, elapsedMs: ctx.now - s.startedAt });
  const votes = s.votes.map((v, k) => (k === i ? vote : v));
  const n: RedlockState = { ...s, votes };
  return votes.includes('pending') ? n : decide(n, ctx);
}

/** Every master has voted: lock if a majority granted within the validity, else unlock everywhere. */
function decide(s: RedlockState, ctx: Ctx): RedlockState {
  const granted = s.p.masters.filter((_, k) => s.votes[k] === 'granted');
  const needed = quorumOf(s.p.masters.length);
  const elapsedMs = ctx.now - s.startedAt;
  const driftMs = driftOf(s.p);
  const validityMs = validityOf(s.p, elapsedMs);
  const outcome = granted.length < needed ? 'no-majority' : validityMs <= 0 ? 'expired' : validityMs <= s.p.holdMs ? 'too-short' : 'locked';
  ctx.trace('redlock.quorum', { lock: s.p.lockKey, attempt: s.attempt, granted, of: s.p.masters.length, needed, elapsedMs, driftMs, validityMs, outcome, ttlMs: s.p.ttlMs, holdMs: s.p.holdMs });
  if (outcome !== 'locked') {
    const why = {
      'no-majority': p('pattern.redlock.whyNoMajority', { granted: granted.length, of: s.p.masters.length, needed }),
      expired: p('pattern.redlock.whyExpired', { ms: Math.round(validityMs) }),
      'too-short': p('pattern.redlock.whyTooShort', { ms: Math.round(validityMs), hold: s.p.holdMs }),
    }[outcome];
    return unlockAll({ ...s, sec: { ...s.sec, detail: p('pattern.redlock.unlockingAll', { detail: p('pattern.redlock.attemptWhy', { attempt: s.attempt, why }) }) } }, 'retry', ctx);
  }
  const held: RedlockState = { ...s, granted, validityMs, validUntil: s.startedAt + s.p.ttlMs - driftMs };
  return acquired(held, hooks, { token: null, leaseMs: s.p.ttlMs, quorum: granted }, ctx);
}

function onUnlocked(s: RedlockState, master: string, removed: boolean, detail: Say, ctx: Ctx): RedlockState {
  const u = s.unlocking;
  if (u === null) return s;
  ctx.trace('redlock.unlock', { lock: s.p.lockKey, master, removed, detail });
  const next = { ...u, left: u.left - 1, removed: removed ? [...u.removed, master] : u.removed };
  if (next.left > 0) return { ...s, unlocking: next };
  const n: RedlockState = { ...s, unlocking: null, granted: [], validUntil: null, validityMs: null };
  if (u.after === 'done') {
    const k = next.removed.length;
    const ok = k >= quorumOf(s.p.masters.length);
    return releaseDone(n, hooks, ok, p('pattern.redlock.removedKeys', { k, n: s.p.masters.length, list: k > 0 ? ` (${next.removed.join(', ')})` : '', tail: ok ? '' : p('pattern.redlock.removedTail') }), ctx);
  }
  if (s.attempt > s.p.retryCount) {
    ctx.trace('redlock.giveup', { lock: s.p.lockKey, attempts: s.attempt });
    ctx.metric(`${VIA}.giveups`);
    return failed(n, p('pattern.redlock.gaveUp', { n: s.attempt }));
  }
  // The retry waits after the unlock, as node-redlock v4 does (it unlocks, then sets the timer).
  const wait = retryWaitOf(s.p, ctx.random());
  ctx.setTimer(wait, TIMERS.make('retry', { round: s.sec.round }));
  return waiting(n, hooks, 'retry', wait, p('pattern.redlock.retriesIn', { detail: withoutUnlocking(s.sec.detail), ms: wait }), ctx);
}

/** A status line without its "; unlocking all" (the unlock is over). */
function withoutUnlocking(d: Say): Say {
  return isPhrase(d) && d.id === 'pattern.redlock.unlockingAll' ? (d.args!.detail as Say) : d;
}

const hooks: LockHooks<RedlockState> = {
  via: VIA,
  lockName: (s) => s.p.lockKey,
  server: (s) => s.granted[0] ?? s.p.masters[0],
  acquire: (s, ctx) => attempt({ ...s, attempt: 0 }, ctx),
  release: (s, ctx) => unlockAll(s, 'done', ctx),
};

function onReply(s: RedlockState, what: string, master: string, reply: RedisReply, ctx: Ctx): RedlockState {
  const error = replyError(reply);
  if (what === 'acquire') {
    if (reply === 'OK') return onVote(s, master, 'granted', 'OK', ctx);
    return onVote(s, master, error ? 'error' : 'taken', error ?? p('pattern.redlock.keyTaken', { reply: formatReply(reply) }), ctx);
  }
  if (reply === 1) return onUnlocked(s, master, true, p('pattern.redlock.deletedOurs'), ctx);
  return onUnlocked(s, master, false, error ?? p('pattern.redlock.notThere'), ctx);
}

function onFailed(s: RedlockState, what: string, master: string, detail: Say, ctx: Ctx): RedlockState {
  const timeout = isPhrase(detail) && detail.id === 'pattern.redlock.noReplyWithin';
  if (what === 'acquire') return onVote(s, master, timeout ? 'timeout' : 'error', detail, ctx);
  return onUnlocked(s, master, false, detail, ctx);
}

/**
 * Redlock as node-redlock (v4) runs it, after the Redis docs' "Distributed Locks with Redis":
 * one random value, SET NX PX on every master in parallel, each with its own short timeout;
 * once all have answered, the lock is held if a majority granted it and the validity (TTL −
 * elapsed − drift) is still positive; otherwise unlock on every master (compare-and-delete)
 * and retry after a random delay. The work is only started when it fits in the validity; at
 * the end the client unlocks every master. There is no fencing token: the value is random, not
 * monotonic, so the resource has nothing to order writers by.
 */
export const redlock: ProgramDef<RedlockParams, RedlockState> = {
  kind: VIA,
  init: (p) => ({ p, sec: initSection(), io: initRedisIo(p.masters[0]), attempt: 0, startedAt: 0, votes: [], granted: [], validUntil: null, validityMs: null, unlocking: null }),
  start(s, ctx) {
    const io = startRedisIo(initRedisIo(s.p.masters[0]), s.p.masters[0], ctx);
    return startSections({ ...s, io, attempt: 0, votes: [], granted: [], validUntil: null, validityMs: null, unlocking: null }, ctx);
  },
  onMessage(s, msg, from, ctx) {
    const st = onStorageMessage(s, msg, hooks, ctx);
    if (st) return st;
    const ended = redisConnectionEnded(s.io, msg, from, ctx);
    if (ended) return ended.failed.reduce((n, req) => onFailed(n, req.what, req.to, p('pattern.redlock.connLost', { server: req.to }), ctx), { ...s, io: ended.io });
    const r = redisReply(s.io, msg, from, ctx);
    if (!r) return s;
    return onReply({ ...s, io: r.io }, r.req.what, r.req.to, r.reply, ctx);
  },
  onTimer(s, payload, ctx) {
    const sec = onSectionTimer(s, payload, hooks, ctx);
    if (sec) return sec;
    const t = redisTimedOut(s.io, payload);
    if (t) return onFailed({ ...s, io: t.io }, t.req.what, t.req.to, p('pattern.redlock.noReplyWithin', { ms: s.p.timeoutMs }), ctx);
    const own = TIMERS.match(payload);
    if (!own || own.round !== s.sec.round || s.sec.phase !== 'waiting') return s;
    return attempt(s, ctx);
  },
  view: redlockView,
  describeTimer(payload) {
    const d = describeSectionTimer(payload);
    if (d) return d;
    if (TIMERS.match(payload)) return p('pattern.redlock.timerRetry');
    return p('pattern.redlock.timerTimeout');
  },
  narrate: narrateRedlock,
};

const MARK: Record<Vote, string> = { pending: '?', granted: '✓', taken: '✗', error: '✗', timeout: '✗' };

/** The card: the section's status, which masters granted, and the validity left while held. */
export function redlockView(s: RedlockState): ProgramView {
  const base = sectionView(s);
  const held = s.validUntil !== null && s.validityMs !== null && s.granted.length > 0 && s.sec.phase !== 'releasing';
  if (held) {
    return {
      ...base,
      detail: p('pattern.redlock.heldDetail', { granted: s.granted.join(' '), n: s.p.masters.length, detail: s.sec.detail }),
      lease: { until: s.validUntil!, span: s.validityMs!, label: p('pattern.redlock.validityLeft') },
    };
  }
  if ((s.sec.phase === 'acquiring' || s.sec.phase === 'waiting') && s.votes.length === s.p.masters.length) {
    const votes = s.p.masters.map((m, k) => `${m}${MARK[s.votes[k]]}`).join(' ');
    return { ...base, detail: p('pattern.redlock.votesDetail', { votes, detail: s.sec.detail }) };
  }
  return base;
}

const ms = (t: number) => Math.round(t);

/** One line for the `redlock.*` events and the shared `lock.*` ones. */
export function narrateRedlock(ev: TraceEvent, name: (id: string) => string): Say | undefined {
  switch (ev.type) {
    case 'redlock.attempt':
      return p('pattern.redlock.narrAttempt', { node: name(ev.node), lock: ev.lock, ttl: ev.ttlMs, n: ev.masters.length, attempt: ev.attempt, of: ev.of });
    case 'redlock.vote':
      if (ev.vote === 'granted') return p('pattern.redlock.narrGranted', { master: name(ev.master), lock: ev.lock, node: name(ev.node), ms: ms(ev.elapsedMs) });
      if (ev.vote === 'taken') return p('pattern.redlock.narrTaken', { master: name(ev.master), node: name(ev.node), lock: ev.lock });
      return p('pattern.redlock.narrAgainst', { master: name(ev.master), node: name(ev.node), detail: ev.detail });
    case 'redlock.quorum': {
      const who = ev.granted.length ? ` (${ev.granted.map(name).join(', ')})` : '';
      const sum = p('pattern.redlock.sum', { granted: ev.granted.length, of: ev.of, who, needed: ev.needed });
      const validity = p('pattern.redlock.validity', { ttl: ev.ttlMs, elapsed: ms(ev.elapsedMs), drift: ms(ev.driftMs), validity: ms(ev.validityMs) });
      const node = name(ev.node);
      switch (ev.outcome) {
        case 'locked':
          return p('pattern.redlock.locked', { node, lock: ev.lock, sum, validity });
        case 'no-majority':
          return p('pattern.redlock.noMajority', { node, sum });
        case 'expired':
          return p('pattern.redlock.expired', { node, validity });
        case 'too-short':
          return p('pattern.redlock.tooShort', { node, validity, hold: ms(ev.holdMs) });
      }
      return undefined;
    }
    case 'redlock.unlock':
      return ev.removed ? p('pattern.redlock.unlockRemoved', { master: name(ev.master), node: name(ev.node), lock: ev.lock }) : p('pattern.redlock.unlockNothing', { master: name(ev.master), node: name(ev.node), detail: ev.detail });
    case 'redlock.giveup':
      return p('pattern.redlock.giveup', { node: name(ev.node), lock: ev.lock, n: ev.attempts });
    default:
      return narrateLock(ev, name);
  }
}
