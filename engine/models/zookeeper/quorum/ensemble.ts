import { formatZxid } from '../../../clients/zookeeper/messages';
import { isConnectionClosed } from '../../../core/connection';
import type { Msg } from '../../../core/msg';
import type { Say } from '../../../core/phrase';
import type { TraceEvent } from '../../../core/trace-types';
import type { Ctx } from '../../../core/types';
import type { ZookeeperState } from '../node-state';
import { t } from '../say';
import { propose } from './broadcast';
import { onDecideTimer, onElectTimer, onVote, reconnected, startLooking } from './election';
import { closeClients, onClientConnect, onClientRequest, onForwarded } from './serve';
import { Qx } from './step';
import { FINALIZE_WAIT, QUORUM_TIMERS, type QuorumState, type Role, type ZabMsg } from './types';
import { armExpiry, becomeFollower, becomeLeader, onDiskTimer, onExpireTimer, onTick, onZab } from './zab';
import type { ZkMsg } from '../../../clients/zookeeper/messages';

declare module '../../../core/trace-types' {
  interface TraceEventMap {
    'zk.quorum.looking': { round: number; why: Say; zxid: number; epoch: number };
    'zk.quorum.elected': { leader: string; round: number; zxid: number; epoch: number; role: Role };
    'zk.quorum.sync': { leader: string; how: 'diff' | 'snap'; txns: number; truncated: number; zxid: number };
    'zk.quorum.serving': { role: Role; leader: string; epoch: number; zxid: number };
    'zk.quorum.propose': { zxid: number; what: Say; to: string[] };
    'zk.quorum.commit': { zxid: number; acks: string[] };
    'zk.quorum.fsync': { zxids: number[] };
  }
}

/** The other ZooKeeper servers linked to this one: its ensemble (empty when it runs alone). */
export function ensemblePeers(ctx: Ctx): string[] {
  return ctx
    .neighbours()
    .filter((n) => ctx.typeOf(n) === 'zookeeper')
    .sort();
}

function fresh(peers: string[], prev: QuorumState | null): QuorumState {
  return {
    peers,
    quorum: Math.floor((peers.length + 1) / 2) + 1,
    role: 'looking',
    leader: null,
    serving: false,
    acceptedEpoch: prev?.acceptedEpoch ?? 0,
    currentEpoch: prev?.currentEpoch ?? 0,
    newEpoch: 0,
    round: prev?.round ?? 0,
    vote: { leader: '', sid: 0, zxid: 0, epoch: 0 },
    votes: {},
    settled: {},
    notifyMs: FINALIZE_WAIT,
    // A (re)started process has made no connections yet.
    unreachable: [],
    // The log survives a crash, up to the last fsync.
    pending: prev ? prev.pending.filter((t) => !prev.toFlush.includes(t.zxid) && !prev.flushing.includes(t.zxid)) : [],
    recovered: [],
    history: prev?.history ?? [],
    toFlush: [],
    flushing: [],
    proposed: 0,
    acks: {},
    learners: {},
    expiry: {},
    syncs: [],
    lastLeaderHeard: 0,
    gotSync: false,
    touched: [],
    sessQ: {},
    sessionSeq: prev?.sessionSeq ?? 0,
    tick: null,
    elect: null,
    decide: null,
    disk: null,
    expire: null,
  };
}

/** Starts (or restarts) an ensemble member: it looks for a leader. */
export function startEnsemble(s: ZookeeperState, peers: string[], ctx: Ctx): ZookeeperState {
  const x = new Qx({ ...s, q: fresh(peers, s.q) }, ctx);
  startLooking(x, t('whyStarting'));
  return x.done();
}

/** What survives a crash: the tree (snapshot and log), the epochs, the fsynced log; no connections, watches or timers. */
export function crashEnsemble(s: ZookeeperState): ZookeeperState {
  // The election round is FastLeaderElection.logicalclock, an in-memory counter: not kept.
  const q = { ...fresh(s.q!.peers, s.q), round: 0 };
  const sessions: ZookeeperState['core']['sessions'] = {};
  for (const [id, sess] of Object.entries(s.core.sessions)) sessions[id] = { ...sess, client: null, conn: null };
  return { ...s, core: { ...s.core, sessions, dataWatches: {}, childWatches: {} }, q, expiryTimer: null, containerTimer: null };
}

/** Runs what the step decided: lead or follow the elected server, or stop and look again. */
function settle(x: Qx): ZookeeperState {
  for (let guard = 0; guard < 4 && (x.decided !== null || x.stepDown !== null); guard++) {
    if (x.decided !== null) {
      const leader = x.decided;
      x.decided = null;
      if (leader === x.self) becomeLeader(x);
      else becomeFollower(x, leader);
    }
    if (x.stepDown !== null) {
      const why = x.stepDown;
      x.stepDown = null;
      closeClients(x);
      const q = x.q;
      if (q.role === 'leading') for (const p of Object.keys(q.learners).sort()) x.ctx.disconnect(p);
      else if (q.role === 'following' && q.leader) x.ctx.disconnect(q.leader);
      q.learners = {};
      q.acks = {};
      q.syncs = [];
      q.expiry = {};
      q.recovered = [];
      x.cancel('expire');
      startLooking(x, why);
    }
  }
  return x.done();
}

/** A message to an ensemble member. */
export function ensembleMessage(s: ZookeeperState, msg: Msg, from: string, ctx: Ctx): ZookeeperState {
  const x = new Qx(s, ctx);
  const q = x.q;
  if (isConnectionClosed(msg)) {
    if (q.peers.includes(from) && !q.unreachable.includes(from)) q.unreachable = [...q.unreachable, from].sort();
    if (q.role === 'following' && from === q.leader) x.stepDown = t('whyLeaderClosed', { leader: from });
    else if (q.role === 'leading' && q.learners[from]) {
      const { [from]: _gone, ...rest } = q.learners;
      q.learners = rest;
    }
    return settle(x);
  }
  if (msg.type.startsWith('zab.')) {
    const m = msg as unknown as ZabMsg;
    if (q.unreachable.includes(from)) reconnected(x, from);
    if (m.type === 'zab.vote') onVote(x, from, m);
    else if (m.type === 'zab.request' || m.type === 'zab.sync.req' || m.type === 'zab.revalidate' || m.type === 'zab.refused' || m.type === 'zab.sync.done' || m.type === 'zab.revalidated') {
      const l = q.learners[from];
      if (q.role === 'leading' && l) q.learners = { ...q.learners, [from]: { ...l, lastHeard: x.now } };
      if (q.role === 'following' && from === q.leader) q.lastLeaderHeard = x.now;
      onForwarded(x, from, m);
    } else onZab(x, from, m);
    armExpiry(x);
    return settle(x);
  }
  const m = msg as ZkMsg;
  if (m.type === 'zk.connect') onClientConnect(x, m, from);
  else if (m.type === 'zk.request') onClientRequest(x, m, from);
  else if (m.type === 'zk.fin') {
    const sess = x.core.sessions[m.sessionId];
    if (sess && sess.conn === m.conn) {
      x.core = { ...x.core, sessions: { ...x.core.sessions, [m.sessionId]: { ...sess, client: null, conn: null } } };
      const { [m.sessionId]: _q, ...rest } = q.sessQ;
      q.sessQ = rest;
    }
  }
  armExpiry(x);
  return settle(x);
}

/** One of the quorum timers; the state unchanged when the payload is not one. */
export function ensembleTimer(s: ZookeeperState, payload: unknown, ctx: Ctx): ZookeeperState | null {
  const t = QUORUM_TIMERS.match(payload)?.timer;
  if (!t) return null;
  const x = new Qx(s, ctx);
  if (t === 'elect') onElectTimer(x);
  else if (t === 'decide') onDecideTimer(x);
  else if (t === 'tick') onTick(x);
  else if (t === 'disk') {
    const zxids = x.q.flushing;
    if (zxids.length > 0) ctx.trace('zk.quorum.fsync', { zxids });
    onDiskTimer(x);
  } else if (t === 'expire') onExpireTimer(x, (session) => propose(x, { session, op: { op: 'expireSession' }, origin: null, client: null, conn: 0, xid: 0 }));
  return settle(x);
}

/** A phrase for a quorum timer, or undefined. */
export function describeQuorumTimer(payload: unknown): Say | undefined {
  switch (QUORUM_TIMERS.match(payload)?.timer) {
    case 'elect':
      return t('timerElect');
    case 'decide':
      return t('timerDecide');
    case 'tick':
      return t('timerTick');
    case 'disk':
      return t('timerDisk');
    case 'expire':
      return t('timerExpire');
    default:
      return undefined;
  }
}

/** One phrase for a message between ensemble members, or undefined. */
export function describeZabMessage(msg: Msg): Say | undefined {
  if (!msg.type.startsWith('zab.')) return undefined;
  const m = msg as unknown as ZabMsg;
  switch (m.type) {
    case 'zab.vote':
      return m.role !== 'looking'
        ? t('zabVoteRole', { leader: m.vote.leader, zxid: formatZxid(m.vote.zxid), round: m.round, role: m.role })
        : t('zabVote', { leader: m.vote.leader, zxid: formatZxid(m.vote.zxid), round: m.round });
    case 'zab.followerinfo':
      return t('zabFollowerInfo', { zxid: formatZxid(m.lastZxid) });
    case 'zab.notleading':
      return t('zabNotLeading');
    case 'zab.sync':
      return m.how === 'diff'
        ? t('zabSyncDiff', { how: m.how.toUpperCase(), n: m.diff.length, epoch: m.epoch })
        : t('zabSync', { how: m.how.toUpperCase(), epoch: m.epoch });
    case 'zab.ackNewLeader':
      return 'ACK NEWLEADER';
    case 'zab.uptodate':
      return 'UPTODATE';
    case 'zab.propose':
      return `PROPOSAL ${formatZxid(m.txn.zxid)}`;
    case 'zab.ack':
      return `ACK ${formatZxid(m.zxid)}`;
    case 'zab.commit':
      return `COMMIT ${formatZxid(m.zxid)}`;
    case 'zab.ping':
      return 'PING';
    case 'zab.pong':
      return m.touched.length ? t('zabPongSeen', { n: m.touched.length }) : t('zabPong');
    case 'zab.request':
      return t('zabRequest', { op: m.op.op, session: m.session });
    case 'zab.refused':
      return t('zabRefused', { session: m.session });
    case 'zab.sync.req':
      return `SYNC ${m.path}`;
    case 'zab.sync.done':
      return t('zabSyncDone', { path: m.path });
    case 'zab.revalidate':
      return `REVALIDATE ${m.session}`;
    case 'zab.revalidated':
      return t('zabRevalidated', { session: m.session, ok: m.ok ? 'yes' : 'no' });
  }
}

/** One line for the ensemble's trace events, or undefined. */
export function narrateQuorum(ev: TraceEvent, name: (id: string) => string): Say | undefined {
  switch (ev.type) {
    case 'zk.quorum.looking':
      return t('looking', { node: name(ev.node), round: ev.round, why: ev.why, zxid: formatZxid(ev.zxid) });
    case 'zk.quorum.elected':
      return ev.role === 'leading'
        ? t('electedLeading', { node: name(ev.node), round: ev.round, zxid: formatZxid(ev.zxid) })
        : t('electedFollowing', { node: name(ev.node), leader: name(ev.leader), round: ev.round });
    case 'zk.quorum.sync': {
      const what = ev.how === 'snap' ? t('syncSnap') : t('syncTxns', { n: ev.txns });
      return ev.truncated
        ? t('syncTruncated', { node: name(ev.node), leader: name(ev.leader), what, truncated: ev.truncated, zxid: formatZxid(ev.zxid) })
        : t('sync', { node: name(ev.node), leader: name(ev.leader), what, zxid: formatZxid(ev.zxid) });
    }
    case 'zk.quorum.serving':
      return ev.role === 'leading'
        ? t('servingLeading', { node: name(ev.node), epoch: ev.epoch, zxid: formatZxid(ev.zxid) })
        : t('servingFollowing', { node: name(ev.node), leader: name(ev.leader) });
    case 'zk.quorum.propose':
      return t('propose', { node: name(ev.node), zxid: formatZxid(ev.zxid), what: ev.what, to: ev.to.length ? ev.to.map(name).join(', ') : t('nobodyYet') });
    case 'zk.quorum.commit':
      return t('commit', { node: name(ev.node), zxid: formatZxid(ev.zxid), acks: ev.acks.map(name).join(', ') });
    case 'zk.quorum.fsync':
      return t('fsync', { node: name(ev.node), what: ev.zxids.length === 1 ? formatZxid(ev.zxids[0]) : t('proposals', { n: ev.zxids.length }) });
    default:
      return undefined;
  }
}
