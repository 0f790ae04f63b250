import { deliver, send, traceOutcome } from '../outcome';
import { exec } from '../zk/ops';
import { closeSession, expiryBucket } from '../zk/sessions';
import { makeZxid } from '../zk/state';
import { Work } from '../zk/work';
import type { Qx } from './step';
import { COMMITTED_LOG, epochOf, type Txn } from './types';

// A committed transaction applied to a server's copy of the tree. Every member applies the
// same transactions in the same order from the same state, so the copies agree; only the server
// the client's request came in at answers it, and each server tells its own clients' watches.

/**
 * Applies `txn` to this server's tree. `quiet`: it arrives in a DIFF while the server has no
 * clients (it is catching up), so nothing is traced or sent. Returns whether it answered a
 * client of this server (whose session's next request may then go).
 */
export function applyTxn(x: Qx, txn: Txn, quiet = false): boolean {
  const epoch = epochOf(txn.zxid);
  // The server core hands out the next zxid of its own counter: aim it at the proposal's.
  const core0 = { ...x.core, epoch, counter: txn.zxid - makeZxid(epoch, 0) - 1 };
  const local = txn.origin === x.self && !quiet;
  const op = txn.op;
  const leader = x.q.role === 'leading';
  if (op.op === 'createSession') {
    const w = new Work(core0);
    const zxid = w.nextZxid();
    w.setSession(txn.session, {
      id: txn.session,
      timeoutMs: op.timeoutMs,
      expireAt: expiryBucket(x.tickTime, x.now + op.timeoutMs),
      client: local ? txn.client : null,
      conn: local ? txn.conn : null,
      ephemerals: [],
      ephMax: 0,
    });
    x.core = w.s;
    if (leader) x.q.expiry = { ...x.q.expiry, [txn.session]: expiryBucket(x.tickTime, x.now + op.timeoutMs) };
    if (local && txn.client !== null) {
      x.ctx.trace('zk.session.open', { session: txn.session, client: txn.client, requestedMs: op.requestedMs, timeoutMs: op.timeoutMs, zxid });
      x.ctx.metric('zk.sessions.opened');
      send(x.ctx, txn.client, { type: 'zk.connected', conn: txn.conn, sessionId: txn.session, timeoutMs: op.timeoutMs });
    }
  } else if (op.op === 'closeSession' || op.op === 'expireSession') {
    const sess = core0.sessions[txn.session];
    const r = closeSession(core0, txn.session);
    x.core = r.state;
    if (leader && x.q.expiry[txn.session] !== undefined) {
      const { [txn.session]: _gone, ...rest } = x.q.expiry;
      x.q.expiry = rest;
    }
    if (!quiet) {
      for (const path of r.deleted ?? []) x.ctx.trace('zk.delete', { session: txn.session, path, zxid: r.zxid, cause: 'session' });
      if (op.op === 'expireSession') {
        x.ctx.trace('zk.session.expired', { session: txn.session, zxid: r.zxid, deleted: r.deleted ?? [] });
        if (leader) x.ctx.metric('zk.sessions.expired');
      } else x.ctx.trace('zk.session.closed', { session: txn.session, zxid: r.zxid, deleted: r.deleted ?? [] });
      const closing = local && txn.client !== null ? { session: txn.session, client: txn.client, conn: txn.conn } : undefined;
      deliver(r.state, r.notes, x.ctx, closing);
      if (closing) send(x.ctx, closing.client, { type: 'zk.reply', conn: txn.conn, xid: txn.xid, zxid: r.zxid, result: { ok: true } });
      else if (op.op === 'expireSession' && sess?.client && sess.conn !== null) send(x.ctx, sess.client, { type: 'zk.closed', conn: sess.conn, reason: 'session expired' });
    }
  } else {
    const r = exec(core0, txn.time, txn.session, op);
    x.core = r.state;
    if (!quiet) {
      traceOutcome(op, r, txn.session, x.ctx);
      deliver(r.state, r.notes, x.ctx);
    }
    if (local && txn.client !== null) {
      x.ctx.metric('zk.requests');
      send(x.ctx, txn.client, { type: 'zk.reply', conn: txn.conn, xid: txn.xid, zxid: r.zxid, result: r.result });
    }
  }
  const h = x.q.history;
  x.q.history = h.length >= COMMITTED_LOG ? [...h.slice(h.length - COMMITTED_LOG + 1), txn] : [...h, txn];
  return local && txn.client !== null;
}
