import type { Say } from '../../core/phrase';
import type { ZookeeperState } from './model';
import type { WatchTable } from './zk/state';
import type { ZkNodeKind } from '../../clients/zookeeper/types';
import { formatZxid } from '../../clients/zookeeper/messages';
import { describeOp } from './quorum/broadcast';
import type { QuorumState, Role } from './quorum/types';
import { lastZxid } from './zk/state';

// Kept apart from the model's behaviour, as every kind's view: the UI reads only this.

/** A watch on a znode: which kind (data, child, or a persistent or recursive one) and whose. */
export interface ZkWatchView {
  kind: 'data' | 'child' | 'persistent' | 'recursive';
  session: string;
}

/** A znode as the canvas lists it. */
export interface ZnodeView {
  path: string;
  /** Its name (the last path segment) and how deep it sits (1 under the root). */
  name: string;
  depth: number;
  kind: ZkNodeKind;
  /** Owning session of an ephemeral, else null. */
  owner: string | null;
  data: string;
  version: number;
  watches: readonly ZkWatchView[];
}

/** A session as the canvas lists it. */
export interface ZkSessionView {
  id: string;
  /** The client node of its connection, or null when none is open. */
  client: string | null;
  ephemerals: number;
  /** When it expires unless touched (the server's clock, ms); null on an ensemble's follower, where only the leader keeps time for sessions. */
  expireAt: number | null;
  /** The time a session is given, for the fraction left: its timeout plus a tick (expiry is bucketed by ticks). */
  spanMs: number;
}

/** A proposal logged on this server and not committed yet. */
export interface ZkPendingView {
  zxid: string;
  what: Say;
  /** The leader's count of who has it on disk; null on a follower. */
  acks: readonly string[] | null;
}

/** What an ensemble member shows of the quorum. */
export interface ZkEnsembleView {
  role: Role;
  /** It has a leader with a quorum behind it and answers clients. */
  serving: boolean;
  leader: string | null;
  epoch: number;
  /** The last committed zxid it has applied. */
  zxid: string;
  pending: readonly ZkPendingView[];
  /** Servers that make a quorum, and how many there are. */
  quorum: number;
  size: number;
  /** The leader's view of who is in sync with it (itself included); null on the others. */
  synced: readonly string[] | null;
}

/** What the canvas shows of a ZooKeeper server. */
export interface ZkView {
  /** The user's znodes, in path order (the root and /zookeeper left out). */
  znodes: readonly ZnodeView[];
  sessions: readonly ZkSessionView[];
  /** Its ensemble, when it is a member of one (linked to other ZooKeeper servers); null when it runs alone. */
  ensemble: ZkEnsembleView | null;
}

const shown = (path: string) => path !== '/' && path !== '/zookeeper' && !path.startsWith('/zookeeper/');

function watchesOn(path: string, data: WatchTable, child: WatchTable): ZkWatchView[] {
  const out: ZkWatchView[] = [];
  for (const w of data[path] ?? []) out.push({ kind: w.mode === 'standard' ? 'data' : w.mode, session: w.session });
  for (const w of child[path] ?? []) if (w.mode === 'standard') out.push({ kind: 'child', session: w.session });
  return out;
}

/** A plain summary of the server's state, for views. */
export function zookeeperView(s: ZookeeperState): ZkView {
  const core = s.core;
  const znodes = Object.keys(core.nodes)
    .filter(shown)
    .sort()
    .map((path): ZnodeView => {
      const z = core.nodes[path];
      return {
        path,
        name: path.slice(path.lastIndexOf('/') + 1),
        depth: path.split('/').length - 1,
        kind: z.kind,
        owner: z.owner,
        data: z.data,
        version: z.version,
        watches: watchesOn(path, core.dataWatches, core.childWatches),
      };
    });
  const q = s.q;
  const sessions = Object.values(core.sessions).map((x) => ({
    id: x.id,
    client: x.client,
    ephemerals: x.ephemerals.length,
    expireAt: q === null ? x.expireAt : q.role === 'leading' ? (q.expiry[x.id] ?? null) : null,
    spanMs: x.timeoutMs + core.tickTime,
  }));
  return { znodes, sessions, ensemble: q === null ? null : ensembleView(q, lastZxid(core)) };
}

function ensembleView(q: QuorumState, committed: number): ZkEnsembleView {
  const leading = q.role === 'leading';
  const synced = leading ? Object.keys(q.learners).filter((p) => q.learners[p].synced) : [];
  return {
    role: q.role,
    serving: q.serving,
    leader: q.leader,
    epoch: q.currentEpoch,
    zxid: formatZxid(committed),
    pending: [...q.recovered, ...q.pending].map((t) => ({ zxid: formatZxid(t.zxid), what: describeOp(t), acks: leading ? (q.acks[t.zxid] ?? null) : null })),
    quorum: q.quorum,
    size: q.peers.length + 1,
    synced: leading ? [...(q.leader ? [q.leader] : []), ...synced.sort()] : null,
  };
}
