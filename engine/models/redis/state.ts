import type { RedisData, RedisEntry } from './keyspace';
import type { ReplBatch } from './messages';

// The server's state, plain data: the keyspace, the expiry cycle, replication, blocked clients.
// Its own module so the model and its parts (blocking.ts) share it without importing each other.

/** A client held by a blocking pop (BLPOP / BRPOP): plain data, in blocking order. */
export interface BlockedClient {
  client: string;
  conn?: string;
  /** The command's request id, which its reply carries. */
  id: number;
  argv: readonly string[];
  keys: string[];
  left: boolean;
  /** Server time it blocked. */
  since: number;
  /** Deadline on the server's clock (whole ms), or null to wait forever. */
  deadline: number | null;
  timer: number | null;
}

/** Replication bookkeeping: plain data. */
export interface ReplState {
  lagMs: number;
  pingMs: number;
  timeoutMs: number;
  promoteAfterMs: number | null;
  /** Replica priority Sentinel reads from INFO (replica-priority); absent = Redis's default 100. */
  priority?: number;
  /** Primary: offset of the last write produced. Replica: offset of the last write applied. */
  offset: number;
  /** Primary: offset of the last write sent to the replicas. */
  sent: number;
  /** Primary: replicas that asked for a sync, in order. */
  replicas: string[];
  /** Primary: writes waiting out the replication lag, oldest first (lost if the primary crashes). */
  backlog: ReplBatch[];
  pingTimer: number | null;
  /** Replica: whether it holds a full copy and follows the stream, or is (re)connecting. */
  link: 'up' | 'connecting';
  /** Replica: local time it last heard from its primary. */
  lastHeard: number;
  watchTimer: number | null;
}

export interface RedisState {
  data: RedisData;
  /** Server time the armed active-expiry tick is due, or null when no key has a TTL. */
  cycleAt: number | null;
  cycleTimer: number | null;
  hz: number;
  role: 'primary' | 'replica';
  /** A replica's primary; null on a primary. */
  primary: string | null;
  /** The primary a promoted replica left behind. */
  promotedFrom: string | null;
  /** Crashes so far: a restarted primary tells its replicas their connection is gone. */
  restarts: number;
  repl: ReplState;
  /**
   * Client nodes with a connection here (they sent a command and it has not closed), which
   * CLIENT KILL TYPE normal closes; absent until the first such command.
   */
  clients?: string[];
  /** Clients held by a blocking pop, in the order they blocked (absent when none). */
  blocked?: BlockedClient[];
  /** The append-only file's fsync bookkeeping, only with `appendfsync` everysec or no (see aof.ts). */
  aof?: AofState;
}

/** What of the append-only file is on disk: plain data. */
export interface AofState {
  mode: 'everysec' | 'no';
  /** The keyspace as of the last fsync (or OS writeback): what a crash leaves to reload. */
  disk: Readonly<Record<string, RedisEntry>>;
  /** everysec: the wall-clock second (floor(now / 1000)) of the last fsync. */
  lastFsyncSec: number;
  /** Writes not yet on disk: the server time the oldest was made, or null when all are. */
  dirtySince: number | null;
  /** The armed flush (server time) and its timer. */
  flushAt: number | null;
  timer: number | null;
  /** After a crash, until the restart reports it: the keys whose last writes never reached the disk. */
  lost?: readonly string[];
}
