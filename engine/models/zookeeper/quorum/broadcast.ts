import { expiryBucket } from '../zk/sessions';
import { makeZxid } from '../zk/state';
import type { Qx } from './step';
import type { Txn } from './types';
import { p, type Say } from '../../../core/phrase';

// The leader's side of a write before its commit, and every member's disk: a proposal is
// logged and fsynced (SyncRequestProcessor) before its ACK goes out.

/** A write for the leader to propose: what, for which session, and who answers it. */
export type Submitted = Omit<Txn, 'zxid' | 'time'>;

/** The leader proposes a write: next zxid of its epoch, logged here and sent to every learner. */
export function propose(x: Qx, w: Submitted): Txn {
  const q = x.q;
  q.proposed += 1;
  const txn: Txn = { zxid: makeZxid(q.newEpoch, q.proposed), time: x.ctx.now, ...w };
  q.pending = [...q.pending, txn];
  q.acks = { ...q.acks, [txn.zxid]: [] };
  x.ctx.trace('zk.quorum.propose', { zxid: txn.zxid, what: describeOp(txn), to: learnersOf(x) });
  for (const p of learnersOf(x)) x.peer(p, { type: 'zab.propose', txn });
  logTxn(x, txn.zxid);
  return txn;
}

/** The learners that get proposals: those sent their sync. */
export function learnersOf(x: Qx): string[] {
  return Object.keys(x.q.learners)
    .filter((p) => x.q.learners[p].syncing)
    .sort();
}

/** One phrase for a proposal ("create /locks/x", "new session 0x2…"). */
export function describeOp(txn: Txn): Say {
  const op = txn.op;
  if (op.op === 'createSession') return p('model.zookeeper.txnNewSession', { session: txn.session });
  if (op.op === 'expireSession') return p('model.zookeeper.txnExpireSession', { session: txn.session });
  if (op.op === 'closeSession') return p('model.zookeeper.txnCloseSession', { session: txn.session });
  if (op.op === 'multi') return p('model.zookeeper.txnMulti', { n: op.ops.length });
  return `${op.op === 'setData' ? 'set' : op.op} ${op.path}`;
}

/** Queues a proposal for the disk: it joins the fsync under way's successor (group commit). */
export function logTxn(x: Qx, zxid: number): void {
  x.q.toFlush = [...x.q.toFlush, zxid];
  if (!x.q.disk) startFlush(x);
}

/** Starts an fsync of everything queued; it lasts the disk's latency plus jitter. */
export function startFlush(x: Qx): void {
  if (x.q.toFlush.length === 0) return;
  x.q.flushing = x.q.toFlush;
  x.q.toFlush = [];
  const cfg = x.s.ens;
  const ms = cfg.fsyncMs + Math.floor(x.ctx.random() * (cfg.fsyncJitterMs + 1));
  x.arm('disk', ms);
}

/** The leader's session tracker hears from sessions: each gets a full timeout from now. */
export function touchAll(x: Qx, ids: readonly string[]): void {
  const q = x.q;
  let expiry = q.expiry;
  for (const id of ids) {
    const sess = x.core.sessions[id];
    if (!sess || expiry[id] === undefined) continue;
    const at = expiryBucket(x.tickTime, x.now + sess.timeoutMs);
    if (at !== expiry[id]) expiry = { ...expiry, [id]: at };
  }
  q.expiry = expiry;
}

/** A session was heard from at this server: the leader's tracker, or a follower's list for its next ping. */
export function touch(x: Qx, id: string): void {
  if (x.q.role === 'leading') touchAll(x, [id]);
  else if (!x.q.touched.includes(id)) x.q.touched = [...x.q.touched, id];
}
