// The branch protocol between a TCC / Saga coordinator (`tc`) and its participants (`tcc-svc`),
// as plain data: DTM's server calls a branch's URL with the global transaction id, the branch id
// and the operation, and reads the answer (HTTP 200 success, 409 FAILURE: the business said no;
// anything else or no answer: unknown, try again).

import type { Say } from '../../core/phrase';

/** What a coordinator asks a branch to do. TCC: try / confirm / cancel; Saga: action / compensate. */
export type BranchOp = 'try' | 'confirm' | 'cancel' | 'action' | 'compensate';

/** A branch moves money on one account: `debit` takes `amount` from it, `credit` gives it. */
export type BranchKind = 'debit' | 'credit';

/** Coordinator -> participant: one call. */
export interface BranchReq {
  readonly type: 'branch.req';
  readonly id: number;
  readonly gid: string;
  /** The branch's id in its global transaction ("01", "02", as DTM numbers them). */
  readonly branch: string;
  readonly op: BranchOp;
  readonly kind: BranchKind;
  readonly account: string;
  readonly amount: number;
}

/** Participant -> coordinator: `ok` (200), `failure` (409: the business refused), or `error` (500: try again). */
export interface BranchRes {
  readonly type: 'branch.res';
  readonly id: number;
  readonly status: 'ok' | 'failure' | 'error';
  readonly reason?: Say;
}

/** The operation a Cancel or a Compensate undoes (DTM's barrier inserts its row first). */
export const ORIGIN_OP: Partial<Record<BranchOp, BranchOp>> = { cancel: 'try', compensate: 'action' };
