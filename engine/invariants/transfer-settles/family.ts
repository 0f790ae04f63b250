import type { DbChange } from '../../models/db/txn';

// Which pattern a node works for, and the per-pattern tallies the monitor keeps. A pattern's
// family is named by the node that starts its transfers (an XA transaction manager, a TCC or
// Saga coordinator, a transactional producer); every node that node's messages reach, and
// theirs in turn, joins its family, so families must not share nodes.

/** Metric prefixes of the families, and what people call them. */
export const FAMILY_NAMES: Readonly<Record<string, string>> = {
  'tx-2pc': '2PC (XA)',
  'tx-1pc': 'XA without two-phase commit',
  'tx-tcc': 'TCC',
  'tx-saga': 'Saga',
  'tx-msg': 'transactional message',
};

/** The tallies of one family. */
export interface FamilyStats {
  /** Transfers settled with the money moved, and with it put back (or never moved). */
  done: number;
  undone: number;
  /** Messages its nodes sent that arrived. */
  messages: number;
  /** Sum and worst of begin -> settled (ms). */
  consistencySum: number;
  consistencyMax: number;
  firstBegin: number | null;
  lastSettle: number;
  /** Row locks held, frozen amounts held, and time its accounts did not add up, in total (ms). */
  lockMs: number;
  frozenMs: number;
  inconsistentMs: number;
  /** Net change of its accounts' money since the start, and since when it is off. */
  sum: number;
  offSince: number | null;
  /** Transfers that missed their deadline. */
  late: number;
  /** The imbalance last reported, so one is reported once. */
  reported: number;
  /** The node that started its first transfer. */
  starter: string | null;
}

export const emptyStats = (): FamilyStats => ({
  done: 0,
  undone: 0,
  messages: 0,
  consistencySum: 0,
  consistencyMax: 0,
  firstBegin: null,
  lastSettle: 0,
  lockMs: 0,
  frozenMs: 0,
  inconsistentMs: 0,
  sum: 0,
  offSince: null,
  late: 0,
  reported: 0,
  starter: null,
});

const money = (r: DbChange['to']): number => (r === null ? 0 : Number(r.balance ?? 0) + Number(r.frozen ?? 0));
const frozen = (r: DbChange['to']): number => (r === null ? 0 : Number(r.frozen ?? 0));

/** What a commit did to the accounts: the change of money, and rows whose frozen amount started or ended. */
export function accountChanges(changes: readonly DbChange[]): { delta: number; froze: string[]; thawed: string[] } {
  let delta = 0;
  const froze: string[] = [];
  const thawed: string[] = [];
  for (const c of changes) {
    if (c.table !== 'accounts') continue;
    delta += money(c.to) - money(c.from);
    if (frozen(c.from) === 0 && frozen(c.to) > 0) froze.push(c.id);
    if (frozen(c.from) > 0 && frozen(c.to) === 0) thawed.push(c.id);
  }
  return { delta, froze, thawed };
}

/** Whether a statement a database ran takes row locks that last until its transaction ends. */
export const takesLocks = (sql: string): boolean => /^(UPDATE|INSERT|DELETE)\b/.test(sql) || sql.endsWith(' FOR UPDATE');

/** The XA branch an `XA COMMIT` / `XA ROLLBACK` / `XA PREPARE` names, and which it is. */
export function xaEnd(sql: string): { op: 'COMMIT' | 'ROLLBACK' | 'PREPARE'; xid: string } | null {
  const m = /^XA (COMMIT|ROLLBACK|PREPARE) '((?:[^']|'')*)'/.exec(sql);
  return m ? { op: m[1] as 'COMMIT' | 'ROLLBACK' | 'PREPARE', xid: m[2].replace(/''/g, "'") } : null;
}

const round = (v: number) => Math.round(v * 10) / 10;

/** The metrics of family `fam`, by name (the monitor publishes them). */
export function familyMetrics(fam: string, st: FamilyStats): Record<string, number> {
  const settled = st.done + st.undone;
  const out: Record<string, number> = {
    [`${fam}.transfers.done`]: st.done,
    [`${fam}.transfers.undone`]: st.undone,
    [`${fam}.messages`]: st.messages,
    [`${fam}.locks.ms`]: round(st.lockMs),
    [`${fam}.frozen.ms`]: round(st.frozenMs),
    [`${fam}.inconsistent.ms`]: round(st.inconsistentMs),
    [`${fam}.late`]: st.late,
  };
  if (settled > 0) {
    out[`${fam}.messages.per.transfer`] = round(st.messages / settled);
    out[`${fam}.consistency.avg.ms`] = round(st.consistencySum / settled);
    out[`${fam}.consistency.max.ms`] = round(st.consistencyMax);
    const span = st.lastSettle - (st.firstBegin ?? 0);
    if (span > 0) out[`${fam}.throughput.per.s`] = Math.round((settled * 1000 * 100) / span) / 100;
  }
  return out;
}
