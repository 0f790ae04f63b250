import type { Say } from '../../core/phrase';
import { t } from '../say';
import { curatorConnected, curatorDeadline, curatorGivesUp, curatorLost, curatorSuspend } from './curator';
import { PING_XID, type ZkMsg } from './messages';
import { readTimeoutOf, timeToNextPing, ZK_CLIENT_TIMERS, type ZkClientState, type ZkStep } from './state';
import type { Step } from './step';
import { setWatchesOp } from './watches';

// The connection: connecting, priming a new connection, losing it, expiry, the send thread's
// checks (pings and timeouts), and the one timer that drives them. The link is TCP: what the
// client sends arrives in order or the connection breaks, so nothing here resends.

/** The xid of the SetWatches request a reconnect sends (its reply is not the host's). */
export const SET_WATCHES_XID = -8;

function connectMsg(s: ZkClientState): ZkMsg {
  return { type: 'zk.connect', conn: s.conn, sessionId: s.sessionId, timeoutMs: s.requestedMs, lastZxid: s.lastZxid };
}

/**
 * A connection attempt on a new TCP connection (the last one was closed when it was lost):
 * TCP retransmits the request while the link is cut, and the attempt is given up after
 * connectTimeout.
 */
export function beginConnect(st: Step): void {
  const s = st.s;
  s.conn += 1;
  s.phase = 'connecting';
  s.connectStartedAt = st.now;
  s.lastRecv = st.now;
  st.send(connectMsg(s));
}

/** The server accepted the connection: the session is (still) ours. */
export function connected(st: Step, sessionId: string, timeoutMs: number): void {
  const s = st.s;
  s.phase = 'connected';
  s.lastHost = s.hostIndex;
  s.sessionId = sessionId;
  s.timeoutMs = timeoutMs;
  s.suspendedAt = null;
  primeConnection(st);
  st.keeper('SyncConnected', t('zkConnected'));
  curatorConnected(st);
}

/** Once connected: the watches to restore (SetWatches, with the last zxid seen), then what was queued. */
function primeConnection(st: Step): void {
  const s = st.s;
  const op = setWatchesOp(s);
  if (op) st.send({ type: 'zk.request', conn: s.conn, sessionId: s.sessionId!, xid: SET_WATCHES_XID, op });
  flushQueued(st);
}

function flushQueued(st: Step): void {
  const q = st.s.queued;
  if (q.length === 0) return;
  st.s.queued = [];
  st.s.pending = [...st.s.pending, ...q.map((p) => ({ ...p, sentAt: st.now }))];
  for (const p of q) st.request(p);
}

/**
 * The connection is gone (read timeout, failed attempt, closed or reset by the server). `broken`:
 * the transport already ended it (a reset, a refusal, TCP giving up), so there is nothing to close.
 */
export function lose(st: Step, reason: Say, broken = false): void {
  const s = st.s;
  if (!broken && s.sessionId !== null && (s.phase === 'connected' || s.phase === 'connecting' || s.phase === 'closing')) {
    // The client closes its socket (what it still had to send is dropped); if the link is cut
    // the server never hears it.
    st.send({ type: 'zk.fin', conn: s.conn, sessionId: s.sessionId });
  }
  if (!broken) st.ctx.disconnect(s.server);
  s.conn += 1; // anything still in flight on the old connection is ignored
  if (s.phase === 'closing') {
    st.failAll('ConnectionLoss');
    s.phase = 'closed';
    st.keeper('Closed', reason);
    return;
  }
  st.failAll('ConnectionLoss');
  const wasConnected = s.phase === 'connected';
  s.phase = 'backoff';
  s.backoffUntil = st.now + Math.floor(st.ctx.random() * 1000) + nextHost(s);
  st.keeper('Disconnected', reason);
  curatorSuspend(st, wasConnected, reason);
}

/**
 * With an ensemble, the next connection goes to the connect string's next server
 * (HostConnectionManager.next): coming round to the server it was last connected to, the
 * client first sleeps a second (its spinDelay). Returns that extra wait.
 */
function nextHost(s: ZkClientState): number {
  if (s.hosts.length < 2) return 0;
  s.hostIndex = (s.hostIndex + 1) % s.hosts.length;
  s.server = s.hosts[s.hostIndex];
  return s.hostIndex === s.lastHost ? 1000 : 0;
}

/** The session is over for this handle: Expired; with Curator, LOST and a fresh session. */
export function expire(st: Step, reason: Say): void {
  const s = st.s;
  s.phase = 'expired';
  st.keeper('Expired', reason);
  st.failAll('SessionExpired');
  s.suspendedAt = null;
  if (curatorLost(st, reason)) beginConnect(st);
}

/** Runs the send thread's checks for the current time: timeouts, pings, backoff, Curator's LOST. */
export function evaluate(st: Step): void {
  const s = st.s;
  const now = st.now;
  if (curatorGivesUp(s, now)) {
    if (s.phase === 'connecting' && s.sessionId !== null) st.send({ type: 'zk.fin', conn: s.conn, sessionId: s.sessionId });
    st.ctx.disconnect(s.server);
    s.conn += 1;
    expire(st, t('zkSuspendedTimeout'));
    return;
  }
  switch (s.phase) {
    case 'connected':
    case 'closing': {
      if (now - s.lastRecv >= readTimeoutOf(s.timeoutMs)) {
        lose(st, t('zkNothingHeard', { ms: readTimeoutOf(s.timeoutMs) }));
        return;
      }
      if (s.phase === 'connected' && timeToNextPing(readTimeoutOf(s.timeoutMs), now - s.lastSend) <= 0) {
        st.send({ type: 'zk.request', conn: s.conn, sessionId: s.sessionId!, xid: PING_XID, op: { op: 'ping' } });
      }
      return;
    }
    case 'connecting':
      // connectTimeout = session timeout / number of servers in the connect string.
      if (now - s.connectStartedAt >= connectTimeoutOf(s)) lose(st, t('zkConnectTimedOut'));
      return;
    case 'backoff':
      if (now >= s.backoffUntil) beginConnect(st);
      return;
    default:
      return;
  }
}

function connectTimeoutOf(s: ZkClientState): number {
  return Math.floor(s.timeoutMs / s.hosts.length);
}

/** Sets the one timer at the next moment something can happen. */
function arm(st: Step): void {
  const s = st.s;
  const now = st.now;
  let want: number | null = null;
  const at = (t: number) => {
    if (want === null || t < want) want = t;
  };
  switch (s.phase) {
    case 'connected':
    case 'closing': {
      const rt = readTimeoutOf(s.timeoutMs);
      at(s.lastRecv + rt);
      if (s.phase === 'connected') at(now + Math.max(1, timeToNextPing(rt, now - s.lastSend)));
      break;
    }
    case 'connecting':
      at(s.connectStartedAt + connectTimeoutOf(s));
      break;
    case 'backoff':
      at(s.backoffUntil);
      break;
    default:
      break;
  }
  const giveUp = curatorDeadline(s);
  if (giveUp !== null) at(giveUp);
  if (want === null) {
    if (s.timer) st.ctx.cancelTimer(s.timer.id);
    s.timer = null;
    return;
  }
  if (s.timer && s.timer.at === want) return;
  if (s.timer) st.ctx.cancelTimer(s.timer.id);
  s.timer = { at: want, id: st.ctx.setTimer(Math.max(0, want - now), ZK_CLIENT_TIMERS.make('tick')) };
}

/** Ends a step: aims the timer, then hands the state and the outputs back. */
export function finish(st: Step): ZkStep {
  arm(st);
  return { state: st.s, out: st.out };
}
