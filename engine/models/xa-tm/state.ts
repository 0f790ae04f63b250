import type { DbStmt } from '../../clients/sql/messages';
import type { XaTmParams } from './params';

// The transaction manager's state, plain data: its durable log and progress, and the volatile
// global transaction in flight with one SQL session per database.

/** Why a statement was sent, so its result goes to the right step. */
export type Tag =
  | { k: 'branch'; b: number }
  | { k: 'end'; b: number }
  | { k: 'decide'; b: number }
  | { k: 'recover' }
  | { k: 'resolve'; gtrid: string; decision: 'commit' | 'rollback' };

/** One database session: the statement it waits on, and those queued behind it. */
export interface Chan {
  busy: { req: number; stmt: DbStmt; tag: Tag } | null;
  queue: { stmt: DbStmt; tag: Tag }[];
}

/** One branch of the global transaction: the statements of its first phase, and its vote. */
export interface Branch {
  db: string;
  stmts: DbStmt[];
  next: number;
  vote: 'pending' | 'ending' | 'yes' | 'no';
  /** XA START succeeded: the branch exists on the database and needs an outcome. */
  started: boolean;
  /** Its outcome is done (committed or rolled back on the database). */
  settled: boolean;
  /** The outcome sent to it. */
  decision: 'commit' | 'rollback' | null;
}

/** The global transaction in flight. */
export interface Active {
  gtrid: string;
  amount: number;
  branches: Branch[];
  /** One branch: it commits with XA COMMIT … ONE PHASE, nothing to log. */
  onePhase: boolean;
  /** Branches run one after another, each committed on its own (twoPhase off). */
  sequential: boolean;
}

/** A decision in the durable log (written before any branch is told). */
export interface LogEntry {
  gtrid: string;
  decision: 'commit' | 'rollback';
  dbs: string[];
  done: boolean;
}

export interface XaTmState {
  p: Required<XaTmParams>;
  /** Durable: the decisions, the next transfer, how often it restarted, outcomes so far. */
  log: LogEntry[];
  next: number;
  restarts: number;
  committed: number;
  rolledBack: number;
  /** Volatile. */
  active: Active | null;
  chans: Record<string, Chan>;
  req: number;
  /** While recovering after a restart: outstanding statements per database. */
  recovering: Record<string, number> | null;
  resolved: { committed: string[]; rolledBack: string[] };
}
