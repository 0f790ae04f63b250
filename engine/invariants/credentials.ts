import type { TraceEvent } from '../core/trace-types';

/**
 * The login credentials a run has seen, judged in true time from the apps' trace events: when
 * each session or token was issued and by whom, how long it should live, and when (and how) it
 * ended. Both session monitors fold the same events into this ledger, then judge each request
 * an app answered against it.
 */

/** One session or token. Times are true time (ms). */
export interface Cred {
  kind: 'session' | 'access' | 'refresh';
  user: string;
  /** The app that created it. */
  by: string;
  issuedAt: number;
  /** Where it is kept: the app itself (memory), a Redis node, or nowhere (a token). */
  store: 'memory' | 'redis' | 'token';
  /** The app (memory), the Redis node (sessions, refresh tokens), or null. */
  where: string | null;
  /** Sessions: idle time after which it may end. */
  maxInactiveMs: number | null;
  /** Tokens: the end of its lifetime (issued + ttl). */
  validUntil: number | null;
  /** Sessions: when the last request the app served with it arrived. */
  lastUsed: number;
  ended: { at: number; why: 'logout' | 'expired' | 'rotated'; denylisted: boolean; where: string | null } | null;
}

export interface Ledger {
  creds: Record<string, Cred>;
  /** Per node: times it crashed. */
  crashes: Record<string, number[]>;
}

/** The events the ledger needs: monitors that use it watch these too. */
export const LEDGER_EVENTS = ['session.create', 'session.destroy', 'jwt.issue', 'jwt.revoke', 'app.handle', 'fault.crash'] as const;

export function initLedger(): Ledger {
  return { creds: {}, crashes: {} };
}

function put(l: Ledger, id: string, c: Cred): Ledger {
  return { ...l, creds: { ...l.creds, [id]: c } };
}

function end(l: Ledger, id: string | null, e: NonNullable<Cred['ended']>): Ledger {
  if (id === null) return l;
  const c = l.creds[id];
  if (!c || c.ended) return l;
  return put(l, id, { ...c, ended: e });
}

/** When the request an `app.handle` event answers arrived at the app (true time). */
export function arrival(ev: Extract<TraceEvent, { type: 'app.handle' }>): number {
  return ev.t - ev.tookMs;
}

/** Folds one event into the ledger (events of other types leave it as it is). */
export function foldLedger(l: Ledger, ev: TraceEvent): Ledger {
  switch (ev.type) {
    case 'session.create':
      return put(l, ev.sid, {
        kind: 'session',
        user: ev.user,
        by: ev.node,
        issuedAt: ev.t,
        store: ev.store,
        where: ev.where,
        maxInactiveMs: ev.maxInactiveMs,
        validUntil: null,
        lastUsed: ev.t,
        ended: null,
      });
    case 'session.destroy':
      return end(l, ev.sid, { at: ev.t, why: ev.why, denylisted: false, where: null });
    case 'jwt.issue': {
      const n = put(l, ev.jti, { kind: ev.typ, user: ev.sub, by: ev.node, issuedAt: ev.t, store: 'token', where: ev.store, maxInactiveMs: null, validUntil: ev.t + ev.ttlMs, lastUsed: ev.t, ended: null });
      return ev.parent === null ? n : end(n, ev.parent, { at: ev.t, why: 'rotated', denylisted: false, where: null });
    }
    case 'jwt.revoke': {
      const n = end(l, ev.jti, { at: ev.t, why: 'logout', denylisted: ev.denylisted, where: ev.where });
      return end(n, ev.refresh, { at: ev.t, why: 'logout', denylisted: false, where: ev.where });
    }
    case 'app.handle': {
      const c = ev.cred === null ? undefined : l.creds[ev.cred];
      if (!c || c.kind !== 'session' || ev.status !== 200) return l;
      return put(l, ev.cred!, { ...c, lastUsed: Math.max(c.lastUsed, arrival(ev)) });
    }
    case 'fault.crash':
      return { ...l, crashes: { ...l.crashes, [ev.node]: [...(l.crashes[ev.node] ?? []), ev.t] } };
    default:
      return l;
  }
}

/** The first crash of `node` in (from, to], or null. */
export function crashBetween(l: Ledger, node: string | null, from: number, to: number): number | null {
  if (node === null) return null;
  return (l.crashes[node] ?? []).find((t) => t > from && t <= to) ?? null;
}

/**
 * A request arriving this close to a credential's natural end is not judged: the app and the
 * store look at the clock a few network hops after the request arrived.
 */
export const GRACE_MS = 1000;

/**
 * Whether the credential should still be good for a request arriving at `t` and answered at
 * `answered`: not ended (logged out, rotated, expired) by the time it was answered, and within
 * its lifetime when it arrived.
 */
export function aliveAt(c: Cred, t: number, answered = t): boolean {
  if (c.ended && c.ended.at <= answered) return false;
  if (c.kind === 'session') return c.maxInactiveMs === null || t + GRACE_MS < c.lastUsed + c.maxInactiveMs;
  return c.validUntil === null || t + GRACE_MS < c.validUntil;
}

/** "1234 ms", "2.5 s". */
export function span(ms: number): string {
  return Math.abs(ms) >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${Math.round(ms)} ms`;
}

/** A true time for messages. */
export const at = (t: number) => `${Math.round(t)} ms`;
