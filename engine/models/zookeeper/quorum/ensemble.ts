import { formatZxid } from '../../../clients/zookeeper/messages';
import { isConnectionClosed } from '../../../core/connection';
import type { Msg } from '../../../core/msg';
import type { TraceEvent } from '../../../core/trace-types';
import type { Ctx } from '../../../core/types';
import type { ZookeeperState } from '../node-state';
import { propose } from './broadcast';
import { onDecideTimer, onElectTimer, onVote, reconnected, startLooking } from './election';
import { closeClients, onClientConnect, onClientRequest, onForwarded } from './serve';
import { Qx } from './step';
import { FINALIZE_WAIT, QUORUM_TIMERS, type QuorumState, type Role, type ZabMsg } from './types';
import { armExpiry, becomeFollower, becomeLeader, onDiskTimer, onExpireTimer, onTick, onZab } from './zab';
import type { ZkMsg } from '../../../clients/zookeeper/messages';

declare module '../../../core/trace-types' {
  interface TraceEventMap {
    'zk.quorum.looking': { round: number; why: string; zxid: number; epoch: number };
    'zk.quorum.elected': { leader: string; round: number; zxid: number; epoch: number; role: Role };
    'zk.quorum.sync': { leader: string; how: 'diff' | 'snap'; txns: number; truncated: number; zxid: number };
    'zk.quorum.serving': { role: Role; leader: string; epoch: number; zxid: number };
    'zk.quorum.propose': { zxid: number; what: string; to: string[] };
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
  startLooking(x, 'starting');
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
    if (q.role === 'following' && from === q.leader) x.stepDown = `connection to leader ${from} closed`;
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
export function describeQuorumTimer(payload: unknown): string | undefined {
  switch (QUORUM_TIMERS.match(payload)?.timer) {
    case 'elect':
      return 'no word in the election: send the vote again';
    case 'decide':
      return 'finalizeWait over: the vote stands';
    case 'tick':
      return 'quorum heartbeat (every tickTime / 2)';
    case 'disk':
      return 'fsync of the transaction log done';
    case 'expire':
      return 'session expiry tick';
    default:
      return undefined;
  }
}

/** One phrase for a message between ensemble members, or undefined. */
export function describeZabMessage(msg: Msg): string | undefined {
  if (!msg.type.startsWith('zab.')) return undefined;
  const m = msg as unknown as ZabMsg;
  switch (m.type) {
    case 'zab.vote':
      return `vote: ${m.vote.leader} (zxid ${formatZxid(m.vote.zxid)}, round ${m.round}${m.role !== 'looking' ? `, ${m.role}` : ''})`;
    case 'zab.followerinfo':
      return `FOLLOWERINFO: last zxid ${formatZxid(m.lastZxid)}`;
    case 'zab.notleading':
      return 'not leading (yet): connection refused';
    case 'zab.sync':
      return `${m.how.toUpperCase()}${m.how === 'diff' ? ` of ${m.diff.length}` : ''} + NEWLEADER (epoch ${m.epoch})`;
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
      return `PING reply${m.touched.length ? ` (${m.touched.length} session${m.touched.length === 1 ? '' : 's'} seen)` : ''}`;
    case 'zab.request':
      return `REQUEST ${m.op.op} for ${m.session}`;
    case 'zab.refused':
      return `session ${m.session} has expired`;
    case 'zab.sync.req':
      return `SYNC ${m.path}`;
    case 'zab.sync.done':
      return `SYNC done ${m.path}`;
    case 'zab.revalidate':
      return `REVALIDATE ${m.session}`;
    case 'zab.revalidated':
      return `session ${m.session} ${m.ok ? 'valid' : 'expired'}`;
  }
}

/** One line for the ensemble's trace events, or undefined. */
export function narrateQuorum(ev: TraceEvent, name: (id: string) => string): string | undefined {
  switch (ev.type) {
    case 'zk.quorum.looking':
      return `${name(ev.node)} is LOOKING for a leader (round ${ev.round}): ${ev.why}; votes for itself with zxid ${formatZxid(ev.zxid)}`;
    case 'zk.quorum.elected':
      return ev.role === 'leading'
        ? `${name(ev.node)} is elected leader (round ${ev.round}: a quorum voted for its zxid ${formatZxid(ev.zxid)})`
        : `${name(ev.node)} will follow ${name(ev.leader)} (round ${ev.round})`;
    case 'zk.quorum.sync':
      return `${name(ev.node)} syncs with ${name(ev.leader)}: ${ev.how === 'snap' ? 'a whole snapshot' : `${ev.txns} transaction${ev.txns === 1 ? '' : 's'} it lacked`}${ev.truncated ? `, dropping ${ev.truncated} uncommitted proposal${ev.truncated === 1 ? '' : 's'} the leader never had` : ''}; now at ${formatZxid(ev.zxid)}`;
    case 'zk.quorum.serving':
      return ev.role === 'leading'
        ? `${name(ev.node)} leads epoch ${ev.epoch}: a quorum is in sync, it serves clients from ${formatZxid(ev.zxid)}`
        : `${name(ev.node)} is up to date with ${name(ev.leader)} and serves clients`;
    case 'zk.quorum.propose':
      return `${name(ev.node)} proposes ${formatZxid(ev.zxid)} (${ev.what}) to ${ev.to.length ? ev.to.map(name).join(', ') : 'nobody yet'}; it commits once a quorum has it on disk`;
    case 'zk.quorum.commit':
      return `${name(ev.node)} commits ${formatZxid(ev.zxid)}: on disk at ${ev.acks.map(name).join(', ')}`;
    case 'zk.quorum.fsync':
      return `${name(ev.node)} has fsynced ${ev.zxids.length === 1 ? formatZxid(ev.zxids[0]) : `${ev.zxids.length} proposals`} to its transaction log`;
    default:
      return undefined;
  }
}
