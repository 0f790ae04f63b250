import { grownCapacity, javaHashOrder } from '../../../clients/zookeeper/javahash';
import type { ZkNodeKind, ZkResult, ZkStat, ZkWatchEvent } from '../../../clients/zookeeper/types';

/**
 * The ZooKeeper 3.8 server as pure functions over plain data: sessions, the znode tree and the
 * watch tables. The node handler (model.ts) and the conformance runner both drive it; neither
 * the clock nor the network lives here, `now` is always passed in. This file holds the state
 * and zxids; paths.ts the path rules, work.ts the write transaction, sessions.ts the sessions,
 * ops.ts the requests and containers.ts the container manager.
 *
 * Behaviour follows the real server where a client can see it (measured against 3.8.0):
 * - every write is a transaction with its own zxid, even one that fails (NodeExists, BadVersion…);
 *   createSession and closeSession are transactions too;
 * - a parent's sequential suffix is its count of child creations; the cversion a client sees is
 *   2 × creations − numChildren, so deletions show in cversion but never in the suffix;
 * - sessions expire in tick buckets: a touch at t moves the session to the bucket
 *   (floor((t + timeout) / tick) + 1) × tick;
 * - the watch tables are per server "manager" (data and child), with one mode per (session, path)
 *   in each: in 3.8 the last watch set wins, so a one-shot watch set after a persistent one on
 *   the same path makes it one-shot again (fixed only in 3.9).
 */

/** A znode as the server keeps it. */
export interface Znode {
  data: string;
  czxid: number;
  mzxid: number;
  pzxid: number;
  ctime: number;
  mtime: number;
  version: number;
  aversion: number;
  /** Child creations so far: the server's internal cversion and the sequential-suffix counter. */
  creates: number;
  kind: ZkNodeKind;
  /** Owning session of an ephemeral, else null. */
  owner: string | null;
  /** Time to live in ms of a TTL node, else 0. */
  ttl: number;
  /**
   * Child names in the order they were added. The server keeps them in a Java HashSet (made
   * with capacity 8), and getChildren lists them in its iteration order: see `childOrder`.
   */
  children: string[];
  /** The most children it ever held at once: its HashSet's table grows and never shrinks. */
  childMax: number;
}

export type WatchMode = 'standard' | 'persistent' | 'recursive';

/** A watch a session holds on a path in one watch manager. */
export interface WatchEntry {
  session: string;
  mode: WatchMode;
}

/** path -> watches, for one manager (data or child). */
export type WatchTable = Record<string, WatchEntry[]>;

export interface ZkSession {
  id: string;
  timeoutMs: number;
  /** The tick bucket the session expires at unless touched before (server ms). */
  expireAt: number;
  /** Node id the current connection comes from, or null when none is open. */
  client: string | null;
  /** The current connection's number, chosen by the client; null when none is open. */
  conn: number | null;
  /** Paths of its ephemerals, in creation order (the server keeps them in a Java HashSet). */
  ephemerals: string[];
  /** The most ephemerals it ever held at once (a HashSet's table never shrinks). */
  ephMax: number;
}

export interface ZkServerState {
  serverId: number;
  tickTime: number;
  minSessionTimeout: number;
  maxSessionTimeout: number;
  /** Whether TTL nodes are allowed (`zookeeper.extendedTypesEnabled`). */
  extendedTypes: boolean;
  /** High 32 bits of every zxid; an ensemble bumps it at each new leader. */
  epoch: number;
  /** Low 32 bits of the last zxid handed out. */
  counter: number;
  nextSession: number;
  nodes: Record<string, Znode>;
  sessions: Record<string, ZkSession>;
  dataWatches: WatchTable;
  childWatches: WatchTable;
  /** Paths of container and TTL nodes, in creation order, for the container manager. */
  containers: string[];
  ttls: string[];
}

/** A watch notification the server sends to a session. */
export interface ZkNotification {
  session: string;
  event: ZkWatchEvent;
  zxid: number;
}

/** The outcome of a request: the next state, the reply, and the notifications it causes. */
export interface ZkExecResult {
  state: ZkServerState;
  result: ZkResult;
  /** Zxid of the reply header: the transaction's own, or the last one for a read. */
  zxid: number;
  notes: ZkNotification[];
  /** Ephemerals deleted by a closeSession, in deletion order. */
  deleted?: string[];
}

export interface ZkServerOptions {
  serverId?: number;
  tickTime: number;
  /** Defaults to 2 × tickTime. */
  minSessionTimeout?: number;
  /** Defaults to 20 × tickTime. */
  maxSessionTimeout?: number;
  extendedTypes?: boolean;
  epoch?: number;
}

const ZXID_SHIFT = 2 ** 32;

function sysNode(children: string[]): Znode {
  return {
    data: '',
    czxid: 0,
    mzxid: 0,
    pzxid: 0,
    ctime: 0,
    mtime: 0,
    version: 0,
    aversion: 0,
    creates: 0,
    kind: 'persistent',
    owner: null,
    ttl: 0,
    children,
    childMax: children.length,
  };
}

/** A fresh server: the root and the /zookeeper system nodes, as a new data directory has them. */
export function initServer(o: ZkServerOptions): ZkServerState {
  return {
    serverId: o.serverId ?? 0,
    tickTime: o.tickTime,
    minSessionTimeout: o.minSessionTimeout ?? 2 * o.tickTime,
    maxSessionTimeout: o.maxSessionTimeout ?? 20 * o.tickTime,
    extendedTypes: o.extendedTypes ?? false,
    epoch: o.epoch ?? 0,
    counter: 0,
    nextSession: 0,
    // The system nodes are made without counting as creations, which is why a fresh root
    // reports cversion -1 and /zookeeper -2.
    nodes: {
      '/': sysNode(['zookeeper']),
      '/zookeeper': sysNode(['config', 'quota']),
      // Written by reconfig with its own ACL: its aversion reads -1 on a fresh server.
      '/zookeeper/config': { ...sysNode([]), aversion: -1 },
      '/zookeeper/quota': sysNode([]),
    },
    sessions: {},
    dataWatches: {},
    childWatches: {},
    containers: [],
    ttls: [],
  };
}

/** A zxid from its parts: epoch in the high 32 bits, counter in the low 32. */
export function makeZxid(epoch: number, counter: number): number {
  return epoch * ZXID_SHIFT + counter;
}

/** The last zxid the server handed out. */
export function lastZxid(s: ZkServerState): number {
  return makeZxid(s.epoch, s.counter);
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The stat a client sees for a znode. */
export function statOf(n: Znode): ZkStat {
  return {
    czxid: n.czxid,
    mzxid: n.mzxid,
    pzxid: n.pzxid,
    ctime: n.ctime,
    mtime: n.mtime,
    version: n.version,
    cversion: n.creates * 2 - n.children.length,
    aversion: n.aversion,
    // Containers and TTL nodes keep a marker in ephemeralOwner, but clients are shown 0.
    ephemeralOwner: n.kind === 'ephemeral' && n.owner !== null ? n.owner : '0x0',
    dataLength: utf8Length(n.data),
    numChildren: n.children.length,
  };
}

/** Looks up a znode (for views and tests). */
export function getNode(s: ZkServerState, path: string): Znode | undefined {
  return Object.prototype.hasOwnProperty.call(s.nodes, path) ? s.nodes[path] : undefined;
}

/** Every watch a session holds on the server, for views and tests. */
export function watchesOf(s: ZkServerState, session: string): { manager: 'data' | 'child'; path: string; mode: WatchMode }[] {
  const out: { manager: 'data' | 'child'; path: string; mode: WatchMode }[] = [];
  for (const [manager, t] of [['data', s.dataWatches], ['child', s.childWatches]] as const) {
    for (const path of Object.keys(t).sort()) {
      const e = t[path].find((x) => x.session === session);
      if (e) out.push({ manager, path, mode: e.mode });
    }
  }
  return out;
}

/**
 * The order getChildren lists a node's children in: the iteration order of the server's
 * `HashSet<String>(8)` (DataNode.addChild), by bucket and within a bucket by insertion, not
 * sorted. A recipe must sort them itself; Curator does (LockInternals.getSortedChildren).
 */
export function childOrder(n: Znode): string[] {
  return javaHashOrder(n.children, grownCapacity(n.childMax, 8));
}
