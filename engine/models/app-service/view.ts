import type { AppState } from './model';

// Kept apart from the model's behaviour, as every kind's view: the UI reads only this.

/** A session the app holds in its memory. */
export interface AppSessionView {
  sid: string;
  user: string;
  /** The app's local time of its last use (ms): it lapses maxInactiveMs after. */
  lastAccess: number;
}

/** What the canvas shows of an app server. */
export interface AppView {
  auth: AppState['p']['auth'];
  redis: string | null;
  /** Sessions in memory (memory mode), including ones idle past maxInactive until a request finds them. */
  sessions: readonly AppSessionView[];
  maxInactiveMs: number;
  tokenTtlMs: number;
  denylist: boolean;
  refresh: boolean;
  inFlight: number;
  served: number;
  refused: number;
  failed: number;
  issued: number;
}

/** A plain summary of the app state, for views. */
export function appView(s: AppState): AppView {
  return {
    auth: s.p.auth,
    redis: s.redisNode,
    sessions: Object.keys(s.sessions).map((sid) => ({ sid, user: s.sessions[sid].user, lastAccess: s.sessions[sid].lastAccess })),
    maxInactiveMs: s.p.maxInactiveMs,
    tokenTtlMs: s.p.tokenTtlMs,
    denylist: s.p.denylist,
    refresh: s.p.refreshTtlMs !== undefined,
    inFlight: Object.keys(s.jobs).length,
    served: s.served,
    refused: s.refused,
    failed: s.failed,
    issued: s.issued,
  };
}

/** The sessions of `v` still alive at the app's local time `now`, with how long each has been idle. */
export function liveSessions(v: AppView, now: number): { sid: string; user: string; idleMs: number }[] {
  return v.sessions.map((x) => ({ sid: x.sid, user: x.user, idleMs: now - x.lastAccess })).filter((x) => x.idleMs < v.maxInactiveMs);
}
