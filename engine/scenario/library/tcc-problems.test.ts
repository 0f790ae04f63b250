import { describe, expect, it } from 'vitest';
import { committedRows, dbView } from '../../models/db/view';
import { galleryEntry } from '../../testing/gallery';
import type { Harness } from '../../testing/harness';
import { play } from '../../testing/scenario';

const alice = (h: Harness) => committedRows(h.stateOf('bank-a', 'db'), 'accounts').alice;
const fixed = (id: string) => {
  const c = galleryEntry(id, 'transactions').tryThis[0].change!;
  return play(id, { params: c.params, ...(c.interventions ? { interventions: [...c.interventions] } : {}) });
};

describe('TCC empty rollback', () => {
  it('without a barrier, Cancel gives alice 30 that was never frozen', () => {
    const h = play('tcc-empty-rollback');
    h.expectNoEvent('tcc.try');
    h.expectEvent('tcc.cancel', { gid: 'order-1', account: 'alice', outcome: 'applied' });
    expect(h.expectViolation('all-or-nothing').message).toBe('order-1: alice was given back 30 that was never frozen (Cancel ran without a Try: an empty rollback)');
    expect(alice(h)).toEqual({ id: 'alice', balance: 130, frozen: -30 });
  });

  it('with the barrier, the Cancel inserts the Try’s row, finds it new and does nothing', () => {
    const h = fixed('tcc-empty-rollback');
    h.expectEvent('tcc.cancel', { gid: 'order-1', account: 'alice', outcome: 'skipped' });
    expect(alice(h)).toEqual({ id: 'alice', balance: 100, frozen: 0 });
    const rows = dbView(h.stateOf('bank-a', 'db')).tables.find((t) => t.name === 'barrier')!.rows;
    expect(rows.map((r) => [r.id, r.cells[0]])).toEqual([
      ['order-1/01/try', 'cancel'],
      ['order-1/01/cancel', 'cancel'],
    ]);
    h.expectNoViolation();
  });
});

describe('TCC hanging', () => {
  it('without a barrier, the guarded Cancel releases nothing and the late Try freezes 30 for ever', () => {
    const h = play('tcc-hanging');
    const end = h.expectEvent('tc.end', { gid: 'order-1', outcome: 'failed' });
    h.expectEvent('tcc.cancel', { node: 'pay-2', outcome: 'skipped' });
    const late = h.expectEvent('tcc.try', { node: 'pay', account: 'alice', outcome: 'applied' });
    expect(late.t).toBeGreaterThan(end.t);
    expect(h.expectViolation('all-or-nothing').message).toBe("order-1: alice's 30 frozen forever after its transaction was cancelled (its Try ran after the Cancel: a hanging Try)");
    expect(alice(h)).toEqual({ id: 'alice', balance: 70, frozen: 30 });
  });

  it('with the barrier, the late Try finds the row its Cancel inserted and does nothing', () => {
    const h = fixed('tcc-hanging');
    h.expectEvent('tcc.try', { node: 'pay', account: 'alice', outcome: 'skipped' });
    expect(alice(h)).toEqual({ id: 'alice', balance: 100, frozen: 0 });
    h.expectNoViolation();
  });
});

describe('TCC duplicate Confirm', () => {
  it('without a barrier, the repeated Confirm spends 30 more: money is lost', () => {
    const h = play('tcc-duplicate-confirm');
    expect(h.events('tcc.confirm', 'pay').filter((e) => e.outcome === 'applied')).toHaveLength(2);
    expect(h.expectViolation('money-conserved').message).toBe('money is not conserved: the accounts hold 30 less than at the start');
    expect(h.expectViolation('all-or-nothing').message).toBe("order-1: alice's 30 was spent twice (a duplicate Confirm ran again)");
    expect(alice(h)).toEqual({ id: 'alice', balance: 70, frozen: -30 });
  });

  it('with the barrier, the repeat finds order-1/01/confirm and does nothing', () => {
    const h = fixed('tcc-duplicate-confirm');
    h.expectEvent('tc.branch', { gid: 'order-1', branch: '01', op: 'confirm', result: 'unknown' });
    h.expectEvent('tcc.confirm', { node: 'pay', outcome: 'skipped' });
    expect(alice(h)).toEqual({ id: 'alice', balance: 70, frozen: 0 });
    h.expectNoViolation();
  });
});
