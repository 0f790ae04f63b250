import type { DbError, DbRow, XaStmt } from '../../clients/sql/messages';
import { XA_RBDEADLOCK, XAER_DUPID, XAER_INVAL, XAER_NOTA, XAER_OUTSIDE, xaerRmfail } from './errors';
import { pvalues } from '../../core/pmap';
import { txnW } from './draft';
import type { DbTxn } from './state';
import { commitTxn, end, openTxn, rollbackTxn, type Run, type Step } from './txn';

// XA statements, as MariaDB 10.11 runs them (sql/xa.cc): a branch goes ACTIVE (XA START) ->
// IDLE (XA END) -> PREPARED (XA PREPARE) -> committed or rolled back; XA COMMIT … ONE PHASE
// commits an IDLE branch without preparing it. A statement the branch's state does not allow
// fails with XAER_RMFAIL naming the state; an xid the session does not hold is XAER_NOTA, unless
// it is a prepared branch no session holds (after a disconnect or a restart), which any session
// may commit or roll back.

const fail = (error: DbError): Step => ({ done: { ok: false, error } });
const done: Step = { done: { ok: true } };

/** The transaction that is XA branch `xid`, whoever holds it, as this step's own copy. */
export function branch(r: Run, xid: string): DbTxn | undefined {
  const t = pvalues(r.s.txns).find((x) => x.xid === xid);
  return t && txnW(r, t.id);
}

/** XA RECOVER's rows: every prepared branch (formatID 1, the xid as gtrid, no bqual). */
export function recoverRows(r: Run): DbRow[] {
  return pvalues(r.s.txns)
    .filter((t) => t.xa === 'PREPARED')
    .map((t) => ({ formatID: 1, gtrid_length: t.xid!.length, bqual_length: 0, data: t.xid! }));
}

/** XA COMMIT / XA ROLLBACK of an xid that is not this session's branch. */
function finishOther(r: Run, t: DbTxn | null, st: Extract<XaStmt, { op: 'xa-commit' | 'xa-rollback' }>): Step {
  // Inside a transaction (a local one, or another XA branch) the outcome could not be undone.
  if (t && !t.auto) return fail(XAER_OUTSIDE);
  if (st.op === 'xa-commit' && st.onePhase) return fail(XAER_INVAL);
  const b = branch(r, st.xid);
  if (!b || b.session !== null) return fail(XAER_NOTA);
  (st.op === 'xa-commit' ? commitTxn : rollbackTxn)(r, b);
  return done;
}

/** Runs an XA statement for session `key`, whose open transaction is `t`. */
export function xaStatement(r: Run, key: string, t: DbTxn | null, st: XaStmt): Step {
  const mine = t?.xa ? t : null;
  switch (st.op) {
    case 'xa-recover':
      return { done: { ok: true, rows: recoverRows(r) } };
    case 'xa-start':
      if (mine) return fail(xaerRmfail(mine.xa!));
      if (t) return fail(XAER_OUTSIDE);
      if (branch(r, st.xid)) return fail(XAER_DUPID);
      openTxn(r, key, { xid: st.xid });
      return done;
    case 'xa-end':
      if (mine?.xa !== 'ACTIVE') return fail(xaerRmfail(mine?.xa ?? 'NON-EXISTING'));
      if (mine.xid !== st.xid) return fail(XAER_NOTA);
      mine.xa = 'IDLE';
      return done;
    case 'xa-prepare':
      if (mine?.xa !== 'IDLE') return fail(xaerRmfail(mine?.xa ?? 'NON-EXISTING'));
      if (mine.xid !== st.xid) return fail(XAER_NOTA);
      mine.xa = 'PREPARED';
      return done;
    case 'xa-commit':
    case 'xa-rollback': {
      if (!mine || mine.xid !== st.xid) return finishOther(r, t, st);
      if (mine.xa === 'ACTIVE') return fail(xaerRmfail('ACTIVE'));
      // Its work is already undone: XA ROLLBACK just ends it, XA COMMIT ends it and says why it could not commit.
      if (mine.xa === 'ROLLBACK ONLY') {
        end(r, mine);
        return st.op === 'xa-commit' ? fail(XA_RBDEADLOCK) : done;
      }
      if (st.op === 'xa-rollback') {
        rollbackTxn(r, mine);
        return done;
      }
      if (st.onePhase ? mine.xa !== 'IDLE' : mine.xa !== 'PREPARED') return fail(st.onePhase ? XAER_INVAL : xaerRmfail(mine.xa!));
      commitTxn(r, mine);
      return done;
    }
  }
}
