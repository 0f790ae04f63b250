import type { DbRow } from '../../clients/sql/messages';
import type { MonitorDef } from '../../core/monitor';
import { p } from '../../core/phrase';
import { pget, pmap, pset, type PMap } from '../../core/pmap';
import { semicolons } from '../say';

/**
 * Money is conserved across every database: what committed transactions add to accounts
 * (balance plus frozen amount) they take from others. Judged at quiescent points only, when no
 * global transaction is in flight (a transfer's two branches commit one after the other, so in
 * between the sum is off by design): when one ends (XA, TCC or Saga), when a coordinator's recovery settles what
 * was in doubt, or when a local transaction commits with none open.
 */
export interface MoneyState {
  /** Net change of all accounts' money since the start. */
  sum: number;
  /** Global transactions in flight: gtrid -> its coordinator. */
  open: Record<string, string>;
  /** Databases that committed a branch of each global transaction (grows with the run: a persistent map). */
  committedOn: PMap<string[]>;
  /** The sum last reported as wrong, so one imbalance is reported once. */
  reported: number;
  /** Net change each global transaction's committed branches made (grows with the run: a persistent map). */
  delta: PMap<number>;
  /**
   * Global transactions that settled with money made or lost, since the sum was last right: a
   * report names them, even when they settled while another was in flight.
   */
  since: string[];
}

const money = (r: DbRow | null): number => (r === null ? 0 : Number(r.balance ?? 0) + Number(r.frozen ?? 0));

export const moneyConserved: MonitorDef<MoneyState> = {
  id: 'money-conserved',
  title: 'At every quiescent point, the accounts hold as much money as at the start',
  watches: ['db.commit', 'xa.begin', 'xa.end', 'xa.recovered', 'tc.begin', 'tc.end'],
  init: () => ({ sum: 0, open: {}, committedOn: pmap(), reported: 0, delta: pmap(), since: [] }),
  onEvent(s0, ev, ctx) {
    const s: MoneyState = { ...s0 };
    // The in-flight record is copied only by the events that change it.
    const open = () => (s.open === s0.open ? (s.open = { ...s0.open }) : s.open);
    let settled: string[] = [];
    switch (ev.type) {
      case 'db.commit':
        for (const c of ev.changes) {
          if (c.table !== 'accounts') continue;
          const d = money(c.to) - money(c.from);
          s.sum += d;
          if (ev.xid !== null) s.delta = pset(s.delta, ev.xid, (pget(s.delta, ev.xid) ?? 0) + d);
        }
        if (ev.xid !== null) s.committedOn = pset(s.committedOn, ev.xid, [...(pget(s.committedOn, ev.xid) ?? []), ev.node]);
        break;
      case 'xa.begin':
        open()[ev.gtrid] = ev.node;
        return s;
      case 'tc.begin':
        open()[ev.gid] = ev.node;
        return s;
      case 'xa.end':
        delete open()[ev.gtrid];
        settled = [ev.gtrid];
        break;
      case 'tc.end':
        delete open()[ev.gid];
        break;
      case 'xa.recovered':
        settled = Object.keys(s.open).filter((g) => s.open[g] === ev.node);
        for (const g of settled) delete open()[g];
        break;
      default:
        return s0;
    }
    s.since = s.sum === 0 ? [] : [...s0.since, ...settled.filter((g) => (pget(s.delta, g) ?? 0) !== 0 && !s0.since.includes(g))];
    if (Object.keys(s.open).length > 0 || s.sum === 0 || s.sum === s.reported) {
      if (s.sum === 0) s.reported = 0;
      return s;
    }
    s.reported = s.sum;
    const named = s.since.length > 0 ? s.since : settled;
    s.since = [];
    const where = named.map((g) => {
      const dbs = (pget(s.committedOn, g) ?? []).map(ctx.name);
      return dbs.length > 0 ? p('invariants.mcCommittedOn', { g, dbs }) : p('invariants.mcCommittedNowhere', { g });
    });
    const args = { amount: Math.abs(s.sum), dir: s.sum < 0 ? 'less' : 'more' };
    ctx.violate(where.length > 0 ? p('invariants.mcWhere', { ...args, where: semicolons(where) }) : p('invariants.mc', args), [ev.node, ...new Set(named.flatMap((g) => pget(s.committedOn, g) ?? []))], ev.i);
    return s;
  },
};
