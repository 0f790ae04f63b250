import { p, type Say } from '../../core/phrase';
import type { DbStmt } from '../../clients/sql/messages';
import type { BranchKind, BranchOp } from '../../clients/tcc/messages';

// The business statement of each call, as DTM's TCC and Saga examples write them (busi/ in
// github:dtm-labs/dtm): Try freezes, Confirm spends the frozen amount, Cancel releases it; a Saga
// action moves the money at once and its compensation moves it back. Money is `balance +
// frozen`, so a freeze moves it within the account.

/** What a call's business statement needs to find: a row changed (else: refused, or nothing to do). */
export interface Busi {
  stmt: DbStmt;
  /** When the statement changes no row: the business says no (409), try later (500), or there was nothing to do. */
  onNone: 'refuse' | 'retry' | 'nothing';
  /** Why, in the user's terms. */
  none: Say;
}

/** The statement a call runs on `account`, or null when the call has nothing to change. */
export function busiOf(op: BranchOp, kind: BranchKind, account: string, amount: number, cancelGuard: boolean): Busi | null {
  const upd = (add: Record<string, number>, atLeast?: Record<string, number>): DbStmt => ({ op: 'update', table: 'accounts', id: account, add, ...(atLeast ? { atLeast } : {}) });
  if (kind === 'debit') {
    switch (op) {
      case 'try':
        return { stmt: upd({ balance: -amount, frozen: amount }, { balance: amount }), onNone: 'refuse', none: p('model.tcc-svc.noCover', { account, amount }) };
      case 'confirm':
        return { stmt: upd({ frozen: -amount }), onNone: 'refuse', none: p('model.tcc-svc.noAccount', { account }) };
      case 'cancel':
        return cancelGuard
          ? { stmt: upd({ balance: amount, frozen: -amount }, { frozen: amount }), onNone: 'nothing', none: p('model.tcc-svc.lessFrozen', { account, amount }) }
          : { stmt: upd({ balance: amount, frozen: -amount }), onNone: 'nothing', none: p('model.tcc-svc.noAccount', { account }) };
      case 'action':
        return { stmt: upd({ balance: -amount }, { balance: amount }), onNone: 'refuse', none: p('model.tcc-svc.noCover', { account, amount }) };
      case 'compensate':
        return { stmt: upd({ balance: amount }), onNone: 'nothing', none: p('model.tcc-svc.noAccount', { account }) };
    }
  }
  switch (op) {
    case 'try':
      // Nothing to freeze on the receiving side: Try checks the account is there (and locks it).
      return { stmt: { op: 'select', table: 'accounts', id: account, forUpdate: true }, onNone: 'refuse', none: p('model.tcc-svc.noAccount', { account }) };
    case 'confirm':
      return { stmt: upd({ balance: amount }), onNone: 'refuse', none: p('model.tcc-svc.noAccount', { account }) };
    case 'cancel':
      return null;
    case 'action':
      return { stmt: upd({ balance: amount }), onNone: 'refuse', none: p('model.tcc-svc.noAccount', { account }) };
    case 'compensate':
      return { stmt: upd({ balance: -amount }, { balance: amount }), onNone: 'retry', none: p('model.tcc-svc.spent', { account, amount }) };
  }
}

/** The barrier row of (gid, branch, op), as DTM's dtm_barrier table keys it; `reason` is the op that inserted it. */
export function barrierRow(gid: string, branch: string, op: BranchOp, by: BranchOp): DbStmt {
  return { op: 'insert', table: 'barrier', ignore: true, row: { id: `${gid}/${branch}/${op}`, reason: by } };
}
