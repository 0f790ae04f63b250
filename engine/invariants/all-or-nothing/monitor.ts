import type { MonitorDef } from '../../core/monitor';
import { pget, pmap, pset, type PMap } from '../../core/pmap';
import { p, type Phrase } from '../../core/phrase';
import type { TraceEvent } from '../../core/trace-types';

/**
 * All or nothing: a TCC or Saga global transaction, once its coordinator has settled it
 * (`tc.end`), has had its effect on every branch exactly once (succeeded) or on none (failed:
 * what was done is undone, what never ran is not undone). Judged from the participants' own
 * events (`tcc.*`, `saga.*`), each counted once the database has run the COMMIT of its local
 * transaction (`db.exec` on the session it names: a COMMIT lost with a crash counts for
 * nothing), again whenever a late call lands on a settled transaction. The lessons it catches: a duplicate Confirm, an empty
 * rollback (Cancel without Try), a hanging Try (Try after Cancel: frozen for ever), a step never
 * compensated, and a compensation that cannot be done because the credit was spent meanwhile.
 */
export interface AllOrNothingState {
  /** Every global transaction begun (a map that grows with the run, so changed by path copying). */
  gtx: PMap<Gtx>;
  /** Effects sent to commit, by `db|client|session`, until the database runs the COMMIT. */
  pending: Record<string, Pending>;
  /** `gid/branch/problem` already reported. */
  reported: string[];
}

interface Branch {
  account: string;
  amount: number;
  kind: string;
  node: string;
  n: Record<string, number>;
  /** A Try (or action) applied after the transaction had been cancelled (or its branch undone). */
  late: boolean;
}

interface Gtx {
  mode: string;
  node: string;
  outcome: 'succeeded' | 'failed' | null;
  branches: Record<string, Branch>;
}

interface Pending {
  gid: string;
  branch: string;
  op: string;
  account: string;
  amount: number;
  kind: string;
  node: string;
}

type Effect = Extract<TraceEvent, { type: 'tcc.try' | 'tcc.confirm' | 'tcc.cancel' | 'saga.action' | 'saga.compensate' }>;

/** What is wrong with one branch of a settled transaction, in the user's terms, or null. */
function problem(gid: string, g: Gtx, b: Branch): [string, Phrase] | null {
  const n = (op: string) => b.n[op] ?? 0;
  const { account: who, amount: amt } = b;
  if (g.mode === 'tcc') {
    if (n('confirm') > 1) return ['twice', p('invariants.aonTwice', { gid, who, amt, kind: b.kind === 'debit' ? 'debit' : 'credit', times: n('confirm') })];
    if (b.kind !== 'debit') return g.outcome === 'succeeded' && n('confirm') === 0 ? ['never', p('invariants.aonNever', { gid, who, amt })] : null;
    if (n('cancel') > n('try')) return ['empty', p('invariants.aonEmpty', { gid, who, amt })];
    if (g.outcome === 'failed' && n('try') > n('cancel')) return ['hanging', p(b.late ? 'invariants.aonHangingLate' : 'invariants.aonHanging', { gid, who, amt })];
    if (g.outcome === 'succeeded' && n('confirm') < n('try')) return ['unspent', p('invariants.aonUnspent', { gid, who, amt })];
    return null;
  }
  const done = n('action') - n('compensate');
  if (n('action') > 1) return ['twice', p('invariants.aonStepTwice', { gid, who, kind: b.kind, amt, times: n('action') })];
  if (done < 0) return ['empty', p(b.kind === 'debit' ? 'invariants.aonGivenBack' : 'invariants.aonLost', { gid, who, amt })];
  if (g.outcome === 'failed' && done > 0) return ['left', p('invariants.aonLeft', { gid, who, kind: b.kind, amt })];
  return null;
}

type Ctx = Parameters<MonitorDef<AllOrNothingState>['onEvent']>[2];

function judge(s: AllOrNothingState, gid: string, i: number, ctx: Ctx): AllOrNothingState {
  const g = pget(s.gtx, gid);
  if (!g || g.outcome === null) return s;
  let reported = s.reported;
  for (const [id, b] of Object.entries(g.branches)) {
    const found = problem(gid, g, b);
    if (!found) continue;
    const key = `${gid}/${id}/${found[0]}`;
    if (reported.includes(key)) continue;
    reported = [...reported, key];
    ctx.violate(found[1], [g.node, b.node], i, b.node);
  }
  return reported === s.reported ? s : { ...s, reported };
}

export const allOrNothing: MonitorDef<AllOrNothingState> = {
  id: 'all-or-nothing',
  title: 'Each global transaction, once settled, is done on every branch or undone on every branch, exactly once',
  watches: ['tc.begin', 'tc.end', 'tcc.try', 'tcc.confirm', 'tcc.cancel', 'saga.action', 'saga.compensate', 'db.exec'],
  init: () => ({ gtx: pmap(), pending: {}, reported: [] }),
  onEvent(s, ev, ctx) {
    if (ev.type === 'tc.begin') return { ...s, gtx: pset(s.gtx, ev.gid, { mode: ev.mode, node: ev.node, outcome: null, branches: {} }) };
    if (ev.type === 'tc.end') {
      const g = pget(s.gtx, ev.gid);
      if (!g) return s;
      return judge({ ...s, gtx: pset(s.gtx, ev.gid, { ...g, outcome: ev.outcome }) }, ev.gid, ev.i, ctx);
    }
    if (ev.type === 'db.exec') {
      if (ev.sql !== 'COMMIT' || ev.code !== null || ev.session === null) return s;
      const key = `${ev.node}|${ev.client}|${ev.session}`;
      const p = s.pending[key];
      if (!p) return s;
      const pending = { ...s.pending };
      delete pending[key];
      return applied({ ...s, pending }, p, ev.i, ctx);
    }
    const e = ev as Effect;
    const g = pget(s.gtx, e.gid);
    if (!g) return s;
    if (e.type === 'saga.compensate' && e.outcome === 'refused') {
      const key = `${e.gid}/${e.branch}/spent`;
      if (s.reported.includes(key)) return s;
      ctx.violate(p('invariants.aonSpent', { gid: e.gid, who: e.account, amt: e.amount }), [g.node, e.node], e.i, e.node);
      return { ...s, reported: [...s.reported, key] };
    }
    if (e.outcome !== 'applied') return s;
    const effect: Pending = { gid: e.gid, branch: e.branch, op: e.type.split('.')[1], account: e.account, amount: e.amount, kind: e.kind, node: e.node };
    return { ...s, pending: { ...s.pending, [`${e.db}|${e.node}|${e.session}`]: effect } };
  },
};

/** A participant's local transaction committed: count its effect on its branch, and judge. */
function applied(s: AllOrNothingState, p: Pending, i: number, ctx: Ctx): AllOrNothingState {
  const g = pget(s.gtx, p.gid);
  if (!g) return s;
  const b0 = g.branches[p.branch] ?? { account: p.account, amount: p.amount, kind: p.kind, node: p.node, n: {}, late: false };
  const undone = (b0.n.cancel ?? 0) + (b0.n.compensate ?? 0) > 0;
  const b: Branch = { ...b0, node: p.node, n: { ...b0.n, [p.op]: (b0.n[p.op] ?? 0) + 1 }, late: b0.late || ((p.op === 'try' || p.op === 'action') && (undone || g.outcome !== null)) };
  return judge({ ...s, gtx: pset(s.gtx, p.gid, { ...g, branches: { ...g.branches, [p.branch]: b } }) }, p.gid, i, ctx);
}
