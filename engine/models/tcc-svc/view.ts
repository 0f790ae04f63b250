import { pvalues } from '../../core/pmap';
import type { Handled, TccSvcState } from './state';

// Kept apart from the model's behaviour, as every kind's view: the UI reads only this.

/** What the canvas shows of a participant. */
export interface TccSvcView {
  db: string;
  barrier: boolean;
  cancelGuard: boolean;
  /** Calls in progress: `order-1 try`. */
  working: string[];
  /** The last calls handled, newest last. */
  handled: Handled[];
}

/** A plain summary of a participant's state for its card. */
export function tccSvcView(s: TccSvcState): TccSvcView {
  return {
    db: s.p.db,
    barrier: s.p.barrier,
    cancelGuard: s.p.cancelGuard && !s.p.barrier,
    working: pvalues(s.jobs).map((j) => `${j.gid} ${j.op}`),
    handled: s.handled,
  };
}
