import type { LbState } from './model';

// Kept apart from the model's behaviour, as every kind's view: the UI reads only this.

/** What the canvas shows of a load balancer. */
export interface LbView {
  policy: LbState['p']['policy'];
  backends: { id: string; up: boolean; sent: number; fails: number }[];
  inFlight: number;
}

/** A plain summary of the balancer state, for views. */
export function lbView(s: LbState): LbView {
  return { policy: s.p.policy, backends: s.backends.map((b) => ({ id: b.id, up: b.up, sent: b.sent, fails: b.fails })), inFlight: Object.keys(s.pending).length };
}
