import { describe, expect, it } from 'vitest';
import { committedRows, dbView } from '../../models/db/view';
import { tcView } from '../../models/tc/view';
import { galleryEntry } from '../../testing/gallery';
import type { Harness } from '../../testing/harness';
import { play } from '../../testing/scenario';

const alice = (h: Harness) => committedRows(h.stateOf('bank-a', 'db'), 'accounts').alice;
const bob = (h: Harness) => committedRows(h.stateOf('bank-b', 'db'), 'accounts').bob;

describe('tcc is in the library', () => {
  it('topic transactions, notes filled in, both money monitors attached, on the canvas', () => {
    const b = galleryEntry('tcc', 'transactions', { maxX: 900, maxY: 400 });
    expect(b.scenario.monitors).toEqual(['money-conserved', 'all-or-nothing']);
  });
});

describe('tcc teaches what it says', () => {
  it('order-1 freezes then spends; order-2 is cancelled and alice’s 20 released; order-3’s Confirm is retried across the crash', () => {
    const h = play('tcc');
    h.expectEvent('tcc.try', { gid: 'order-1', account: 'alice', outcome: 'applied' });
    h.expectEvent('tc.end', { gid: 'order-1', outcome: 'succeeded' });
    h.expectEvent('tcc.try', { gid: 'order-2', account: 'dave', outcome: 'refused' });
    h.expectEvent('tcc.cancel', { gid: 'order-2', account: 'alice', outcome: 'applied' });
    h.expectEvent('tcc.cancel', { gid: 'order-2', account: 'dave', outcome: 'skipped' });
    h.expectEvent('tc.end', { gid: 'order-2', outcome: 'failed' });
    h.expectEvent('tc.branch', { gid: 'order-3', branch: '01', op: 'confirm', result: 'unknown', retryInMs: 1000 });
    h.expectEvent('tc.branch', { gid: 'order-3', branch: '01', op: 'confirm', result: 'unknown', retryInMs: 2000 });
    const end = h.expectEvent('tc.end', { gid: 'order-3', outcome: 'succeeded' });
    expect(end.t).toBeGreaterThan(7500);
    expect(alice(h)).toEqual({ id: 'alice', balance: 60, frozen: 0 });
    expect(bob(h)).toEqual({ id: 'bob', balance: 140, frozen: 0 });
    const o3 = tcView(h.stateOf('tc', 'tc')).gtxs.find((g) => g.gid === 'order-3')!;
    expect(o3.branches.map((b) => [b.state, b.retries])).toEqual([
      ['confirmed', 2],
      ['confirmed', 0],
    ]);
    // Every call left its row in the barrier table, on the card too.
    const barrier = dbView(h.stateOf('bank-a', 'db')).tables.find((t) => t.name === 'barrier')!;
    expect(barrier.rows.map((r) => r.id)).toContain('order-2/01/cancel');
    h.expectNoViolation();
  });

  it('while order-1 is between Try and Confirm, alice’s 30 is frozen on bank-a', () => {
    const h = play('tcc', { untilMs: 500 });
    expect(alice(h)).toEqual({ id: 'alice', balance: 70, frozen: 30 });
  });

  it('a coordinator crash during the Try phase: after the restart it aborts order-3 and cancels what it tried', () => {
    const b = galleryEntry('tcc', 'transactions');
    const h = play('tcc', { interventions: [...b.tryThis[0].change!.interventions!] });
    h.expectEvent('tc.recover', { node: 'tc', aborted: ['order-3'] });
    h.expectEvent('tc.end', { gid: 'order-3', outcome: 'failed' });
    expect(alice(h)).toEqual({ id: 'alice', balance: 70, frozen: 0 });
    h.expectNoViolation();
  });
});
