import type { AppState } from './model';

// Kept apart from the model's behaviour: the card imports this, and the behaviour is fetched
// only when a scenario runs the kind (importing model.ts here would copy it into the card's chunk).

/** What the canvas shows of an app server. */
export interface AppView {
  auth: AppState['p']['auth'];
  redis: string | null;
  /** Sessions in memory that are not yet idle past maxInactive (memory mode). */
  sessions: { sid: string; user: string; idleMs: number }[];
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

/** A plain summary of the app state at local time `now`, for views. */
export function appView(s: AppState, now: number): AppView {
  const sessions = Object.keys(s.sessions)
    .map((sid) => ({ sid, user: s.sessions[sid].user, idleMs: now - s.sessions[sid].lastAccess }))
    .filter((x) => x.idleMs < s.p.maxInactiveMs);
  return {
    auth: s.p.auth,
    redis: s.redisNode,
    sessions,
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
