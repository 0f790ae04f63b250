import type { MonitorDef } from '../../core/monitor';
import { p, type Phrase } from '../../core/phrase';
import { pget, pmap, pset, type PMap } from '../../core/pmap';
import { commas } from '../say';

/**
 * Atomicity of XA global transactions: once one is settled (its coordinator ended it, or
 * recovered after a crash), its branches committed on every database or on none. A participant
 * that decided on its own while in doubt (an operator's XA COMMIT / XA ROLLBACK, a heuristic
 * decision) against the coordinator's decision leaves it "heuristic mixed" (X/Open XA's
 * XA_HEURMIX): some databases committed, others rolled back, and nothing will reconcile them.
 * A transaction manager without two-phase commit ends "partial" the same way.
 *
 * Metric: `xa.mixed` (global transactions settled mixed).
 */
export interface XaAtomicState {
  /** Global transactions begun and not yet judged: gtrid -> what it was. */
  open: Record<string, { tm: string; dbs: string[]; what: Phrase }>;
  /** Databases that committed a branch of each global transaction (grows with the run: a persistent map). */
  committedOn: PMap<string[]>;
  /** Branches decided by hand: gtrid -> who, where, what, when. */
  heuristic: Record<string, { node: string; db: string; decision: 'commit' | 'rollback'; t: number; i: number }>;
}

const ms = (t: number) => (t >= 1000 ? `${+(t / 1000).toFixed(2)} s` : `${Math.round(t)} ms`);

export const xaAtomic: MonitorDef<XaAtomicState> = {
  id: 'xa-atomic',
  title: 'Every XA global transaction commits on all its databases or on none',
  watches: ['xa.begin', 'db.commit', 'dba.heuristic', 'xa.end', 'xa.recovered'],
  init: () => ({ open: {}, committedOn: pmap(), heuristic: {} }),
  onEvent(s, ev, ctx) {
    let settled: string[];
    switch (ev.type) {
      case 'xa.begin':
        return { ...s, open: { ...s.open, [ev.gtrid]: { tm: ev.node, dbs: ev.dbs, what: p('invariants.xaWhat', { amount: ev.amount, from: ev.from, to: ev.to }) } } };
      case 'db.commit':
        return ev.xid === null ? s : { ...s, committedOn: pset(s.committedOn, ev.xid, [...(pget(s.committedOn, ev.xid) ?? []), ev.node]) };
      case 'dba.heuristic':
        return ev.ok ? { ...s, heuristic: { ...s.heuristic, [ev.xid]: { node: ev.node, db: ev.db, decision: ev.decision, t: ev.t, i: ev.i } } } : s;
      case 'xa.end':
        settled = [ev.gtrid];
        break;
      case 'xa.recovered':
        settled = Object.keys(s.open).filter((g) => s.open[g].tm === ev.node);
        break;
      default:
        return s;
    }
    const open = { ...s.open };
    for (const g of settled) {
      const o = open[g];
      if (!o) continue;
      delete open[g];
      const done = pget(s.committedOn, g) ?? [];
      if (done.length === 0 || o.dbs.every((d) => done.includes(d))) continue;
      const h = s.heuristic[g];
      const outcome = commas(o.dbs.map((d) => p('invariants.xaOutcome', { db: ctx.name(d), done: done.includes(d) ? 'commit' : 'rollback' })));
      const why = h
        ? p('invariants.xaHeuristic', { node: ctx.name(h.node), decision: h.decision === 'commit' ? 'commit' : 'rollback', db: ctx.name(h.db), at: ms(h.t) })
        : p('invariants.xaSomeOnly');
      const sentence = p('invariants.xa', { g, what: o.what, outcome, why });
      // The operator's hand decision is the cause when there was one; otherwise the event that settled it.
      if (h) ctx.violate(sentence, [o.tm, ...o.dbs], h.i, h.node);
      else ctx.violate(sentence, [o.tm, ...o.dbs], ev.i);
      ctx.metric('xa.mixed');
    }
    return { ...s, open };
  },
};
