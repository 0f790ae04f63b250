import type { ZkOp } from '../../../clients/zookeeper/types';
import { timerOwner, type NoFields } from '../../../core/timer';

/**
 * A ZooKeeper ensemble member's quorum state, as plain data beside the replicated tree (the
 * server core in ../zk/). Followed from Apache ZooKeeper (github.com/apache/zookeeper,
 * zookeeper-server/src/main/java/org/apache/zookeeper/server/quorum/):
 * - FastLeaderElection.java: votes (leader id, zxid, peer epoch) ordered by epoch, then zxid,
 *   then server id (totalOrderPredicate); a vote backed by a quorum wins after finalizeWait
 *   (200 ms) with nothing better heard; notifications resent on a timeout that doubles up to
 *   maxNotificationInterval (60 s); a server outside the election answers with its leader. The
 *   election round (logicalclock) lives in memory only: a restarted server starts from round 1.
 * - QuorumCnxManager.java: a notification to a peer that cannot be reached waits in its queue;
 *   when a connection to that peer is made (it came back), SendWorker sends it first.
 * - Leader.java / LearnerHandler.java: the new epoch is one more than the highest accepted epoch
 *   of a quorum (FOLLOWERINFO); each learner is brought up to date by DIFF (committed
 *   transactions it lacks, from the last 500 kept), TRUNC of what it logged that the leader never
 *   had, or SNAP; the leader serves once a quorum acked NEWLEADER. Writes are proposals that
 *   commit, in zxid order, once a quorum (the leader included) has logged them (tryToCommit);
 *   the leader pings every tickTime / 2 and steps down when fewer than a quorum of learners
 *   answered within syncLimit ticks ("Not sufficient followers synced").
 * - Follower.java / Learner.java: a follower reads its leader with a timeout of
 *   syncLimit × tickTime (initLimit × tickTime while syncing) and goes LOOKING when it runs out.
 * - SyncRequestProcessor.java: a proposal is ACKed only after it is in the log and fsynced;
 *   proposals that arrive during an fsync go in the next one (group commit).
 * - FollowerRequestProcessor / CommitProcessor: a follower answers reads from its own copy,
 *   forwards writes and sync() to the leader, and keeps a session's requests in order (a read
 *   waits behind the session's own write).
 * - LeaderSessionTracker / LearnerSessionTracker: sessions are the leader's; followers send the
 *   sessions they saw with each ping, a client moving to another server is revalidated by the
 *   leader, only the leader expires sessions (a closeSession proposal), and a new leader gives
 *   every session a full timeout.
 */

export type Role = 'looking' | 'leading' | 'following';

/** A vote: who should lead, and the last logged zxid and epoch that make the case for it. */
export interface Vote {
  leader: string;
  sid: number;
  zxid: number;
  epoch: number;
}

/** A write as the leader proposes it, and who answers the client once it commits. */
export interface Txn {
  zxid: number;
  /** The leader's clock when it proposed it: the znodes' ctime and mtime. */
  time: number;
  session: string;
  op: TxnOp;
  /** The server the client's request arrived at, which answers it; null for the leader's own expiries. */
  origin: string | null;
  client: string | null;
  conn: number;
  xid: number;
}

export type TxnOp =
  | Extract<ZkOp, { op: 'create' | 'delete' | 'setData' | 'multi' | 'closeSession' }>
  | { op: 'createSession'; timeoutMs: number; requestedMs: number }
  | { op: 'expireSession' };

/** A client request a server holds: in flight (a write or sync) at the head of its session's queue, or waiting behind it. */
export interface HeldReq {
  from: string;
  conn: number;
  xid: number;
  op: ZkOp;
}

/** What the leader knows of a learner. */
export interface LearnerInfo {
  acceptedEpoch: number;
  lastZxid: number;
  /** Local time the leader last heard from it. */
  lastHeard: number;
  /** Sent its sync: gets proposals and commits from now on. */
  syncing: boolean;
  /** Acked NEWLEADER. */
  synced: boolean;
}

export interface Armed {
  at: number;
  id: number;
}

export interface QuorumState {
  /** The other servers of the ensemble (the zookeeper nodes this one is linked to), sorted. */
  peers: string[];
  /** Servers, this one included, that make a majority. */
  quorum: number;
  role: Role;
  leader: string | null;
  /** Leader: a quorum has synced; follower: it has its leader's UPTODATE. Only then are clients served. */
  serving: boolean;
  acceptedEpoch: number;
  currentEpoch: number;
  /** The epoch a leader is establishing (0 until a quorum sent FOLLOWERINFO). */
  newEpoch: number;
  // Election
  round: number;
  vote: Vote;
  /** Votes heard this round from looking servers, and the last word from servers that are not looking. */
  votes: Record<string, Vote>;
  settled: Record<string, { vote: Vote; role: Role; round: number }>;
  notifyMs: number;
  /**
   * Peers whose connection ended (reset, refused) since this server last heard from them. The
   * first message from such a peer is a new election connection, on which QuorumCnxManager's
   * SendWorker first sends the last notification queued for (or sent to) that peer.
   */
  unreachable: string[];
  // The log
  /** Logged (or being logged), not committed, in zxid order. */
  pending: Txn[];
  /** Proposals a new leader carried over from earlier epochs, committed once a quorum synced. */
  recovered: Txn[];
  /** The last committed transactions (the leader's committedLog), for DIFF. */
  history: Txn[];
  /** Zxids waiting for the disk; those in `flushing` are in the fsync under way. */
  toFlush: number[];
  flushing: number[];
  // Leader
  proposed: number;
  acks: Record<string, string[]>;
  learners: Record<string, LearnerInfo>;
  /** The leader's session tracker: session -> expiry bucket (local monotonic ms). */
  expiry: Record<string, number>;
  /** sync() requests waiting for a zxid to commit: [zxid, learner or self, session, conn, xid, client, path]. */
  syncs: { zxid: number; via: string; session: string; client: string; conn: number; xid: number; path: string }[];
  // Follower
  lastLeaderHeard: number;
  /** Follower: its leader has sent its sync. */
  gotSync: boolean;
  /** Sessions seen since the last ping, for the leader's tracker. */
  touched: string[];
  // Clients of this server
  sessQ: Record<string, HeldReq[]>;
  /** Next session number this server hands out. */
  sessionSeq: number;
  // Timers
  tick: Armed | null;
  elect: Armed | null;
  decide: Armed | null;
  disk: Armed | null;
  expire: Armed | null;
}

/** Messages between ensemble members (the election and quorum ports). */
export type ZabMsg =
  | { type: 'zab.vote'; vote: Vote; round: number; role: Role }
  | { type: 'zab.followerinfo'; acceptedEpoch: number; lastZxid: number }
  /** The server a follower took for its leader does not lead (yet): its quorum port refused the connection. */
  | { type: 'zab.notleading' }
  | { type: 'zab.sync'; epoch: number; how: 'diff' | 'snap'; diff: Txn[]; snap: unknown; trunc: number; recovered: Txn[]; outstanding: Txn[] }
  | { type: 'zab.ackNewLeader'; epoch: number }
  | { type: 'zab.uptodate' }
  | { type: 'zab.propose'; txn: Txn }
  | { type: 'zab.ack'; zxid: number }
  | { type: 'zab.commit'; zxid: number }
  | { type: 'zab.ping' }
  | { type: 'zab.pong'; touched: string[] }
  | { type: 'zab.request'; session: string; op: TxnOp; client: string; conn: number; xid: number }
  | { type: 'zab.refused'; session: string; client: string; conn: number; xid: number }
  | { type: 'zab.sync.req'; session: string; client: string; conn: number; xid: number; path: string }
  | { type: 'zab.sync.done'; session: string; client: string; conn: number; xid: number; path: string }
  | { type: 'zab.revalidate'; session: string; client: string; conn: number }
  | { type: 'zab.revalidated'; session: string; client: string; conn: number; ok: boolean };

export const QUORUM_TIMERS = timerOwner<{ tick: NoFields; elect: NoFields; decide: NoFields; disk: NoFields; expire: NoFields }>('zk-quorum');

/** FastLeaderElection.finalizeWait and maxNotificationInterval. */
export const FINALIZE_WAIT = 200;
export const MAX_NOTIFY = 60_000;
/** Learner's leaderConnectDelayDuringRetryMs: a follower tries its leader again this often. */
export const LEADER_CONNECT_RETRY = 100;
/** Leader.maxCommittedLog's default: transactions kept for DIFF. */
export const COMMITTED_LOG = 500;

/** Whether `a` beats `b` (FastLeaderElection.totalOrderPredicate): epoch, then zxid, then server id (then node id). */
export function better(a: Vote, b: Vote): boolean {
  if (a.epoch !== b.epoch) return a.epoch > b.epoch;
  if (a.zxid !== b.zxid) return a.zxid > b.zxid;
  if (a.sid !== b.sid) return a.sid > b.sid;
  return a.leader > b.leader;
}

export const sameVote = (a: Vote, b: Vote): boolean => a.leader === b.leader && a.zxid === b.zxid && a.epoch === b.epoch;

const SHIFT = 2 ** 32;
/** The epoch of a zxid (its high 32 bits). */
export const epochOf = (zxid: number): number => Math.floor(zxid / SHIFT);
