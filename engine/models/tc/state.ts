import type { BranchKind, BranchOp } from '../../clients/tcc/messages';
import type { TcParams } from './params';

// The coordinator's state, plain data: its durable log (every global transaction and its branch
// table, written as each answer arrives) and the call in flight, which a crash loses.

/** A branch's state in the branch table. */
export type BranchState = 'pending' | 'tried' | 'try failed' | 'unknown' | 'confirmed' | 'cancelled' | 'done' | 'failed' | 'compensated';

export interface GBranch {
  /** "01", "02": DTM's branch ids. */
  id: string;
  svc: string[];
  kind: BranchKind;
  account: string;
  amount: number;
  state: BranchState;
  /** Calls sent to it so far (each goes to the next of `svc`). */
  calls: number;
  /** Failed Confirm / Cancel / compensation calls so far. */
  retries: number;
}

/** Where a global transaction is. */
export type GStatus = 'trying' | 'confirming' | 'cancelling' | 'acting' | 'compensating' | 'succeeded' | 'failed';

export interface Gtx {
  gid: string;
  mode: 'tcc' | 'saga';
  status: GStatus;
  branches: GBranch[];
  /** The wait before the next retry (doubles on each failure, DTM's backoff). */
  interval: number;
}

export interface TcState {
  p: Required<TcParams>;
  /** Durable: the global transactions begun so far, and how many were started. */
  log: Gtx[];
  next: number;
  restarts: number;
  /** Volatile: the call in flight, and whether a retry is scheduled. */
  call: { id: number; gid: string; b: number; op: BranchOp; to: string; timer: number } | null;
  waiting: boolean;
  req: number;
}
