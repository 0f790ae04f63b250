import type { BranchState, GStatus } from './state';
import type { Gtx, TcState } from './state';
import { p, type Phrase } from '../../core/phrase';

/** What a branch does, in words ("debit alice 30"). */
export function branchWhat(b: Pick<Gtx['branches'][number], 'kind' | 'account' | 'amount'>): Phrase {
  return p('model.tc.branchWhat', { kind: b.kind, account: b.account, amount: b.amount });
}

// Kept apart from the model's behaviour, as every kind's view: the UI reads only this.

/** A branch as the card shows it. */
export interface TcBranchView {
  id: string;
  /** The participant(s) serving it. */
  svc: string[];
  what: Phrase;
  state: BranchState;
  retries: number;
}

/** What the canvas shows of a coordinator. */
export interface TcView {
  /** The latest global transactions, newest last, each with its branch table. */
  gtxs: { gid: string; mode: 'tcc' | 'saga'; status: GStatus; branches: TcBranchView[] }[];
  /** A call in flight: `order-1/01 confirm`. */
  calling: string | null;
  /** Waiting to retry. */
  waiting: boolean;
  succeeded: number;
  failed: number;
  /** Global transactions not started yet. */
  left: number;
}

/** A plain summary of the coordinator's state for its card. */
export function tcView(s: TcState): TcView {
  const c = s.call;
  return {
    gtxs: s.log.slice(-3).map((g) => ({
      gid: g.gid,
      mode: g.mode,
      status: g.status,
      branches: g.branches.map((b) => ({ id: b.id, svc: b.svc, what: branchWhat(b), state: b.state, retries: b.retries })),
    })),
    calling: c ? `${c.gid}/${s.log.find((g) => g.gid === c.gid)?.branches[c.b].id ?? '?'} ${c.op}` : null,
    waiting: s.waiting,
    succeeded: s.log.filter((g) => g.status === 'succeeded').length,
    failed: s.log.filter((g) => g.status === 'failed').length,
    left: s.p.transactions.length - s.next,
  };
}
