import { lastZxid } from '../zk/state';
import type { Say } from '../../../core/phrase';
import type { Qx } from './step';
import { connectToLeader } from './zab';
import { better, FINALIZE_WAIT, MAX_NOTIFY, sameVote, type Role, type Vote, type ZabMsg } from './types';

// Fast Leader Election (FastLeaderElection.lookForLeader), one notification at a time.

/** The last zxid this server has logged, committed or not: what its vote offers. */
export function lastLogged(x: Qx): number {
  const p = x.q.pending;
  return p.length > 0 ? p[p.length - 1].zxid : lastZxid(x.core);
}

function selfVote(x: Qx): Vote {
  return { leader: x.self, sid: x.core.serverId, zxid: lastLogged(x), epoch: x.q.currentEpoch };
}

function notification(x: Qx): ZabMsg {
  return { type: 'zab.vote', vote: x.q.vote, round: x.q.round, role: x.q.role };
}

function broadcast(x: Qx): void {
  for (const p of x.q.peers) x.peer(p, notification(x));
}

/** Starts an election: a new round, voting for itself, and tells every other server. */
export function startLooking(x: Qx, why: Say): void {
  const q = x.q;
  q.role = 'looking';
  q.leader = null;
  q.serving = false;
  q.round += 1;
  q.vote = selfVote(x);
  q.votes = {};
  q.settled = {};
  q.notifyMs = FINALIZE_WAIT;
  x.cancel('decide');
  x.cancel('tick');
  x.ctx.trace('zk.quorum.looking', { round: q.round, why, zxid: q.vote.zxid, epoch: q.vote.epoch });
  broadcast(x);
  x.arm('elect', q.notifyMs);
}

/**
 * A peer whose connection had ended is heard from again: the election connection is back, and
 * a looking server's notification that waited for it goes out first (QuorumCnxManager's
 * SendWorker sends the queued or last message on a new connection). Without it, a server that
 * comes back in the same round would wait for the other's resend timer, which doubles up to 60 s.
 */
export function reconnected(x: Qx, peer: string): void {
  x.q.unreachable = x.q.unreachable.filter((p) => p !== peer);
  if (x.q.role === 'looking') x.peer(peer, notification(x));
}

/** How many servers, this one included, back `v` among the votes of this round. */
function backing(x: Qx, v: Vote): number {
  let n = 1;
  for (const p of x.q.peers) if (x.q.votes[p] && sameVote(x.q.votes[p], v)) n += 1;
  return n;
}

/** A quorum backs our vote: decide after finalizeWait unless something better comes. */
function check(x: Qx): void {
  if (backing(x, x.q.vote) >= x.q.quorum) {
    if (!x.q.decide) x.arm('decide', FINALIZE_WAIT);
  } else x.cancel('decide');
}

function adopt(x: Qx, v: Vote): void {
  x.q.vote = v;
  x.cancel('decide');
  broadcast(x);
}

/** A notification from another server. */
export function onVote(x: Qx, from: string, m: Extract<ZabMsg, { type: 'zab.vote' }>): void {
  const q = x.q;
  if (q.role !== 'looking') {
    // A server outside the election answers a looking one with the leader it follows.
    if (m.role === 'looking') x.peer(from, notification(x));
    return;
  }
  if (m.role === 'looking') {
    if (m.round > q.round) {
      q.round = m.round;
      q.votes = {};
      const mine = selfVote(x);
      adopt(x, better(m.vote, mine) ? m.vote : mine);
    } else if (m.round < q.round) {
      x.peer(from, notification(x));
      return;
    } else if (better(m.vote, q.vote)) adopt(x, m.vote);
    q.votes = { ...q.votes, [from]: m.vote };
    x.arm('elect', q.notifyMs);
    check(x);
    return;
  }
  // From a server that follows or leads: join its leader once a quorum of them agree on it and
  // the leader itself says it leads (FastLeaderElection's outofelection check).
  q.settled = { ...q.settled, [from]: { vote: m.vote, role: m.role, round: m.round } };
  const leader = m.vote.leader;
  let n = 0;
  for (const p of Object.keys(q.settled)) if (q.settled[p].vote.leader === leader) n += 1;
  if (n >= q.quorum && q.settled[leader]?.role === 'leading') {
    q.round = Math.max(q.round, m.round);
    decide(x, m.vote);
  }
}

/** finalizeWait passed with our vote still backed by a quorum. */
export function onDecideTimer(x: Qx): void {
  x.q.decide = null;
  if (x.q.role === 'looking' && backing(x, x.q.vote) >= x.q.quorum) decide(x, x.q.vote);
}

/** Nothing heard for a while: send our vote again, and wait twice as long next time. */
export function onElectTimer(x: Qx): void {
  x.q.elect = null;
  if (x.q.role === 'following') return connectToLeader(x);
  if (x.q.role !== 'looking') return;
  broadcast(x);
  x.q.notifyMs = Math.min(MAX_NOTIFY, x.q.notifyMs * 2);
  x.arm('elect', x.q.notifyMs);
}

function decide(x: Qx, v: Vote): void {
  const q = x.q;
  x.cancel('elect');
  x.cancel('decide');
  q.vote = v;
  q.leader = v.leader;
  q.votes = {};
  const role: Role = v.leader === x.self ? 'leading' : 'following';
  x.ctx.trace('zk.quorum.elected', { leader: v.leader, round: q.round, zxid: v.zxid, epoch: v.epoch, role });
  x.decided = v.leader;
}
