import type { XaTmState } from './state';

// Kept apart from the model's behaviour, as every kind's view: the UI reads only this.

/** A branch of the transaction in flight. */
export interface XaBranchView {
  db: string;
  /** Where it is: working through its statements, voted, or told the outcome. */
  state: 'working' | 'prepared' | 'voted no' | 'committing' | 'rolling back' | 'committed' | 'rolled back';
}

/** What the canvas shows of a transaction manager. */
export interface XaTmView {
  twoPhase: boolean;
  active: { gtrid: string; amount: number; branches: XaBranchView[] } | null;
  /** The latest decisions in its durable log, newest last. */
  log: { gtrid: string; decision: 'commit' | 'rollback'; done: boolean }[];
  recovering: boolean;
  committed: number;
  rolledBack: number;
  /** Transfers not started yet. */
  left: number;
}

/** A plain summary of the transaction manager's state for its card. */
export function xaTmView(s: XaTmState): XaTmView {
  const a = s.active;
  return {
    twoPhase: s.p.twoPhase,
    active: a && {
      gtrid: a.gtrid,
      amount: a.amount,
      branches: a.branches.map((b) => ({
        db: b.db,
        state:
          b.decision === null
            ? b.vote === 'yes'
              ? 'prepared'
              : b.vote === 'no'
                ? 'voted no'
                : 'working'
            : b.decision === 'commit'
              ? b.settled
                ? 'committed'
                : 'committing'
              : b.settled
                ? 'rolled back'
                : 'rolling back',
      })),
    },
    log: s.log.slice(-4).map((e) => ({ gtrid: e.gtrid, decision: e.decision, done: e.done })),
    recovering: s.recovering !== null,
    committed: s.committed,
    rolledBack: s.rolledBack,
    left: s.p.transfers.length - s.next,
  };
}
