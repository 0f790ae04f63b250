import { javaClonedOrder } from '../../../clients/zookeeper/javahash';
import type { ZkExecResult, ZkNotification, ZkServerState, ZkSession } from './state';
import { Work } from './work';

// Sessions: opened and resumed by clients, touched by every request and ping, closed by the
// client or expired in tick buckets by the server.

/** The session timeout the server grants: the request clamped to [min, max] (by default 2–20 ticks). */
export function negotiateTimeout(s: Pick<ZkServerState, 'minSessionTimeout' | 'maxSessionTimeout'>, requestedMs: number): number {
  return Math.min(s.maxSessionTimeout, Math.max(s.minSessionTimeout, Math.floor(requestedMs)));
}

/** The expiry bucket for a deadline: the next multiple of tickTime strictly after it. */
export function expiryBucket(tickTime: number, deadline: number): number {
  return (Math.floor(deadline / tickTime) + 1) * tickTime;
}


/** Opens a new session for a client connection (a createSession transaction). */
export function openSession(
  s: ZkServerState,
  now: number,
  requestedMs: number,
  client: string,
  conn: number,
): { state: ZkServerState; session: ZkSession; zxid: number } {
  const w = new Work(s);
  const zxid = w.nextZxid();
  const seq = s.nextSession;
  w.s.nextSession = seq + 1;
  // Like a real id: the server id in the top byte, then a counter.
  const id = `0x${(s.serverId + 1).toString(16)}${seq.toString(16).padStart(14, '0')}`;
  const timeoutMs = negotiateTimeout(s, requestedMs);
  const session: ZkSession = {
    id,
    timeoutMs,
    expireAt: expiryBucket(s.tickTime, now + timeoutMs),
    client,
    conn,
    ephemerals: [],
    ephMax: 0,
  };
  w.setSession(id, session);
  return { state: w.s, session, zxid };
}

/** Whether a session is alive at `now` (a session past its bucket is as good as expired). */
export function sessionAlive(s: ZkServerState, id: string, now: number): boolean {
  const sess = Object.prototype.hasOwnProperty.call(s.sessions, id) ? s.sessions[id] : undefined;
  return sess !== undefined && sess.expireAt > now;
}

/**
 * A client reconnects to an existing session on a new connection. The old connection is gone,
 * and its watches with it (the client sends SetWatches to restore them). Returns null when the
 * session has expired: the server then answers with timeout 0 and the client sees Expired.
 */
export function resumeSession(s: ZkServerState, now: number, id: string, client: string, conn: number): ZkServerState | null {
  if (!sessionAlive(s, id, now)) return null;
  const w = new Work(s);
  w.dropWatches(id);
  const sess = w.session(id)!;
  w.setSession(id, { ...sess, client, conn, expireAt: expiryBucket(s.tickTime, now + sess.timeoutMs) });
  return w.s;
}

/** A request or ping arrived on the session: push its expiry to a later bucket. */
export function touchSession(s: ZkServerState, now: number, id: string): ZkServerState {
  const sess = s.sessions[id];
  if (!sess) return s;
  const expireAt = expiryBucket(s.tickTime, now + sess.timeoutMs);
  if (expireAt === sess.expireAt) return s;
  return { ...s, sessions: { ...s.sessions, [id]: { ...sess, expireAt } } };
}

/** The session's connection closed (either end): its watches go, the session lives on until it times out. */
export function dropConnection(s: ZkServerState, id: string, conn: number): ZkServerState {
  const sess = s.sessions[id];
  if (!sess || sess.conn !== conn) return s;
  const w = new Work(s);
  w.dropWatches(id);
  w.setSession(id, { ...w.session(id)!, client: null, conn: null });
  return w.s;
}

/** Ends a session inside a transaction: deletes its ephemerals (in the order the server would) and drops its watches. */
export function closeIn(w: Work, id: string): { zxid: number; deleted: string[] } {
  const zxid = w.nextZxid();
  const sess = w.session(id);
  if (!sess) return { zxid, deleted: [] };
  // PrepRequestProcessor lists the ephemerals from a clone of the session's HashSet.
  const order = javaClonedOrder(sess.ephemerals, sess.ephMax);
  for (const path of order) if (w.node(path)) w.deleteNode(path, zxid);
  w.dropWatches(id);
  w.setSession(id, undefined);
  return { zxid, deleted: order };
}

/** Ends a session (closeSession transaction): its ephemerals are deleted and their watches fire. */
export function closeSession(s: ZkServerState, id: string): ZkExecResult {
  const w = new Work(s);
  const { zxid, deleted } = closeIn(w, id);
  return w.done({ ok: true }, zxid, deleted);
}

/** Earliest expiry bucket of any session, or null when there are none. */
export function nextExpiry(s: ZkServerState): number | null {
  let min: number | null = null;
  for (const id in s.sessions) {
    const e = s.sessions[id].expireAt;
    if (min === null || e < min) min = e;
  }
  return min;
}

/** Expires every session whose bucket is due at `now`, oldest session first. */
export function expireSessions(
  s: ZkServerState,
  now: number,
): { state: ZkServerState; expired: { session: string; zxid: number; deleted: string[]; client: string | null; conn: number | null }[]; notes: ZkNotification[] } {
  const due = Object.values(s.sessions).filter((x) => x.expireAt <= now);
  if (due.length === 0) return { state: s, expired: [], notes: [] };
  const w = new Work(s);
  const expired = due.map((sess) => ({ session: sess.id, client: sess.client, conn: sess.conn, ...closeIn(w, sess.id) }));
  return { state: w.s, expired, notes: w.notes };
}
