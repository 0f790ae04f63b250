import type { StorageAckMsg, StorageEnterMsg, StorageLeaveMsg, StorageWriteMsg } from '../clients/storage/messages';
import type { Msg } from '../core/msg';
import { p, type Say } from '../core/phrase';
import type { ProgramView } from '../core/program';
import { timerOwner, type NoFields } from '../core/timer';
import type { TraceData, TraceEvent } from '../core/trace-types';
import type { Ctx } from '../core/types';
import type { LockCommonParams } from './lock-params';

/**
 * What every lock client does around its lock, whatever the lock is made of: rounds of
 * acquire -> critical section on the protected resource (enter, work for `holdMs`, write and
 * leave) -> release. The lock programs (redis-lock, redisson-lock, zk-lock) supply acquire and
 * release; this file runs the section, keeps the shared state, and emits the `lock.*` events.
 */

declare module '../core/trace-types' {
  interface TraceEventMap {
    /** The client got the lock (what it believes; the invariants check it at the resource). */
    'lock.acquire': {
      lock: string;
      via: string;
      server: string;
      token: number | null;
      leaseMs: number | null;
      waitedMs: number;
      znode: string | null;
      section: string;
      /** Redlock: the masters that granted it (`server` is the first of them). */
      quorum?: readonly string[];
    };
    /** The client starts letting go of the lock (its unlock is on the way): where a handoff is timed from. */
    'lock.unlock': { lock: string; via: string; server: string };
    /** The client's unlock finished; `ok: false` when the lock was no longer the client's to release. */
    'lock.release': { lock: string; via: string; server: string; ok: boolean; heldMs: number; detail: Say };
    /** The lock is taken: the client waits (polls, subscribes, or watches). */
    'lock.wait': { lock: string; via: string; how: 'poll' | 'pubsub' | 'watch' | 'herd' | 'retry'; retryInMs: number | null; detail: Say };
    /** A waiting client is woken (a notification, or its wait timed out) and tries again. */
    'lock.wake': { lock: string; via: string; how: 'push' | 'watch' | 'timeout'; detail: Say };
    /** The client extended its lease (watchdog); `ok: false` when the renewal found the lock gone. */
    'lock.renew': { lock: string; via: string; ok: boolean; leaseMs: number; detail: Say };
    /** The client learned it no longer holds the lock. */
    'lock.lost': { lock: string; via: string; reason: Say };
  }
}

export type LockPhase = 'starting' | 'acquiring' | 'waiting' | 'entering' | 'working' | 'writing' | 'leaving' | 'releasing' | 'between' | 'done' | 'failed';

/** The section bookkeeping shared by every lock program: plain data. */
export interface SectionState {
  /** The current round, 1-based (0 before the first). */
  round: number;
  phase: LockPhase;
  /** Prefix of section ids: the client id, plus its start time after a restart. */
  life: string;
  token: number | null;
  /** Local time the current wait began / the lock was acquired. */
  waitStart: number;
  heldAt: number;
  /** Why the lock was lost during this section, once the client knows. */
  lost: Say | null;
  workTimer: number | null;
  detail: Say;
}

/** The state shape the shared functions need. */
export interface LockBase {
  p: LockCommonParams;
  sec: SectionState;
}

/** The server a lock client names while it does not know one yet (a Sentinel client before it is told the primary). */
export const NO_SERVER = '(no primary yet)';

/** A lock's server in narration: its name, or NO_SERVER worded. */
function serverName(server: string, name: (id: string) => string): Say {
  return server === NO_SERVER ? p('pattern.common.noServer') : name(server);
}

/** What a lock program plugs into the shared section runner. */
export interface LockHooks<S extends LockBase> {
  /** Program kind: prefixes the metrics ("redis-lock.acquisitions"). */
  readonly via: string;
  /** The lock's name, for events. */
  lockName(s: S): string;
  /** The server the lock lives on now (NO_SERVER while a client does not know one). */
  server(s: S): string;
  /** Starts acquiring for the current round. */
  acquire(s: S, ctx: Ctx): S;
  /** Starts releasing; must end in `releaseDone`. */
  release(s: S, ctx: Ctx): S;
}

/** The shared runner's timers: the next round, and the end of the work of round `round`. */
const TIMERS = timerOwner<{ round: NoFields; work: { round: number } }>('lock');

export function initSection(): SectionState {
  return { round: 0, phase: 'starting', life: '', token: null, waitStart: 0, heldAt: 0, lost: null, workTimer: null, detail: '' };
}

/** The id of the current section: "c1#2" (round 2), "c1@5200#1" after a restart at 5200 ms. */
export function sectionId(s: LockBase): string {
  return `${s.sec.life}#${s.sec.round}`;
}

const withSec = <S extends LockBase>(s: S, patch: Partial<SectionState>): S => ({ ...s, sec: { ...s.sec, ...patch } });

/**
 * Starts the unlock: traced here, not when its answer comes back, because a ZooKeeper waiter's
 * watch can fire before the holder hears that its delete committed, and the handoff a user
 * compares (Redis: DEL, then the next poll; ZooKeeper: a delete through the quorum, then a
 * notification) is timed from the holder letting go.
 */
function letGo<S extends LockBase>(s: S, hooks: LockHooks<S>, ctx: Ctx): S {
  ctx.trace('lock.unlock', { lock: hooks.lockName(s), via: hooks.via, server: hooks.server(s) });
  return hooks.release(s, ctx);
}

/** At (re)start: name this life and schedule the first round. */
export function startSections<S extends LockBase>(s: S, ctx: Ctx): S {
  const life = ctx.now < 1 ? ctx.self : `${ctx.self}@${Math.round(ctx.now)}`;
  ctx.setTimer(s.p.startDelayMs, TIMERS.make('round'));
  return withSec(s, { ...initSection(), life, detail: s.p.startDelayMs > 0 ? p('pattern.common.startsIn', { ms: s.p.startDelayMs }) : '' });
}

function beginRound<S extends LockBase>(s: S, hooks: LockHooks<S>, ctx: Ctx): S {
  const next = withSec(s, { round: s.sec.round + 1, phase: 'acquiring', token: null, lost: null, waitStart: ctx.now, workTimer: null, detail: p('pattern.common.asking') });
  return hooks.acquire(next, ctx);
}

/** A program is waiting for the lock: set the status line and record why. */
export function waiting<S extends LockBase>(s: S, hooks: LockHooks<S>, how: TraceData<'lock.wait'>['how'], retryInMs: number | null, detail: Say, ctx: Ctx): S {
  ctx.trace('lock.wait', { lock: hooks.lockName(s), via: hooks.via, how, retryInMs, detail });
  return withSec(s, { phase: 'waiting', detail });
}

/** Counts a request sent only because the lock was taken (a poll, a re-check, a subscription). */
export function waitRequest(hooks: { via: string }, ctx: Ctx, n = 1): void {
  ctx.metric(`${hooks.via}.wait.requests`, n);
}

/** The lock is ours: record it and open the critical section on the resource. */
export function acquired<S extends LockBase>(s: S, hooks: LockHooks<S>, info: { token: number | null; leaseMs: number | null; znode?: string | null; quorum?: readonly string[] }, ctx: Ctx): S {
  const section = sectionId(s);
  ctx.trace('lock.acquire', {
    lock: hooks.lockName(s),
    via: hooks.via,
    server: hooks.server(s),
    token: info.token,
    leaseMs: info.leaseMs,
    waitedMs: ctx.now - s.sec.waitStart,
    znode: info.znode ?? null,
    section,
    ...(info.quorum ? { quorum: info.quorum } : {}),
  });
  ctx.metric(`${hooks.via}.acquisitions`);
  const held = withSec(s, { token: info.token, heldAt: ctx.now, lost: null });
  if (s.p.storage === undefined) return startWork(held, ctx);
  const enter: StorageEnterMsg = info.token === null ? { type: 'storage.enter', section } : { type: 'storage.enter', section, token: info.token };
  ctx.send(s.p.storage, enter);
  return withSec(held, { phase: 'entering', detail: info.token === null ? p('pattern.common.entering', { section }) : p('pattern.common.enteringToken', { section, token: info.token }) });
}

function startWork<S extends LockBase>(s: S, ctx: Ctx): S {
  const workTimer = ctx.setTimer(s.p.holdMs, TIMERS.make('work', { round: s.sec.round }));
  return withSec(s, { phase: 'working', workTimer, detail: s.sec.token === null ? p('pattern.common.working', { ms: s.p.holdMs }) : p('pattern.common.workingToken', { ms: s.p.holdMs, token: s.sec.token }) });
}

function leave<S extends LockBase>(s: S, hooks: LockHooks<S>, ctx: Ctx): S {
  if (s.sec.workTimer !== null) ctx.cancelTimer(s.sec.workTimer);
  if (s.p.storage === undefined) return letGo(withSec(s, { phase: 'releasing', workTimer: null, detail: p('pattern.common.releasing') }), hooks, ctx);
  // The resource's own log keeps the reason as sent (a wire field, not narration).
  const m: StorageLeaveMsg = { type: 'storage.leave', section: sectionId(s), reason: 'lost the lock' };
  ctx.send(s.p.storage, m);
  return withSec(s, { phase: 'leaving', workTimer: null, detail: p('pattern.common.leaving', { reason: p('pattern.common.lostTheLock') }) });
}

/** The client learns it no longer holds the lock (renewal refused, session lost, fenced). */
export function lost<S extends LockBase>(s: S, hooks: LockHooks<S>, reason: Say, ctx: Ctx): S {
  const inSection = s.sec.phase === 'entering' || s.sec.phase === 'working' || s.sec.phase === 'writing';
  if (!inSection || s.sec.lost !== null) return s;
  ctx.trace('lock.lost', { lock: hooks.lockName(s), via: hooks.via, reason });
  ctx.metric(`${hooks.via}.lost`);
  const n = withSec(s, { lost: reason, detail: p('pattern.common.lostDetail', { reason }) });
  // Too late to stop a write already sent; an entering client leaves once the enter is answered.
  if (!s.p.abortOnLost || s.sec.phase !== 'working') return n;
  return leave(n, hooks, ctx);
}

/** Answers from the resource. Returns null when the message is not one. */
export function onStorageMessage<S extends LockBase>(s: S, msg: Msg, hooks: LockHooks<S>, ctx: Ctx): S | null {
  if (msg.type !== 'storage.ack') return null;
  const m = msg as StorageAckMsg;
  if (m.section !== sectionId(s)) return s;
  switch (m.op) {
    case 'enter':
      if (s.sec.phase !== 'entering') return s;
      if (!m.ok) return letGo(fencedOff(s, hooks, p('pattern.common.refusedEnter', { reason: m.reason ?? 'fenced' }), ctx), hooks, ctx);
      if (s.sec.lost !== null && s.p.abortOnLost) return leave(s, hooks, ctx);
      return startWork(s, ctx);
    case 'write':
      if (s.sec.phase !== 'writing') return s;
      if (!m.ok) return letGo(fencedOff(s, hooks, p('pattern.common.refusedWrite', { reason: m.reason ?? 'fenced' }), ctx), hooks, ctx);
      return letGo(withSec(s, { phase: 'releasing', detail: p('pattern.common.releasing') }), hooks, ctx);
    case 'leave':
      if (s.sec.phase !== 'leaving') return s;
      return letGo(withSec(s, { phase: 'releasing', detail: p('pattern.common.releasing') }), hooks, ctx);
  }
}

/** Fenced off: the section is over at the resource; the client still runs its unlock. */
function fencedOff<S extends LockBase>(s: S, hooks: LockHooks<S>, reason: Say, ctx: Ctx): S {
  if (s.sec.lost === null) {
    ctx.trace('lock.lost', { lock: hooks.lockName(s), via: hooks.via, reason });
    ctx.metric(`${hooks.via}.lost`);
  }
  return withSec(s, { lost: s.sec.lost ?? reason, phase: 'releasing', detail: p('pattern.common.fenced', { reason }) });
}

/** The shared timers: the next round, and the end of the work. Null when not one of them. */
export function onSectionTimer<S extends LockBase>(s: S, payload: unknown, hooks: LockHooks<S>, ctx: Ctx): S | null {
  const t = TIMERS.match(payload);
  if (!t) return null;
  if (t.timer === 'round') {
    if (s.sec.phase !== 'starting' && s.sec.phase !== 'between') return s;
    return beginRound(s, hooks, ctx);
  }
  if (t.round !== s.sec.round || s.sec.phase !== 'working') return s;
  const n = withSec(s, { workTimer: null });
  if (s.p.storage === undefined) return letGo(withSec(n, { phase: 'releasing', detail: p('pattern.common.releasing') }), hooks, ctx);
  const w: StorageWriteMsg = { type: 'storage.write', section: sectionId(s), value: `${sectionId(s)} done`, last: true, ...(s.sec.token === null ? {} : { token: s.sec.token }) };
  ctx.send(s.p.storage, w);
  return withSec(n, { phase: 'writing', detail: s.sec.token === null ? p('pattern.common.writing') : p('pattern.common.writingToken', { token: s.sec.token }) });
}

/** The release finished: record it, then the next round or done. */
export function releaseDone<S extends LockBase>(s: S, hooks: LockHooks<S>, ok: boolean, detail: Say, ctx: Ctx): S {
  ctx.trace('lock.release', { lock: hooks.lockName(s), via: hooks.via, server: hooks.server(s), ok, heldMs: ctx.now - s.sec.heldAt, detail });
  if (s.sec.round >= s.p.rounds) return withSec(s, { phase: 'done', detail: p('pattern.common.roundsDone', { n: s.p.rounds }) });
  ctx.setTimer(s.p.thinkMs, TIMERS.make('round'));
  return withSec(s, { phase: 'between', detail: p('pattern.common.roundDone', { round: s.sec.round, rounds: s.p.rounds }) });
}

/** The program gives up (an error it cannot recover from). */
export function failed<S extends LockBase>(s: S, detail: Say): S {
  return withSec(s, { phase: 'failed', detail });
}

/** The canvas view of the shared state. */
export function sectionView(s: LockBase): ProgramView {
  const d = s.sec.detail || undefined;
  switch (s.sec.phase) {
    case 'starting':
    case 'between':
      return { status: 'idle', detail: d };
    case 'acquiring':
    case 'waiting':
      return { status: 'waiting', detail: d };
    case 'entering':
    case 'working':
    case 'writing':
    case 'leaving':
    case 'releasing':
      return { status: 'holding', detail: d };
    case 'done':
      return { status: 'done', detail: d };
    case 'failed':
      return { status: 'failed', detail: d };
  }
}

/** Whether the client is (as far as it knows) inside its critical section. */
export function holding(s: LockBase): boolean {
  const p = s.sec.phase;
  return p === 'entering' || p === 'working' || p === 'writing' || p === 'leaving' || p === 'releasing';
}

export function describeSectionTimer(payload: unknown): Say | undefined {
  const t = TIMERS.match(payload);
  if (!t) return undefined;
  return p(t.timer === 'round' ? 'pattern.common.timerRound' : 'pattern.common.timerWork');
}

/** One line for the shared `lock.*` events. */
export function narrateLock(ev: TraceEvent, name: (id: string) => string): Say | undefined {
  const node = name(ev.node);
  switch (ev.type) {
    case 'lock.acquire':
      return p('pattern.common.acquire', {
        node,
        lock: ev.lock,
        from: ev.quorum ? p('pattern.common.acquireMajority', { servers: ev.quorum.map(name).join(', ') }) : serverName(ev.server, name),
        token: ev.token === null ? '' : p('pattern.common.acquireToken', { token: ev.token }),
        lease: ev.leaseMs === null ? '' : p('pattern.common.acquireLease', { ms: ev.leaseMs }),
        waited: Math.round(ev.waitedMs),
      });
    case 'lock.unlock':
      return p('pattern.common.unlock', { node, lock: ev.lock, server: serverName(ev.server, name) });
    case 'lock.release':
      return ev.ok
        ? p('pattern.common.release', { node, lock: ev.lock, held: Math.round(ev.heldMs), detail: ev.detail })
        : p('pattern.common.releaseFailed', { node, lock: ev.lock, detail: ev.detail });
    case 'lock.wait':
      return p('pattern.common.wait', { node, lock: ev.lock, detail: ev.detail });
    case 'lock.wake':
      return p('pattern.common.wake', { node, lock: ev.lock, detail: ev.detail });
    case 'lock.renew':
      return ev.ok ? p('pattern.common.renew', { node, lock: ev.lock, lease: ev.leaseMs }) : p('pattern.common.renewFailed', { node, lock: ev.lock, detail: ev.detail });
    case 'lock.lost':
      return p('pattern.common.lost', { node, lock: ev.lock, reason: ev.reason });
    default:
      return undefined;
  }
}
