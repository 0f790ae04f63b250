import type { Say } from '../../core/phrase';
import type { PMap } from '../../core/pmap';
import type { BranchKind, BranchOp } from '../../clients/tcc/messages';
import type { TccSvcParams } from './params';

// A participant's state, plain data: the calls it is working on (one local transaction each, on
// a database session of its own, as a connection pool gives) and the last calls it handled.

/** Where a call's local transaction is. */
export type JobStep = 'begin' | 'origin' | 'barrier' | 'busi' | 'commit' | 'rollback';

/** What a call did: its effect committed, refused by the business, skipped (barrier, guard), or failed. */
export type JobOutcome = 'applied' | 'refused' | 'skipped' | 'failed';

/** One call being worked on. */
export interface Job {
  /** The coordinator's request id and node, for the answer. */
  id: number;
  from: string;
  gid: string;
  branch: string;
  op: BranchOp;
  kind: BranchKind;
  account: string;
  amount: number;
  /** The database request it waits on. */
  req: number;
  step: JobStep;
  /** Rows the barrier's insert of the origin op (Try, Action) added: 1 means that op never ran. */
  originAffected: number;
  outcome: JobOutcome | null;
  reason: Say | null;
}

/** A handled call, for the card. */
export interface Handled {
  gid: string;
  branch: string;
  op: BranchOp;
  account: string;
  amount: number;
  outcome: JobOutcome;
  reason: Say | null;
}

export interface TccSvcState {
  p: Required<TccSvcParams>;
  /** Volatile: calls in progress by database session name. */
  jobs: PMap<Job>;
  next: number;
  req: number;
  /** The last calls handled (what the card shows; kept across a crash as the service's log file). */
  handled: Handled[];
}
