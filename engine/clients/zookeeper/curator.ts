import type { Say } from '../../core/phrase';
import { t } from '../say';
import { noWatches, noWatchMax, type CuratorState, type ZkClientState } from './state';
import type { Step } from './step';

// Curator's connection handling on top of the Java client (`curator: true`): CONNECTED /
// SUSPENDED / RECONNECTED / LOST, where LOST comes either from Expired or after SUSPENDED has
// lasted a whole session timeout (Curator 3+ then injects the expiry itself), and a new session
// is opened at once. The connection code calls these at the moments Curator reacts to.

/** Raises a Curator state to the host (only in Curator mode, and not twice in a row). */
function raise(st: Step, c: CuratorState, reason: Say): void {
  if (!st.s.curatorMode || st.s.curator === c) return;
  st.s.curator = c;
  st.out.push({ kind: 'state', keeper: st.s.keeper, curator: c, sessionId: st.s.sessionId });
  st.ctx.trace('zk.client.state', { session: st.s.sessionId, keeper: st.s.keeper, curator: c, reason });
}

/** A connection came up: CONNECTED the first time, RECONNECTED after. */
export function curatorConnected(st: Step): void {
  raise(st, st.s.everConnected ? 'RECONNECTED' : 'CONNECTED', t('zkConnected'));
  st.s.everConnected = true;
}

/** The connection was lost: a client that was connected is SUSPENDED from now. */
export function curatorSuspend(st: Step, wasConnected: boolean, reason: Say): void {
  const s = st.s;
  if (wasConnected && (s.curator === 'CONNECTED' || s.curator === 'RECONNECTED')) {
    s.suspendedAt = st.now;
    raise(st, 'SUSPENDED', reason);
  }
}

/**
 * The session is over: in Curator mode, LOST, and the handle is made afresh (new session, no
 * watches). True when the caller should then open a new session.
 */
export function curatorLost(st: Step, reason: Say): boolean {
  const s = st.s;
  if (!s.curatorMode) return false;
  raise(st, 'LOST', reason);
  // Curator closes the handle and builds a new one straight away: new session, no watches.
  s.sessionId = null;
  s.lastZxid = 0;
  s.timeoutMs = s.requestedMs;
  s.watches = noWatches();
  s.watchMax = noWatchMax();
  s.keeper = 'Disconnected';
  return true;
}

/** Whether SUSPENDED has lasted a whole session timeout at `now`, so Curator declares the session LOST. */
export function curatorGivesUp(s: ZkClientState, now: number): boolean {
  return s.curatorMode && s.suspendedAt !== null && now - s.suspendedAt >= s.timeoutMs && s.phase !== 'connected';
}

/** When Curator will give up on a suspended connection, or null when it is not waiting to. */
export function curatorDeadline(s: ZkClientState): number | null {
  return s.curatorMode && s.suspendedAt !== null && s.phase !== 'connected' ? s.suspendedAt + s.timeoutMs : null;
}
