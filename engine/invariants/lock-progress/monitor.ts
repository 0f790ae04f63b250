import type { MonitorCtx, MonitorDef } from '../../core/monitor';
import { p, type Phrase } from '../../core/phrase';
import { commas } from '../say';
import type { TraceEvent } from '../../core/trace-types';

/**
 * Liveness for locks: a lock that is free while clients wait for it must be taken within the
 * waiting recipe's own bound: its poll interval (or the wait its server told it), or, for a
 * recipe woken by a notification (a Redis unlock message), a short slack for the network. A
 * ZooKeeper queue may wait out a session timeout too (a crashed waiter's node ahead in the queue
 * lasts until its session expires), so a watch waits get one and a half session timeouts.
 * A woken waiter is trying again, not waiting, until it waits anew. A lost notification, a waiter that gave up listening, or a queue blocked by a
 * node nobody owns shows up here: the lock stays free, every waiter keeps waiting, and the
 * safety monitors see nothing wrong.
 *
 * "Free" is judged at the server: released by its holder, or its key or node gone with the
 * holder's lease or session; a key taken by a request a crashed client sent before it died
 * holds the lock until its lease ends. A crashed holder's lock is not free until then (that wait is the
 * recipe working as designed, counted by mutual-exclusion's `unusable.ms`).
 *
 * Metrics: `lock-progress.stalls` (free periods that outlived the bound).
 */

/** Network and scheduling slack on top of a recipe's own bound (ms). */
export const SLACK_MS = 1000;

interface LockInfo {
  server: string;
  holder: string | null;
  /** The holder's lock node (ZooKeeper), to know when its session's expiry frees the lock. */
  znode: string | null;
  /** A crashed holder whose lock frees only when its lease or session runs out. */
  dead: string | null;
  /** Redis: the client whose SET NX last took the key at the server (it may not know yet). */
  taken: string | null;
  /** Since when the lock is free at the server (null: held, or not yet known free). */
  freeSince: number | null;
  /** ZooKeeper: when a dead session's node last left the lock's queue (the queue is draining). */
  drainedAt: number;
  /** What freed it (`released`, `lease`, `session`) and whose, for the sentence. */
  freedBy: string;
  freedWho: string;
  reported: boolean;
}

interface Waiter {
  lock: string;
  since: number;
  /** The recipe's own bound on noticing a free lock (ms). */
  boundMs: number;
  how: string;
}

export interface LockProgressState {
  locks: Record<string, LockInfo>;
  waiters: Record<string, Waiter>;
  /** ZooKeeper session timeouts by client: how long a dead session's node can block a queue. */
  sessions: Record<string, number>;
}

const ms = (t: number) => `${Math.round(t)} ms`;
const id = (via: string, lock: string) => `${via}|${lock}`;

function without<T>(r: Record<string, T>, k: string): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of Object.keys(r)) if (key !== k) out[key] = r[key];
  return out;
}

function freed(s: LockProgressState, key: string, at: number, by: 'released' | 'lease' | 'session', who: string): LockProgressState {
  const l = s.locks[key];
  return { ...s, locks: { ...s.locks, [key]: { ...l, holder: null, znode: null, dead: null, taken: null, freeSince: at, freedBy: by, freedWho: who, reported: false } } };
}

/** Why the lock became free, in words. */
function freedText(l: LockInfo, name: (id: string) => string): Phrase {
  return p('invariants.lpFreed', { by: l.freedBy, who: name(l.freedWho) });
}

/** Reports each lock that has been free longer than the quickest waiter's bound. */
function check(s: LockProgressState, now: number, ctx: MonitorCtx): LockProgressState {
  let out = s;
  for (const key of Object.keys(s.locks)) {
    const l = s.locks[key];
    if (l.freeSince === null || l.reported) continue;
    const waiting = Object.keys(s.waiters).filter((c) => s.waiters[c].lock === key);
    if (waiting.length === 0) continue;
    // The waiter that should have noticed first: its bound counts from when both were true.
    const due = Math.min(...waiting.map((c) => Math.max(l.freeSince!, l.drainedAt, s.waiters[c].since) + s.waiters[c].boundMs));
    if (now <= due) continue;
    const who = commas(waiting.map((c) => p('invariants.lpWaiter', { who: ctx.name(c), how: s.waiters[c].how, since: ms(s.waiters[c].since) })));
    const name = key.slice(key.indexOf('|') + 1);
    ctx.violate(
      p('invariants.lp', { name, server: ctx.name(l.server), since: ms(l.freeSince), freed: freedText(l, ctx.name), who, now: ms(now) }),
      [...waiting, l.server],
    );
    ctx.metric('lock-progress.stalls');
    out = { ...out, locks: { ...out.locks, [key]: { ...l, reported: true } } };
  }
  return out;
}

function onEvent(s: LockProgressState, ev: TraceEvent): LockProgressState {
  switch (ev.type) {
    case 'lock.wait': {
      const key = id(ev.via, ev.lock);
      const w = s.waiters[ev.node];
      // Notified recipes get only the slack; a poll, or a wait its server bounded, its interval
      // too; a ZooKeeper queue, the time a dead session's node can stand in it.
      const session = ev.how === 'watch' || ev.how === 'herd' ? 1.5 * (s.sessions[ev.node] ?? 0) : 0;
      const boundMs = (ev.retryInMs ?? 0) + session + SLACK_MS;
      const waiters = { ...s.waiters, [ev.node]: w && w.lock === key ? { ...w, boundMs: Math.max(w.boundMs, boundMs), how: ev.how } : { lock: key, since: ev.t, boundMs, how: ev.how } };
      return { ...s, waiters };
    }
    case 'lock.wake':
      return { ...s, waiters: without(s.waiters, ev.node) };
    case 'zk.session.open':
      return { ...s, sessions: { ...s.sessions, [ev.client]: Math.max(ev.timeoutMs, s.sessions[ev.client] ?? 0) } };
    case 'lock.acquire': {
      const key = id(ev.via, ev.lock);
      const locks = { ...s.locks, [key]: { server: ev.server, holder: ev.node, znode: ev.znode, dead: null, taken: ev.node, freeSince: null, drainedAt: 0, freedBy: '', freedWho: '', reported: false } };
      return { ...s, locks, waiters: without(s.waiters, ev.node) };
    }
    case 'lock.release': {
      const key = id(ev.via, ev.lock);
      const l = s.locks[key];
      if (!l || l.holder !== ev.node) return s;
      // Another client's SET NX took the key at the server before this release was told: not free.
      if (l.taken !== null && l.taken !== ev.node) return { ...s, locks: { ...s.locks, [key]: { ...l, holder: null, dead: l.taken, freeSince: null } } };
      return freed(s, key, ev.t, 'released', ev.node);
    }
    case 'fault.crash': {
      let n: LockProgressState = { ...s, waiters: without(s.waiters, ev.node) };
      for (const key of Object.keys(n.locks)) {
        const l = n.locks[key];
        if (l.holder === ev.node) n = { ...n, locks: { ...n.locks, [key]: { ...l, holder: null, dead: ev.node, freeSince: null } } };
      }
      return n;
    }
    case 'redis.exec': {
      // A SET NX that took the key for a client that does not know it holds it (a request its
      // earlier life sent before crashing): the lock is held at the server until its lease ends.
      if (ev.reply !== 'OK' || String(ev.argv[0]).toUpperCase() !== 'SET' || !ev.argv.some((a) => a.toUpperCase() === 'NX')) return s;
      let n = s;
      for (const key of Object.keys(s.locks)) {
        const l = s.locks[key];
        if (l.server !== ev.node || key.slice(key.indexOf('|') + 1) !== ev.argv[1]) continue;
        n = { ...n, locks: { ...n.locks, [key]: l.holder === null ? { ...l, taken: ev.client, dead: ev.client, freeSince: null } : { ...l, taken: ev.client } } };
      }
      return n;
    }
    case 'redis.expire': {
      let n = s;
      for (const key of Object.keys(s.locks)) {
        const l = s.locks[key];
        const owner = l.holder ?? l.dead;
        if (owner === null || l.server !== ev.node || !ev.keys.includes(key.slice(key.indexOf('|') + 1))) continue;
        n = freed(n, key, ev.t, 'lease', owner);
      }
      return n;
    }
    case 'zk.session.expired': {
      let n = s;
      for (const key of Object.keys(s.locks)) {
        const l = s.locks[key];
        const owner = l.holder ?? l.dead;
        if (l.server !== ev.node) continue;
        const path = key.slice(key.indexOf('|') + 1);
        if (ev.deleted.some((d) => d.startsWith(`${path}/`))) n = { ...n, locks: { ...n.locks, [key]: { ...n.locks[key], drainedAt: ev.t } } };
        if (owner === null || l.znode === null || !ev.deleted.includes(l.znode)) continue;
        n = freed(n, key, ev.t, 'session', owner);
      }
      return n;
    }
    default:
      return s;
  }
}

export const lockProgress: MonitorDef<LockProgressState> = {
  id: 'lock-progress',
  title: 'A free lock is taken within the waiting recipe’s own bound (no waiter stuck while the lock is free)',
  // timer.fire is the heartbeat: a stall is noticed while nothing else happens.
  watches: ['lock.wait', 'lock.wake', 'zk.session.open', 'lock.acquire', 'lock.release', 'fault.crash', 'redis.exec', 'redis.expire', 'zk.session.expired', 'timer.fire'],
  init: () => ({ locks: {}, waiters: {}, sessions: {} }),
  onEvent: (s, ev, ctx) => check(onEvent(s, ev), ev.t, ctx),
};
