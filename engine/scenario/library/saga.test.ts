import { describe, expect, it } from 'vitest';
import { tcView } from '../../models/tc/view';
import { galleryEntry } from '../../testing/gallery';
import type { Harness } from '../../testing/harness';
import { play } from '../../testing/scenario';
import { committedRows } from '../../models/db/view';

const money = (h: Harness) => {
  const a = committedRows(h.stateOf('bank-a', 'db'), 'accounts');
  const b = committedRows(h.stateOf('bank-b', 'db'), 'accounts');
  return { alice: a.alice.balance, carol: a.carol.balance, bob: b.bob.balance };
};
const change = (id: string, i = 0) => galleryEntry(id, 'transactions').tryThis[i].change!;

describe('saga', () => {
  it('is in the library with both money monitors', () => {
    expect(galleryEntry('saga', 'transactions', { maxX: 900, maxY: 400 }).scenario.monitors).toEqual(['money-conserved', 'all-or-nothing']);
    expect(galleryEntry('saga-isolation', 'transactions', { maxX: 900, maxY: 450 }).scenario.monitors).toEqual(['money-conserved', 'all-or-nothing']);
  });

  it('T1 -> T2 -> T3 fails -> C3 (nothing to undo) -> C2 (retried across the crash) -> C1; everything back where it was', () => {
    const h = play('saga');
    h.expectEvent('tc.end', { gid: 'order-1', outcome: 'succeeded' });
    h.expectEvent('saga.action', { gid: 'order-2', account: 'carol', outcome: 'refused' });
    const order = h.events('saga.compensate').filter((e) => e.gid === 'order-2' && e.outcome !== 'failed').map((e) => [e.account, e.outcome]);
    expect(order).toEqual([
      ['carol', 'skipped'],
      ['bob', 'applied'],
      ['alice', 'applied'],
    ]);
    h.expectEvent('tc.branch', { gid: 'order-2', branch: '02', op: 'compensate', result: 'unknown', retryInMs: 2000 });
    h.expectEvent('tc.end', { gid: 'order-2', outcome: 'failed' });
    expect(money(h)).toEqual({ alice: 70, carol: 10, bob: 130 });
    const o2 = tcView(h.stateOf('tc', 'tc')).gtxs.find((g) => g.gid === 'order-2')!;
    expect(o2.branches.map((b) => b.state)).toEqual(['compensated', 'compensated', 'compensated']);
    expect(o2.branches[1].retries).toBeGreaterThan(0);
    h.expectNoViolation();
  });

  it('without the barrier, compensating carol’s failed step gives her 40 she never paid', () => {
    const h = play('saga', { params: change('saga').params });
    expect(h.expectViolation('all-or-nothing').message).toBe('order-2: carol was given back 40 that was never taken (a compensation without its step)');
    expect(money(h).carol).toBe(50);
  });
});

describe('saga-isolation', () => {
  it('bob spends the credit before the compensation runs; the compensation cannot take it back', () => {
    const h = play('saga-isolation');
    h.expectEvent('tc.end', { gid: 'shop-1', outcome: 'succeeded' });
    expect(h.expectViolation('all-or-nothing').message).toBe('order-1: bob spent the 80 credited by order-1 before its compensation ran; the compensation cannot take it back, so order-1 can be neither done nor undone');
    h.expectNoEvent('tc.end', { gid: 'order-1' });
    expect(money(h).bob).toBe(30);
  });

  it('debits first: carol’s step fails before bob is credited, his shop cannot spend what he never had, and nothing breaks', () => {
    const h = play('saga-isolation', { params: change('saga-isolation').params });
    h.expectEvent('tc.end', { gid: 'order-1', outcome: 'failed' });
    h.expectEvent('tc.end', { gid: 'shop-1', outcome: 'failed' });
    h.expectNoEvent('saga.action', { gid: 'order-1', account: 'bob' });
    expect(money(h)).toEqual({ alice: 100, carol: 10, bob: 100 });
    h.expectNoViolation();
  });
});
