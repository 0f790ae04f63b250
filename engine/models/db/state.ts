import type { DbRow, DbStmt } from '../../clients/sql/messages';
import type { PMap } from '../../core/pmap';

// The server's state, plain data: committed tables (the durable part, with prepared XA branches),
// open transactions, sessions and row locks. Its own module so the model's parts share it.

/**
 * A table's committed rows by primary key: a persistent map, so a commit copies only the paths to
 * the rows it changed, and every read view taken before it keeps the rows it saw.
 */
export type DbTable = PMap<DbRow>;
/** Every table by name. */
export type DbTables = Readonly<Record<string, DbTable>>;
/** A transaction's pending changes: table -> id -> the new row, or null for a deleted one. */
export type DbWrites = Record<string, Record<string, DbRow | null>>;

/** An XA branch's state (MariaDB's names; ROLLBACK ONLY: a deadlock undid its work, only its end is left). */
export type XaState = 'ACTIVE' | 'IDLE' | 'PREPARED' | 'ROLLBACK ONLY';

/** An open transaction: its changes live here until COMMIT writes them to the tables. */
export interface DbTxn {
  id: number;
  /** The session that runs it; null for a prepared XA branch no session holds (after a disconnect or a restart). */
  session: string | null;
  /** The XA branch it is, if any. */
  xid: string | null;
  xa: XaState | null;
  /** Begun by the statement itself (autocommit): ends with it. */
  auto: boolean;
  writes: DbWrites;
  /** Rows changed (InnoDB's undo records), for picking a deadlock victim. */
  undo: number;
  /** Row locks held, as `table/id`, in the order taken. */
  locks: string[];
  /**
   * The committed tables as of its first consistent read (REPEATABLE READ's read view); null
   * until then. A reference to an immutable value, so it costs nothing to keep.
   */
  view: DbTables | null;
  /** Server time it began. */
  since: number;
}

/** A statement waiting for a row lock. */
export interface DbWait {
  /** The request it answers. */
  req: number;
  stmt: DbStmt;
  /** The row lock it waits for, `table/id`. */
  lock: string;
  /** Server time it began waiting. */
  since: number;
  /** Order among waiters (FIFO per lock). */
  seq: number;
  timer: number;
}

/** A client connection: who it is and what it is doing. */
export interface DbSession {
  /** The client node. */
  node: string;
  /** Its connection name on that node, if it holds several. */
  conn: string | null;
  /** Its open transaction (explicit, XA, or an autocommit statement waiting for a lock). */
  txn: number | null;
  waiting: DbWait | null;
  /** With wait_timeout: the idle timer since its last answer (`seq` tells a stale one apart). */
  idle?: { seq: number; timer: number };
}

export interface DbStats {
  commits: number;
  rollbacks: number;
  deadlocks: number;
  lockTimeouts: number;
}

export interface DbState {
  /** Committed rows: on disk, they survive a crash. */
  tables: DbTables;
  /** Open transactions by id (prepared XA branches survive a crash, the rest do not). */
  txns: PMap<DbTxn>;
  /** By `sessionKey`; a map that grows with every connection ever made, so changed by path copying. */
  sessions: PMap<DbSession>;
  /** Row locks: `table/id` -> the transaction holding it (exclusive locks only). */
  locks: PMap<number>;
  nextTxn: number;
  nextWait: number;
  lockWaitTimeoutMs: number;
  deadlockDetect: boolean;
  /** wait_timeout, when the scenario sets one (null: 8 h, never reached). */
  waitTimeoutMs: number | null;
  /** Sessions the server closed for idling, whose clients have not used them since. */
  gone: string[];
  stats: DbStats;
}

/** The key of a client's session: the node, and its connection name when it has several. */
export const sessionKey = (node: string, conn: string | null | undefined): string => (conn ? `${node}/${conn}` : node);

/** The key of a row lock. */
export const lockKey = (table: string, id: string): string => `${table}/${id}`;
