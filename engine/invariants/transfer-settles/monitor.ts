import type { MonitorCtx, MonitorDef } from '../../core/monitor';
import type { TraceEvent } from '../../core/trace-types';
import { accountChanges, emptyStats, FAMILY_NAMES, familyMetrics, takesLocks, xaEnd, type FamilyStats } from './family';
import { p, type Phrase, type Say } from '../../core/phrase';

/**
 * Every transfer settles, judged per pattern from the trace. A transfer begins when its
 * service starts it (`xa.begin`, `tc.begin`, the producer's half message) and settles when the
 * coordinator ends it (`xa.end`, recovery, `tc.end`) or, for a transactional message, when the
 * consumer's effect commits (or the local transaction rolled back). Broken when:
 * - a pattern's accounts do not add up at a moment none of its transfers is in flight (money
 *   made or lost for good: a discarded message, a compensation that could not run);
 * - a transfer is not settled within the deadline its service promised (`settleWithinMs` on
 *   the service: the eventual in eventual consistency, bounded).
 *
 * Per pattern (metric prefix `tx-2pc`, `tx-tcc`, `tx-saga`, `tx-msg`) it keeps what a showdown
 * compares: transfers done and undone, messages exchanged (and per transfer), time to
 * consistency (mean, worst), row locks and frozen amounts held, time the accounts did not add
 * up (the intermediate state others can see), throughput, and transfers past their deadline.
 */

interface Transfer {
  fam: string;
  /** What people call it (the gid, the order). */
  name: string;
  /** Who started it. */
  by: string;
  began: number;
  deadline: number | null;
  late: boolean;
  /** A transactional message whose local transaction committed: the debit is done. */
  committed: boolean;
  /** A transactional message: its latest half message (a restarted producer sends a new one). */
  msgId: string | null;
  /** XA: the coordinator's logged decision, which its recovery carries out. */
  decided: 'commit' | 'rollback' | null;
  /** TCC / Saga: the second phase it is in, if any. */
  phase: 'confirm' | 'cancel' | 'compensate' | null;
}

interface Lock {
  db: string;
  client: string;
  since: number;
  prepared: boolean;
}

export interface TransferSettlesState {
  /** Node -> the family it works for. */
  member: Record<string, string>;
  /** Messages each node sent that arrived (counted before it joined a family too). */
  sent: Record<string, number>;
  /** Transfers in flight, by `<starter>/<name>`. */
  open: Record<string, Transfer>;
  /** A broker's message key -> its transfer. */
  keyOf: Record<string, string>;
  /** A consumer -> the broker that delivers to it. */
  brokerOf: Record<string, string>;
  /** Row locks held: by transaction session or XA branch. */
  locks: Record<string, Lock>;
  /** Databases whose accounts a commit changed. */
  accountsOn: string[];
  /** Account rows with money frozen: `<db>/<row>` -> since. */
  frozen: Record<string, number>;
  stats: Record<string, FamilyStats>;
  /** The earliest deadline of a transfer in flight not yet reported (null: none). */
  nextDeadline: number | null;
}

const ms = (t: number) => (t >= 1000 ? `${+(t / 1000).toFixed(2)} s` : `${Math.round(t)} ms`);
const famName = (f: string): Say => (f in FAMILY_NAMES ? p(`invariants.fam-${f}`) : f);

function without<T>(r: Record<string, T>, k: string): Record<string, T> {
  const out = { ...r };
  delete out[k];
  return out;
}

/** Mutable within one event: the monitor copies what it changes, then works on the copies. */
class Step {
  s: TransferSettlesState;
  private touched = new Set<string>();
  constructor(
    s0: TransferSettlesState,
    readonly ev: TraceEvent,
    readonly ctx: MonitorCtx,
  ) {
    this.s = { ...s0 };
  }
  stats(fam: string): FamilyStats {
    if (!this.touched.has(fam)) {
      this.s.stats = { ...this.s.stats, [fam]: { ...(this.s.stats[fam] ?? emptyStats()) } };
      this.touched.add(fam);
    }
    return this.s.stats[fam];
  }
  join(node: string, fam: string): void {
    if (this.s.member[node] !== undefined) return;
    this.s.member = { ...this.s.member, [node]: fam };
    this.stats(fam).messages += this.s.sent[node] ?? 0;
  }
  begin(id: string, t: Omit<Transfer, 'late' | 'committed' | 'msgId' | 'decided' | 'phase'>): void {
    if (this.s.open[id]) return;
    this.join(t.by, t.fam);
    const st = this.stats(t.fam);
    if (st.firstBegin === null) st.firstBegin = t.began;
    st.starter ??= t.by;
    this.s.open = { ...this.s.open, [id]: { ...t, late: false, committed: false, msgId: null, decided: null, phase: null } };
    if (t.deadline !== null) this.s.nextDeadline = Math.min(this.s.nextDeadline ?? Infinity, t.began + t.deadline);
  }
  update(id: string, change: Partial<Transfer>): void {
    if (this.s.open[id]) this.s.open = { ...this.s.open, [id]: { ...this.s.open[id], ...change } };
  }
  settle(id: string, done: boolean): void {
    const t = this.s.open[id];
    if (!t) return;
    this.s.open = without(this.s.open, id);
    const st = this.stats(t.fam);
    if (done) st.done += 1;
    else st.undone += 1;
    const took = this.ev.t - t.began;
    st.consistencySum += took;
    st.consistencyMax = Math.max(st.consistencyMax, took);
    st.lastSettle = this.ev.t;
    this.judge(t.fam, t.name);
  }
  /** With none of `fam`'s transfers in flight, its accounts must add up. */
  judge(fam: string, last: string | null): void {
    const st = this.stats(fam);
    if (Object.values(this.s.open).some((t) => t.fam === fam)) return;
    if (st.sum === 0) {
      st.reported = 0;
      return;
    }
    if (st.sum === st.reported) return;
    st.reported = st.sum;
    const dbs = this.s.accountsOn.filter((n) => this.s.member[n] === fam);
    const args = { fam: famName(fam), amount: Math.abs(st.sum), dir: st.sum < 0 ? 'less' : 'more' };
    this.ctx.violate(
      last === null ? p('invariants.tsMoney', args) : p('invariants.tsMoneyAfter', { ...args, last }),
      [st.starter ?? this.ev.node, ...dbs],
      this.ev.i,
    );
  }
  closeLock(key: string): void {
    const l = this.s.locks[key];
    if (!l) return;
    this.s.locks = without(this.s.locks, key);
    const fam = this.s.member[l.db];
    if (fam !== undefined) this.stats(fam).lockMs += this.ev.t - l.since;
  }
  publish(): void {
    for (const fam of this.touched) for (const [k, v] of Object.entries(familyMetrics(fam, this.s.stats[fam]))) this.ctx.setMetric(k, v);
  }
}

const sessionKey = (db: string, client: string, session: string | null) => `${db}|${client}|${session ?? ''}`;
const branchKey = (db: string, xid: string) => `${db}|xa|${xid}`;

function onDb(st: Step, ev: TraceEvent): void {
  const s = st.s;
  switch (ev.type) {
    case 'db.exec': {
      if (s.member[ev.node] === undefined && s.member[ev.client] !== undefined) st.join(ev.node, s.member[ev.client]);
      const sk = sessionKey(ev.node, ev.client, ev.session);
      const xa = xaEnd(ev.sql);
      if (xa) {
        const bk = branchKey(ev.node, xa.xid);
        if (xa.op === 'PREPARE' && ev.code === null && s.locks[bk]) s.locks = { ...s.locks, [bk]: { ...s.locks[bk], prepared: true } };
        else if (xa.op !== 'PREPARE') st.closeLock(bk);
      } else if (ev.sql === 'COMMIT' || ev.sql === 'ROLLBACK' || ev.code === 1213) st.closeLock(sk);
      else if (ev.code === null && ev.txn !== null && takesLocks(ev.sql)) {
        const key = ev.xid !== null ? branchKey(ev.node, ev.xid) : sk;
        if (!s.locks[key]) s.locks = { ...s.locks, [key]: { db: ev.node, client: ev.client, since: ev.t, prepared: false } };
      }
      return;
    }
    case 'db.disconnect':
      for (const [k, l] of Object.entries(s.locks)) if (l.db === ev.node && l.client === ev.client && !l.prepared) st.closeLock(k);
      return;
    case 'db.commit': {
      if (s.member[ev.node] === undefined && ev.client !== null && s.member[ev.client] !== undefined) st.join(ev.node, s.member[ev.client]);
      const fam = s.member[ev.node];
      if (fam === undefined) return;
      const c = accountChanges(ev.changes);
      if (c.froze.length + c.thawed.length > 0) {
        const fr = { ...s.frozen };
        for (const row of c.froze) fr[`${ev.node}/${row}`] = ev.t;
        for (const row of c.thawed) {
          const since = fr[`${ev.node}/${row}`];
          if (since !== undefined) st.stats(fam).frozenMs += ev.t - since;
          delete fr[`${ev.node}/${row}`];
        }
        s.frozen = fr;
      }
      if (c.delta === 0) return;
      if (!s.accountsOn.includes(ev.node)) s.accountsOn = [...s.accountsOn, ev.node];
      const f = st.stats(fam);
      const was = f.sum;
      f.sum += c.delta;
      if (was === 0) f.offSince = ev.t;
      else if (f.sum === 0 && f.offSince !== null) {
        f.inconsistentMs += ev.t - f.offSince;
        f.offSince = null;
      }
      st.judge(fam, null);
      return;
    }
    case 'fault.crash':
      for (const [k, l] of Object.entries(s.locks)) if (l.db === ev.node && !l.prepared) st.closeLock(k);
      return;
    default:
      return;
  }
}

function onTransfer(st: Step, ev: TraceEvent): void {
  const s = st.s;
  switch (ev.type) {
    case 'xa.begin':
      for (const db of ev.dbs) st.join(db, ev.twoPhase ? 'tx-2pc' : 'tx-1pc');
      st.begin(`${ev.node}/${ev.gtrid}`, { fam: ev.twoPhase ? 'tx-2pc' : 'tx-1pc', name: ev.gtrid, by: ev.node, began: ev.t, deadline: ev.deadlineMs ?? null });
      return;
    case 'xa.end':
      st.settle(`${ev.node}/${ev.gtrid}`, ev.outcome !== 'rolled back');
      return;
    case 'xa.decide':
      st.update(`${ev.node}/${ev.gtrid}`, { decided: ev.decision });
      return;
    case 'xa.recovered':
      // Recovery settles everything this coordinator had open: what it found in doubt it
      // resolved as listed; the rest had already ended on every branch, as its log decided
      // (no decision logged: presumed abort).
      for (const g of ev.committed) st.settle(`${ev.node}/${g}`, true);
      for (const g of ev.rolledBack) st.settle(`${ev.node}/${g}`, false);
      for (const [id, t] of Object.entries(s.open)) if (t.by === ev.node) st.settle(id, t.decided === 'commit');
      return;
    case 'tc.begin':
      st.begin(`${ev.node}/${ev.gid}`, { fam: ev.mode === 'tcc' ? 'tx-tcc' : 'tx-saga', name: ev.gid, by: ev.node, began: ev.t, deadline: ev.deadlineMs ?? null });
      return;
    case 'tc.phase':
      st.update(`${ev.node}/${ev.gid}`, { phase: ev.phase });
      return;
    case 'tc.end':
      st.settle(`${ev.node}/${ev.gid}`, ev.outcome === 'succeeded');
      return;
    case 'txp.half':
      st.begin(`${ev.node}/${ev.order}`, { fam: 'tx-msg', name: ev.order, by: ev.node, began: ev.t, deadline: ev.deadlineMs ?? null });
      return;
    case 'mq.stored':
      if (s.member[ev.producer] === 'tx-msg' && ev.half) {
        const id = `${ev.producer}/${ev.key}`;
        st.join(ev.node, 'tx-msg');
        s.keyOf = { ...s.keyOf, [`${ev.node}/${ev.key}`]: id };
        st.update(id, { msgId: ev.msgId });
      }
      return;
    case 'mq.deliver':
      if (s.brokerOf[ev.consumer] !== ev.node) s.brokerOf = { ...s.brokerOf, [ev.consumer]: ev.node };
      return;
    case 'txp.local': {
      const id = `${ev.node}/${ev.order}`;
      if (ev.outcome === 'rollback') st.settle(id, false);
      else if (ev.outcome === 'commit') st.update(id, { committed: true });
      return;
    }
    case 'inbox.effect':
    case 'mqc.effect': {
      const key = ev.type === 'inbox.effect' ? ev.order : ev.key;
      const id = s.keyOf[`${s.brokerOf[ev.node]}/${key}`];
      if (id !== undefined) st.settle(id, true);
      return;
    }
    case 'mq.tx.discard':
    case 'mq.dlq':
    case 'mq.tx.end': {
      if (ev.type === 'mq.tx.end' && (ev.resolution !== 'rollback' || !ev.found)) return;
      const id = s.keyOf[`${ev.node}/${ev.key}`];
      const t = id === undefined ? undefined : s.open[id];
      if (!t) return;
      // An older half message of an order its restarted producer pays again ends alone.
      if (ev.type !== 'mq.dlq' && t.msgId !== ev.msgId) return;
      // Lost for good: a committed debit whose credit will never come; else nothing moved.
      st.settle(id, false);
      return;
    }
    default:
      return;
  }
}

/** Where a late transfer stands, in the user's terms. */
function standing(t: Transfer): Phrase {
  if (t.fam === 'tx-msg') return p(t.committed ? 'invariants.tsDebitCommitted' : 'invariants.tsNotCommitted');
  if (t.decided !== null) return p('invariants.tsDecided', { decided: t.decided });
  if (t.phase === 'confirm') return p('invariants.tsConfirming');
  if (t.phase === 'cancel') return p('invariants.tsCancelling');
  if (t.phase === 'compensate') return p('invariants.tsCompensating');
  return p(t.fam === 'tx-saga' ? 'invariants.tsRunning' : t.fam === 'tx-tcc' ? 'invariants.tsTrying' : 'invariants.tsNoDecision');
}

/** Reports transfers past their deadline (once each). */
function deadlines(st: Step): void {
  const s = st.s;
  if (s.nextDeadline === null || st.ev.t <= s.nextDeadline) return;
  let next: number | null = null;
  for (const [id, t] of Object.entries(s.open)) {
    if (t.deadline === null || t.late) continue;
    const due = t.began + t.deadline;
    if (st.ev.t <= due) {
      next = Math.min(next ?? Infinity, due);
      continue;
    }
    s.open = { ...s.open, [id]: { ...t, late: true } };
    st.stats(t.fam).late += 1;
    st.ctx.violate(p('invariants.tsDeadline', { name: t.name, fam: famName(t.fam), deadline: ms(t.deadline), by: st.ctx.name(t.by), standing: standing(t) }), [t.by], st.ev.i, t.by);
  }
  s.nextDeadline = next;
}

export const transferSettles: MonitorDef<TransferSettlesState> = {
  id: 'transfer-settles',
  title: 'Every transfer settles within its deadline, and each pattern’s accounts add up when none is in flight',
  watches: ['net.deliver', 'timer.fire', 'fault.crash', 'db.exec', 'db.commit', 'db.disconnect', 'xa.begin', 'xa.decide', 'xa.end', 'xa.recovered', 'tc.begin', 'tc.phase', 'tc.end', 'txp.half', 'txp.local', 'mq.stored', 'mq.deliver', 'mq.tx.end', 'mq.tx.discard', 'mq.dlq', 'inbox.effect', 'mqc.effect'],
  init: () => ({ member: {}, sent: {}, open: {}, keyOf: {}, brokerOf: {}, locks: {}, accountsOn: [], frozen: {}, stats: {}, nextDeadline: null }),
  onEvent(s0, ev, ctx) {
    if (ev.type === 'timer.fire' && (s0.nextDeadline === null || ev.t <= s0.nextDeadline)) return s0;
    const st = new Step(s0, ev, ctx);
    if (ev.type === 'net.deliver') {
      const s = st.s;
      s.sent = { ...s.sent, [ev.from]: (s.sent[ev.from] ?? 0) + 1 };
      const fam = s.member[ev.from];
      if (fam !== undefined) {
        st.stats(fam).messages += 1;
        st.join(ev.node, fam);
      }
    } else {
      onDb(st, ev);
      onTransfer(st, ev);
    }
    deadlines(st);
    st.publish();
    return st.s;
  },
};
