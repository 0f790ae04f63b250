import { formatZxid, type ZkMsg } from '../../../clients/zookeeper/messages';
import { MAX_PACKET, requestBytes } from '../../../clients/zookeeper/packet';
import { WRITE_OPS } from '../../../clients/zookeeper/types';
import { deliver, send, traceOutcome } from '../outcome';
import { exec } from '../zk/ops';
import { dropConnection, negotiateTimeout } from '../zk/sessions';
import { lastZxid } from '../zk/state';
import { Work } from '../zk/work';
import { propose, touch, type Submitted } from './broadcast';
import type { Qx } from './step';
import type { HeldReq, QuorumState, TxnOp, ZabMsg } from './types';

// An ensemble member's clients: it answers reads from its own copy of the tree, sends writes
// and sync() to the leader, keeps each session's requests in order, and serves nobody while it
// has no leader with a quorum behind it.

const NOT_SERVING = 'this server is not serving: it has no leader with a quorum';

/** Hands a write to the leader: proposed at once on the leader, forwarded from a follower. */
function submit(x: Qx, w: Submitted & { client: string }): void {
  const q = x.q;
  if (q.role === 'leading') {
    if (w.op.op !== 'createSession' && q.expiry[w.session] === undefined) return refuse(x, w.session, w.client, w.conn, w.xid);
    propose(x, w);
  } else if (q.leader) x.peer(q.leader, { type: 'zab.request', session: w.session, op: w.op, client: w.client, conn: w.conn, xid: w.xid });
}

/** The leader no longer knows the session (it expired): the request fails with SessionExpired. */
function refuse(x: Qx, session: string, client: string, conn: number, xid: number): void {
  send(x.ctx, client, { type: 'zk.reply', conn, xid, zxid: lastZxid(x.core), result: { ok: false, err: 'SessionExpired' } });
  finishHead(x, session);
}

/** Answers a sync() whose zxid has committed at the leader (here, or by way of the follower that asked). */
export function answerSync(x: Qx, y: QuorumState['syncs'][number]): void {
  if (y.via === x.self) {
    send(x.ctx, y.client, { type: 'zk.reply', conn: y.conn, xid: y.xid, zxid: lastZxid(x.core), result: { ok: true, path: y.path } });
    finishHead(x, y.session);
  } else x.peer(y.via, { type: 'zab.sync.done', session: y.session, client: y.client, conn: y.conn, xid: y.xid, path: y.path });
}

function leaderSync(x: Qx, via: string, r: { session: string; client: string; conn: number; xid: number; path: string }): void {
  const q = x.q;
  const y = { zxid: q.pending.length > 0 ? q.pending[q.pending.length - 1].zxid : 0, via, ...r };
  if (q.pending.length === 0) answerSync(x, y);
  else q.syncs = [...q.syncs, y];
}

/** Runs a session's queue from its head: reads answered here at once, up to the first write or sync, which goes on. */
function runQueue(x: Qx, id: string): void {
  const held = x.q.sessQ[id] ?? [];
  let i = 0;
  for (; i < held.length; i++) {
    const h = held[i];
    const op = h.op;
    if (WRITE_OPS.has(op.op) || op.op === 'sync') {
      if (op.op === 'sync') {
        if (x.q.role === 'leading') leaderSync(x, x.self, { session: id, client: h.from, conn: h.conn, xid: h.xid, path: op.path });
        else if (x.q.leader) x.peer(x.q.leader, { type: 'zab.sync.req', session: id, client: h.from, conn: h.conn, xid: h.xid, path: op.path });
      } else submit(x, { session: id, op: op as TxnOp, origin: x.self, client: h.from, conn: h.conn, xid: h.xid });
      break;
    }
    const r = exec(x.core, x.ctx.now, id, op);
    x.core = r.state;
    traceOutcome(op, r, id, x.ctx);
    x.ctx.metric('zk.requests');
    deliver(r.state, r.notes, x.ctx);
    send(x.ctx, h.from, { type: 'zk.reply', conn: h.conn, xid: h.xid, zxid: r.zxid, result: r.result });
  }
  // What was answered leaves the queue; the write or sync at the head stays until it is done.
  const rest = held.slice(i);
  const sessQ = { ...x.q.sessQ };
  if (rest.length > 0) sessQ[id] = rest;
  else delete sessQ[id];
  x.q.sessQ = sessQ;
}

/** The write or sync at the head of a session's queue is answered: the rest may go. */
export function finishHead(x: Qx, id: string): void {
  const held = x.q.sessQ[id];
  if (!held || held.length === 0) return;
  x.q.sessQ = { ...x.q.sessQ, [id]: held.slice(1) };
  runQueue(x, id);
}

/** A client connects: a new session is a proposal; a known one is revalidated by the leader. */
export function onClientConnect(x: Qx, m: ZkMsg & { type: 'zk.connect' }, from: string): void {
  const q = x.q;
  if (!q.serving) {
    x.ctx.trace('zk.session.rejected', { session: m.sessionId ?? '', client: from, reason: 'no quorum' });
    send(x.ctx, from, { type: 'zk.closed', conn: m.conn, reason: NOT_SERVING });
    return;
  }
  if (m.lastZxid > lastZxid(x.core)) {
    x.ctx.trace('zk.session.rejected', { session: m.sessionId ?? '', client: from, reason: 'behind' });
    send(x.ctx, from, { type: 'zk.closed', conn: m.conn, reason: `server is behind (client saw ${formatZxid(m.lastZxid)})` });
    return;
  }
  if (m.sessionId === null) {
    // Like SessionTrackerImpl: this server's id in the top byte, then its own counter.
    const id = `0x${(x.core.serverId + 1).toString(16)}${q.sessionSeq.toString(16).padStart(14, '0')}`;
    q.sessionSeq += 1;
    const timeoutMs = negotiateTimeout(x.core, m.timeoutMs);
    submit(x, { session: id, op: { op: 'createSession', timeoutMs, requestedMs: m.timeoutMs }, origin: x.self, client: from, conn: m.conn, xid: 0 });
    return;
  }
  if (q.role === 'leading') revalidated(x, m.sessionId, from, m.conn, q.expiry[m.sessionId] !== undefined && q.expiry[m.sessionId] > x.now);
  else if (q.leader) x.peer(q.leader, { type: 'zab.revalidate', session: m.sessionId, client: from, conn: m.conn });
}

function revalidated(x: Qx, id: string, client: string, conn: number, ok: boolean): void {
  const sess = x.core.sessions[id];
  if (!ok || !sess) {
    x.ctx.trace('zk.session.rejected', { session: id, client, reason: 'expired' });
    send(x.ctx, client, { type: 'zk.connected', conn, sessionId: id, timeoutMs: 0 });
    return;
  }
  touch(x, id);
  const w = new Work(x.core);
  w.dropWatches(id);
  w.setSession(id, { ...w.session(id)!, client, conn });
  x.core = w.s;
  x.ctx.trace('zk.session.resume', { session: id, client });
  send(x.ctx, client, { type: 'zk.connected', conn, sessionId: id, timeoutMs: sess.timeoutMs });
}

/** A request from a client on this server. */
export function onClientRequest(x: Qx, m: ZkMsg & { type: 'zk.request' }, from: string): void {
  const sess = x.core.sessions[m.sessionId];
  if (!x.q.serving || !sess || sess.conn !== m.conn || sess.client !== from) {
    send(x.ctx, from, { type: 'zk.closed', conn: m.conn, reason: !x.q.serving ? NOT_SERVING : sess ? 'stale connection' : 'session expired' });
    return;
  }
  const bytes = requestBytes(m.op);
  if (bytes > MAX_PACKET) {
    x.ctx.trace('zk.oversize', { session: m.sessionId, bytes, limit: MAX_PACKET });
    x.ctx.disconnect(from);
    x.core = dropConnection(x.core, m.sessionId, m.conn);
    return;
  }
  touch(x, m.sessionId);
  if (m.op.op === 'ping') {
    send(x.ctx, from, { type: 'zk.reply', conn: m.conn, xid: m.xid, zxid: lastZxid(x.core), result: { ok: true } });
    return;
  }
  const held: HeldReq = { from, conn: m.conn, xid: m.xid, op: m.op };
  const before = x.q.sessQ[m.sessionId] ?? [];
  x.q.sessQ = { ...x.q.sessQ, [m.sessionId]: [...before, held] };
  if (before.length === 0) runQueue(x, m.sessionId);
}

/** What the leader does for a follower's client, and what a follower hears back. */
export function onForwarded(x: Qx, from: string, m: ZabMsg): void {
  const q = x.q;
  if (q.role === 'leading' && q.serving && q.learners[from]?.syncing) {
    if (m.type === 'zab.request') {
      if (m.op.op !== 'createSession' && q.expiry[m.session] === undefined) {
        x.peer(from, { type: 'zab.refused', session: m.session, client: m.client, conn: m.conn, xid: m.xid });
        return;
      }
      propose(x, { session: m.session, op: m.op, origin: from, client: m.client, conn: m.conn, xid: m.xid });
    } else if (m.type === 'zab.sync.req') leaderSync(x, from, m);
    else if (m.type === 'zab.revalidate') {
      const ok = q.expiry[m.session] !== undefined && q.expiry[m.session] > x.now;
      if (ok) touch(x, m.session);
      x.peer(from, { type: 'zab.revalidated', session: m.session, client: m.client, conn: m.conn, ok });
    }
    return;
  }
  if (q.role !== 'following' || from !== q.leader || !q.serving) return;
  if (m.type === 'zab.refused') refuse(x, m.session, m.client, m.conn, m.xid);
  else if (m.type === 'zab.sync.done') {
    send(x.ctx, m.client, { type: 'zk.reply', conn: m.conn, xid: m.xid, zxid: lastZxid(x.core), result: { ok: true, path: m.path } });
    finishHead(x, m.session);
  } else if (m.type === 'zab.revalidated') revalidated(x, m.session, m.client, m.conn, m.ok);
}

/** The server stops serving: every client connection is closed (they go to another server), and what they had queued is dropped. */
export function closeClients(x: Qx): void {
  const sessions = { ...x.core.sessions };
  const clients = new Set<string>();
  for (const [id, sess] of Object.entries(sessions)) {
    if (sess.client === null) continue;
    clients.add(sess.client);
    sessions[id] = { ...sess, client: null, conn: null };
  }
  for (const c of [...clients].sort()) x.ctx.disconnect(c);
  x.core = { ...x.core, sessions, dataWatches: {}, childWatches: {} };
  x.q.sessQ = {};
}
