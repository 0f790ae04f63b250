import { timerOwner, type NoFields } from '../../core/timer';
import type { ZkOp, ZkResult, ZkWatchEvent } from './types';

// The client library's plain-data state and what a step hands back to its host; the entry
// points are in ./client.ts.

/** The Java client's KeeperState values a watcher sees. */
export type KeeperState = 'SyncConnected' | 'Disconnected' | 'Expired' | 'Closed';
/** Curator's ConnectionState. */
export type CuratorState = 'CONNECTED' | 'SUSPENDED' | 'RECONNECTED' | 'LOST';
/** Where the connection stands: the Java client's send-thread states, and the handle's end. */
export type ZkClientPhase = 'idle' | 'connecting' | 'connected' | 'backoff' | 'closing' | 'closed' | 'expired';

/** What a host gives the library when it makes a client. */
export interface ZkClientOptions {
  /**
   * The connect string: one ZooKeeper node, or an ensemble's nodes separated by commas
   * ("z1,z2,z3"), tried in that order.
   */
  server: string;
  /** Requested session timeout (ms); the server clamps it. */
  sessionTimeoutMs: number;
  /** Curator-style connection states and recovery. */
  curator?: boolean;
}

/** A request on its way: `tag` is the host's own (plain data) label for it. */
export interface ZkPending {
  xid: number;
  op: ZkOp;
  tag: unknown;
  sentAt: number;
}

/** The client's watch maps: data and exist (ZKWatchManager's dataWatches and existWatches), child, and the 3.6+ persistent and recursive ones. */
export type WatchKind = 'data' | 'exist' | 'child' | 'persistent' | 'recursive';
export const WATCH_KINDS: readonly WatchKind[] = ['data', 'exist', 'child', 'persistent', 'recursive'];

/** Everything the client library keeps, as plain data inside its host's state. */
export interface ZkClientState {
  /** The server of the current (or next) connection. */
  server: string;
  /** The connect string's servers; the client moves to the next one when a connection fails. */
  hosts: string[];
  /** Index in `hosts` of `server`, and of the last server it was connected to (-1: none yet). */
  hostIndex: number;
  lastHost: number;
  requestedMs: number;
  curatorMode: boolean;
  phase: ZkClientPhase;
  sessionId: string | null;
  /** Negotiated timeout once connected, the requested one before. */
  timeoutMs: number;
  /** Number of the current connection attempt; messages of older ones are ignored. */
  conn: number;
  nextXid: number;
  lastZxid: number;
  lastSend: number;
  lastRecv: number;
  connectStartedAt: number;
  backoffUntil: number;
  /** Sent, awaiting replies (the server answers in order). */
  pending: ZkPending[];
  /** Submitted while not connected: sent with the next connection. */
  queued: ZkPending[];
  /** Paths with a registered watch, per kind, in registration order. */
  watches: Record<WatchKind, string[]>;
  /** Largest each watch map has been (a Java HashMap never shrinks; it sets the SetWatches order). */
  watchMax: Record<WatchKind, number>;
  /** Last KeeperState raised (the Java event thread drops a repeat of the same state). */
  keeper: KeeperState;
  curator: CuratorState | null;
  everConnected: boolean;
  suspendedAt: number | null;
  timer: { at: number; id: number } | null;
}

/** What the host should act on after a step; `T` is the type of the tags the host submits with. */
export type ZkClientOutput<T = unknown> =
  | { kind: 'reply'; xid: number; tag: T; op: ZkOp; result: ZkResult; zxid: number }
  | { kind: 'event'; event: ZkWatchEvent }
  | { kind: 'state'; keeper: KeeperState; curator: CuratorState | null; sessionId: string | null };

/** A step's outcome: the client's next state and what the host should act on, in order. */
export interface ZkStep {
  state: ZkClientState;
  out: ZkClientOutput[];
}

/** The library's one timer: when it fires, the send thread's checks run (connect, ping, timeouts). */
export const ZK_CLIENT_TIMERS = timerOwner<{ tick: NoFields }>('zk-client');
const MAX_SEND_PING_INTERVAL = 10_000;

/** Whether a timer payload belongs to this library. */
export function isZkClientTimer(payload: unknown): boolean {
  return ZK_CLIENT_TIMERS.match(payload) !== null;
}

/** No watches registered, per kind. */
export function noWatches(): Record<WatchKind, string[]> {
  return { data: [], exist: [], child: [], persistent: [], recursive: [] };
}

/** Each watch map's high-water mark at zero. */
export function noWatchMax(): Record<WatchKind, number> {
  return { data: 0, exist: 0, child: 0, persistent: 0, recursive: 0 };
}

/** A client that has not connected yet; call zkClientStart from the host's start(). */
export function zkClientInit(o: ZkClientOptions): ZkClientState {
  const hosts = parseConnectString(o.server);
  return {
    server: hosts[0],
    hosts,
    hostIndex: 0,
    lastHost: -1,
    requestedMs: o.sessionTimeoutMs,
    curatorMode: o.curator ?? false,
    phase: 'idle',
    sessionId: null,
    timeoutMs: o.sessionTimeoutMs,
    conn: 0,
    nextXid: 1,
    lastZxid: 0,
    lastSend: 0,
    lastRecv: 0,
    connectStartedAt: 0,
    backoffUntil: 0,
    pending: [],
    queued: [],
    watches: noWatches(),
    watchMax: noWatchMax(),
    keeper: 'Disconnected',
    curator: null,
    everConnected: false,
    suspendedAt: null,
    timer: null,
  };
}

/** readTimeout = 2/3 of the session timeout (Java int arithmetic). */
export function readTimeoutOf(timeoutMs: number): number {
  return Math.floor((timeoutMs * 2) / 3);
}

/**
 * Ms until the Java client pings, given how long nothing has been sent; ≤ 0 means now. With no
 * traffic at all this gives a ping every readTimeout/2.
 */
export function timeToNextPing(readTimeout: number, idleSend: number): number {
  if (idleSend > MAX_SEND_PING_INTERVAL) return 0;
  return Math.floor(readTimeout / 2) - idleSend - (idleSend > 1000 ? 1000 : 0);
}


/** The servers of a connect string ("z1,z2,z3"), in order; a single name is a list of one. */
export function parseConnectString(cs: string): string[] {
  const hosts = cs
    .split(',')
    .map((h) => h.trim())
    .filter((h) => h.length > 0);
  return hosts.length > 0 ? hosts : [cs];
}
