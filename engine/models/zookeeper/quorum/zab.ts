import { expiryBucket } from '../zk/sessions';
import { t } from '../say';
import { lastZxid, type ZkServerState } from '../zk/state';
import { applyTxn } from './apply';
import { learnersOf, logTxn, startFlush, touchAll } from './broadcast';
import { answerSync, finishHead } from './serve';
import type { Qx } from './step';
import { LEADER_CONNECT_RETRY, type ZabMsg } from './types';

// Zab after the election: discovery (the new epoch), synchronisation (DIFF / TRUNC / SNAP,
// NEWLEADER, UPTODATE) and broadcast (PROPOSAL, ACK, COMMIT), with the pings that keep a leader
// and its followers sure of each other.

/** This server won: collect FOLLOWERINFO from a quorum to pick the new epoch. */
export function becomeLeader(x: Qx): void {
  const q = x.q;
  q.role = 'leading';
  q.leader = x.self;
  q.serving = false;
  q.newEpoch = 0;
  q.learners = {};
  q.acks = {};
  q.syncs = [];
  q.expiry = {};
  q.lastLeaderHeard = x.now; // start of the initLimit for a quorum to sync
  tryNewEpoch(x);
  x.arm('tick', Math.floor(x.tickTime / 2));
}

/** This server follows `leader`: tell it where we are. */
export function becomeFollower(x: Qx, leader: string): void {
  const q = x.q;
  q.role = 'following';
  q.leader = leader;
  q.serving = false;
  q.lastLeaderHeard = x.now;
  q.touched = [];
  q.gotSync = false;
  connectToLeader(x);
  x.arm('tick', Math.floor(x.tickTime / 2));
}

/**
 * FOLLOWERINFO to the leader. The leader may not lead yet when the follower has decided: its
 * quorum port refuses, and the follower tries again 100 ms later (Learner.connectToLeader,
 * leaderConnectDelayDuringRetryMs).
 */
export function connectToLeader(x: Qx): void {
  const q = x.q;
  if (q.role !== 'following' || q.gotSync || !q.leader) return;
  x.peer(q.leader, { type: 'zab.followerinfo', acceptedEpoch: q.acceptedEpoch, lastZxid: lastZxid(x.core) });
}

function tryNewEpoch(x: Qx): void {
  const q = x.q;
  const infos = Object.values(q.learners);
  if (q.newEpoch !== 0 || infos.length + 1 < q.quorum) return;
  q.newEpoch = Math.max(q.acceptedEpoch, ...infos.map((l) => l.acceptedEpoch)) + 1;
  q.acceptedEpoch = q.newEpoch;
  // What this leader logged and never saw committed is committed in the new epoch (Zab).
  q.recovered = q.pending;
  q.pending = [];
  q.acks = {};
  for (const p of Object.keys(q.learners).sort()) syncLearner(x, p);
}

/** The core as another server may load it: the tree and sessions, none of this server's connections or watches. */
function snapshot(c: ZkServerState): ZkServerState {
  const sessions: ZkServerState['sessions'] = {};
  for (const [id, sess] of Object.entries(c.sessions)) sessions[id] = { ...sess, client: null, conn: null };
  return { ...c, sessions, dataWatches: {}, childWatches: {} };
}

/** Brings a learner up to date: DIFF of committed transactions it lacks, or SNAP when they are no longer kept. */
function syncLearner(x: Qx, p: string): void {
  const q = x.q;
  const l = q.learners[p];
  const committed = lastZxid(x.core);
  const h = q.history;
  const inLog = l.lastZxid >= committed || (h.length > 0 && l.lastZxid >= h[0].zxid - 1 && h.some((t) => t.zxid > l.lastZxid));
  const how = l.lastZxid === committed || inLog ? 'diff' : 'snap';
  const diff = how === 'diff' ? h.filter((t) => t.zxid > l.lastZxid) : [];
  const from = Math.max(l.lastZxid, committed);
  x.peer(p, {
    type: 'zab.sync',
    epoch: q.newEpoch,
    how,
    diff,
    snap: how === 'snap' ? snapshot(x.core) : null,
    trunc: 0,
    recovered: q.serving ? [] : q.recovered.filter((t) => t.zxid > from),
    outstanding: q.pending,
  });
  q.learners = { ...q.learners, [p]: { ...l, syncing: true } };
}

/** A message from another member, after the election. */
export function onZab(x: Qx, from: string, m: ZabMsg): void {
  const q = x.q;
  if (q.role === 'leading') {
    const l = q.learners[from];
    if (l) q.learners = { ...q.learners, [from]: { ...l, lastHeard: x.now } };
    switch (m.type) {
      case 'zab.followerinfo':
        q.learners = { ...q.learners, [from]: { acceptedEpoch: m.acceptedEpoch, lastZxid: m.lastZxid, lastHeard: x.now, syncing: false, synced: false } };
        if (q.newEpoch === 0) tryNewEpoch(x);
        else syncLearner(x, from);
        return;
      case 'zab.ackNewLeader':
        if (!l || m.epoch !== q.newEpoch) return;
        q.learners = { ...q.learners, [from]: { ...q.learners[from], synced: true } };
        if (q.serving) x.peer(from, { type: 'zab.uptodate' });
        else if (Object.values(q.learners).filter((v) => v.synced).length + 1 >= q.quorum) establish(x);
        return;
      case 'zab.ack':
        if (l?.syncing) ack(x, from, m.zxid);
        return;
      case 'zab.pong':
        touchAll(x, m.touched);
        return;
      default:
        return;
    }
  }
  if (m.type === 'zab.followerinfo') {
    x.peer(from, { type: 'zab.notleading' });
    return;
  }
  if (q.role !== 'following' || from !== q.leader) return;
  if (m.type === 'zab.notleading') {
    if (!q.gotSync) x.arm('elect', LEADER_CONNECT_RETRY);
    return;
  }
  // Before its sync the leader may not have been leading yet when we wrote (it ignored us): only its sync counts as hearing from it.
  if (q.gotSync || m.type === 'zab.sync') q.lastLeaderHeard = x.now;
  switch (m.type) {
    case 'zab.sync':
      onSync(x, m);
      return;
    case 'zab.uptodate': {
      // The leader has a quorum: what it carried over is committed, and clients are served.
      const last = q.recovered.length > 0 ? q.recovered[q.recovered.length - 1].zxid : 0;
      for (const t of q.pending.filter((p) => p.zxid <= last)) applyTxn(x, t);
      q.pending = q.pending.filter((p) => p.zxid > last);
      q.recovered = [];
      q.serving = true;
      x.ctx.trace('zk.quorum.serving', { role: 'following', leader: from, epoch: q.currentEpoch, zxid: lastZxid(x.core) });
      return;
    }
    case 'zab.propose':
      q.pending = [...q.pending, m.txn];
      logTxn(x, m.txn.zxid);
      return;
    case 'zab.commit':
      commitHead(x, m.zxid);
      return;
    case 'zab.ping':
      x.peer(from, { type: 'zab.pong', touched: q.touched });
      q.touched = [];
      return;
    default:
      return;
  }
}

function onSync(x: Qx, m: Extract<ZabMsg, { type: 'zab.sync' }>): void {
  const q = x.q;
  const committed = lastZxid(x.core);
  // A snapshot carries the tree and the sessions; this server's own settings stay its own.
  if (m.how === 'snap') {
    const c = x.core;
    x.core = { ...(m.snap as ZkServerState), serverId: c.serverId, tickTime: c.tickTime, minSessionTimeout: c.minSessionTimeout, maxSessionTimeout: c.maxSessionTimeout, extendedTypes: c.extendedTypes };
  }
  else for (const t of m.diff) if (t.zxid > committed) applyTxn(x, t, true);
  const now = lastZxid(x.core);
  const keep = [...m.recovered, ...m.outstanding].filter((t) => t.zxid > now);
  // TRUNC: what this server logged that the leader never had is dropped.
  const dropped = q.pending.filter((t) => !keep.some((k) => k.zxid === t.zxid)).length;
  q.pending = keep;
  q.recovered = m.recovered.filter((t) => t.zxid > now);
  q.toFlush = [];
  q.flushing = [];
  x.cancel('disk');
  for (const t of m.outstanding) if (t.zxid > now) logTxn(x, t.zxid);
  q.acceptedEpoch = m.epoch;
  q.currentEpoch = m.epoch;
  q.gotSync = true;
  x.cancel('elect');
  x.ctx.trace('zk.quorum.sync', { leader: q.leader!, how: m.how, txns: m.how === 'snap' ? 0 : m.diff.length, truncated: dropped, zxid: lastZxid(x.core) });
  x.peer(q.leader!, { type: 'zab.ackNewLeader', epoch: m.epoch });
}

/** A quorum acked NEWLEADER: commit what was carried over, then serve. */
function establish(x: Qx): void {
  const q = x.q;
  q.currentEpoch = q.newEpoch;
  for (const t of q.recovered) applyTxn(x, t);
  q.recovered = [];
  q.proposed = 0;
  q.serving = true;
  // A new leader gives every session a full timeout (its tracker starts afresh).
  const expiry: Record<string, number> = {};
  for (const id of Object.keys(x.core.sessions).sort()) expiry[id] = expiryBucket(x.tickTime, x.now + x.core.sessions[id].timeoutMs);
  q.expiry = expiry;
  const synced = Object.keys(q.learners).filter((p) => q.learners[p].synced).sort();
  for (const p of synced) x.peer(p, { type: 'zab.uptodate' });
  x.ctx.trace('zk.quorum.serving', { role: 'leading', leader: x.self, epoch: q.currentEpoch, zxid: lastZxid(x.core) });
  armExpiry(x);
}

/** The leader counts an ACK (a learner's, or its own after its fsync) and commits what has a quorum, in order. */
export function ack(x: Qx, who: string, zxid: number): void {
  const q = x.q;
  const got = q.acks[zxid];
  if (!got || got.includes(who)) return;
  q.acks = { ...q.acks, [zxid]: [...got, who] };
  while (q.pending.length > 0 && (q.acks[q.pending[0].zxid]?.length ?? 0) >= q.quorum) {
    const txn = q.pending[0];
    const { [txn.zxid]: acked, ...rest } = q.acks;
    q.acks = rest;
    x.ctx.trace('zk.quorum.commit', { zxid: txn.zxid, acks: acked });
    for (const p of learnersOf(x)) x.peer(p, { type: 'zab.commit', zxid: txn.zxid });
    commitHead(x, txn.zxid);
    for (const sy of q.syncs.filter((y) => y.zxid <= txn.zxid)) answerSync(x, sy);
    q.syncs = q.syncs.filter((y) => y.zxid > txn.zxid);
  }
  armExpiry(x);
}

/** Applies the oldest pending proposal, which `zxid` commits. */
function commitHead(x: Qx, zxid: number): void {
  const q = x.q;
  const head = q.pending[0];
  if (!head || head.zxid !== zxid) return;
  q.pending = q.pending.slice(1);
  if (applyTxn(x, head)) finishHead(x, head.session);
}

/** The fsync finished: ACK what it covered (a follower to its leader, the leader to itself). */
export function onDiskTimer(x: Qx): void {
  const q = x.q;
  q.disk = null;
  const done = q.flushing;
  q.flushing = [];
  for (const z of done) {
    if (!q.pending.some((t) => t.zxid === z)) continue;
    if (q.role === 'leading') ack(x, x.self, z);
    else if (q.role === 'following' && q.leader) x.peer(q.leader, { type: 'zab.ack', zxid: z });
  }
  startFlush(x);
}

/** The leader's session expirer: aimed at the earliest bucket. */
export function armExpiry(x: Qx): void {
  const q = x.q;
  if (q.role !== 'leading' || !q.serving) return x.cancel('expire');
  let min: number | null = null;
  for (const id in q.expiry) if (min === null || q.expiry[id] < min) min = q.expiry[id];
  if (min === null) return x.cancel('expire');
  if (q.expire && q.expire.at === min) return;
  x.arm('expire', Math.max(0, min - x.now));
}

/** Sessions whose bucket came: the leader proposes their end (closeSession by expiry). */
export function onExpireTimer(x: Qx, propose: (session: string) => void): void {
  const q = x.q;
  q.expire = null;
  if (q.role !== 'leading' || !q.serving) return;
  const due = Object.keys(q.expiry)
    .filter((id) => q.expiry[id] <= x.now)
    .sort();
  for (const id of due) {
    const { [id]: _gone, ...rest } = q.expiry;
    q.expiry = rest;
    propose(id);
  }
  armExpiry(x);
}

/** Every tickTime / 2: the leader pings and counts who answered; a follower checks it still hears its leader. */
export function onTick(x: Qx): void {
  const q = x.q;
  q.tick = null;
  const limit = (q.serving ? x.s.ens.syncLimit : x.s.ens.initLimit) * x.tickTime;
  if (q.role === 'leading') {
    for (const p of learnersOf(x)) x.peer(p, { type: 'zab.ping' });
    if (q.serving) {
      const synced = Object.keys(q.learners).filter((p) => q.learners[p].synced && x.now - q.learners[p].lastHeard <= limit);
      if (synced.length + 1 < q.quorum) {
        x.stepDown = t('whyNotSufficient', { nodes: [x.self, ...synced].join(', ') });
        return;
      }
    } else if (x.now - q.lastLeaderHeard > limit) {
      x.stepDown = t('whyNoQuorum');
      return;
    }
  } else if (q.role === 'following') {
    if (x.now - q.lastLeaderHeard > limit) {
      x.stepDown = t('whyNothingHeard', { leader: String(q.leader), ms: limit });
      return;
    }
  }
  if (q.role !== 'looking') x.arm('tick', Math.floor(x.tickTime / 2));
}
