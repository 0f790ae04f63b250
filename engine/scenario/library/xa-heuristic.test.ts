import { describe, expect, it } from 'vitest';
import { committedRows, dbView } from '../../models/db/view';
import { builtin } from '.';
import { galleryEntry } from '../../testing/gallery';
import type { Harness } from '../../testing/harness';
import { play } from '../../testing/scenario';

const balances = (h: Harness) => ({ alice: committedRows(h.stateOf('bank-a', 'db'), 'accounts').alice.balance, bob: committedRows(h.stateOf('bank-b', 'db'), 'accounts').bob.balance });

describe('xa-heuristic is in the library', () => {
  it('topic transactions, notes filled in, money and atomicity monitors attached, on the canvas', () => {
    const b = galleryEntry('xa-heuristic', 'transactions', { maxX: 900, maxY: 700 });
    expect(b.scenario.monitors).toEqual(['money-conserved', 'xa-atomic']);
  });
});

describe('xa-heuristic teaches what it says', () => {
  it('the DBA commits bank-b’s in-doubt branch by hand; recovery rolls bank-a back: heuristic mixed, flagged', () => {
    const h = play('xa-heuristic');
    h.expectEvent('dba.recover', { node: 'dba', db: 'bank-b', inDoubt: ['tm-3'] });
    const hand = h.expectEvent('dba.heuristic', { node: 'dba', xid: 'tm-3', decision: 'commit', ok: true });
    // bank-b's branch is gone at once; bank-a's stays in doubt until the coordinator is back.
    expect(hand.t).toBeLessThan(8000);
    h.expectEvent('xa.recovered', { node: 'tm', rolledBack: ['tm-3'] });
    const v = h.expectViolation('xa-atomic');
    expect(v.message).toBe(
      'transfer tm-3 (20 from bank-a/alice to bank-b/bob): bank-a rolled back, bank-b committed: heuristic mixed: bank-b DBA committed bank-b’s branch by hand at 6.08 s while it was in doubt, and the coordinator decided otherwise',
    );
    expect(h.expectViolation('money-conserved').message).toBe('money is not conserved: the accounts hold 20 more than at the start (tm-3 committed on bank-b)');
    expect(balances(h)).toEqual({ alice: 60, bob: 150 });
    expect(dbView(h.stateOf('bank-a', 'db')).txns).toEqual([]);
  });

  it('a hand decision that agrees with the coordinator (rollback, as presumed abort) leaves no mix', () => {
    const b = galleryEntry('xa-heuristic', 'transactions');
    const h = play('xa-heuristic', { clients: ['dba'], program: { ...b.tryThis[0].change!.program!.dba } });
    h.expectEvent('dba.heuristic', { xid: 'tm-3', decision: 'rollback', ok: true });
    h.expectNoViolation();
    expect(balances(h)).toEqual({ alice: 60, bob: 130 });
  });

  it('a coordinator back before the DBA acts settles tm-3 first: nothing is left in doubt to decide', () => {
    const b = galleryEntry('xa-heuristic', 'transactions');
    const h = play('xa-heuristic', { interventions: [...b.tryThis[1].change!.interventions!] });
    h.expectEvent('dba.recover', { db: 'bank-b', inDoubt: [] });
    h.expectNoEvent('dba.heuristic');
    h.expectNoViolation();
  });

  it('xa-atomic also catches a transaction manager without two-phase commit', () => {
    const h = play({ ...builtin('xa-2pc')!.scenario, monitors: ['xa-atomic'] }, { params: { tm: { twoPhase: false } }, interventions: [{ at: 4650, kind: 'crash', node: 'tm' }, { at: 8000, kind: 'restart', node: 'tm' }] });
    expect(h.expectViolation('xa-atomic').message).toBe('transfer tm-3 (20 from bank-a/alice to bank-b/bob): bank-a committed, bank-b rolled back: committed on some databases only');
  });
});
