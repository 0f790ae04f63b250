import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { galleryEntry } from '../../testing/gallery';
import { fromScenario, play } from '../../testing/scenario';
import { committedRows, dbView } from '../../models/db/view';
import type { Harness } from '../../testing/harness';

const balances = (h: Harness) => {
  const a = committedRows(h.stateOf('bank-a', 'db'), 'accounts');
  const b = committedRows(h.stateOf('bank-b', 'db'), 'accounts');
  return { alice: a.alice.balance, carol: a.carol.balance, bob: b.bob.balance };
};
const total = (h: Harness) => Object.values(balances(h)).reduce((x, y) => Number(x) + Number(y), 0);

describe('xa-2pc is in the library', () => {
  it('topic transactions, notes filled in, the money monitor attached, on the canvas', () => {
    const b = galleryEntry('xa-2pc', 'transactions', { maxX: 900, maxY: 400 });
    expect(b.scenario.monitors).toEqual(['money-conserved']);
  });
});

describe('xa-2pc teaches what it says', () => {
  it('commits the first transfer, rolls back the second on bank-a’s no vote, and leaves the third in doubt after the crash', () => {
    const h = fromScenario('xa-2pc').runUntil(6000);
    h.expectEvent('xa.end', { gtrid: 'tm-1', outcome: 'committed' });
    h.expectEvent('xa.vote', { gtrid: 'tm-2', db: 'bank-a', vote: 'no' });
    h.expectEvent('xa.end', { gtrid: 'tm-2', outcome: 'rolled back' });
    h.expectNoEvent('xa.decide', { gtrid: 'tm-3' });
    for (const bank of ['bank-a', 'bank-b']) {
      h.expectEvent('db.disconnect', { node: bank, client: 'tm', detached: ['tm-3'] });
      const v = dbView(h.stateOf(bank, 'db'));
      expect(v.txns.filter((t) => t.inDoubt).map((t) => t.xid)).toEqual(['tm-3']);
    }
    // The teller's debit of alice waits on the in-doubt branch's lock.
    h.expectEvent('db.wait', { node: 'bank-a', client: 'teller', row: 'accounts/alice', holder: { xid: 'tm-3', prepared: true, client: null } });
    expect(dbView(h.stateOf('bank-a', 'db')).waits).toHaveLength(1);
  });

  it('recovery rolls the in-doubt branches back (presumed abort) and the teller’s transfer goes through; money is conserved', () => {
    const h = play('xa-2pc');
    h.expectEvent('xa.recovered', { node: 'tm', rolledBack: ['tm-3'], committed: [] });
    const done = h.expectEvent('xa.end', { gtrid: 'teller-1', outcome: 'committed' });
    expect(done.t).toBeGreaterThan(8000);
    expect(balances(h)).toEqual({ alice: 60, carol: 10, bob: 130 });
    h.expectNoViolation();
  });

  it('a coordinator back after the lock wait timeout: the teller’s UPDATE fails with 1205', () => {
    const b = galleryEntry('xa-2pc', 'transactions');
    const h = play('xa-2pc', { interventions: [...b.tryThis[0].change!.interventions!], untilMs: 18000 });
    h.expectEvent('db.exec', { node: 'bank-a', client: 'teller', code: 1205 });
    h.expectEvent('xa.end', { gtrid: 'teller-1', outcome: 'rolled back' });
    h.expectNoViolation();
  });

  it('without two-phase commit the same kind of crash loses the money, and money-conserved says so', () => {
    const b = galleryEntry('xa-2pc', 'transactions');
    const h = play('xa-2pc', { params: { tm: { twoPhase: false } }, interventions: [...b.tryThis[1].change!.interventions!] });
    const v = h.expectViolation('money-conserved');
    expect(v.message).toBe('money is not conserved: the accounts hold 20 less than at the start (tm-3 committed on bank-a)');
    expect(total(h)).toBe(180);
  });

  it('with two-phase commit, money is conserved whenever the coordinator crashes and however long it stays down', () => {
    fc.assert(
      fc.property(fc.integer({ min: 4300, max: 4800 }), fc.integer({ min: 100, max: 12000 }), fc.integer({ min: 1, max: 1000 }), (crashAt, downMs, seed) => {
        const h = play('xa-2pc', { seed, interventions: [{ at: crashAt, kind: 'crash', node: 'tm' }, { at: crashAt + downMs, kind: 'restart', node: 'tm' }], untilMs: crashAt + downMs + 12000 });
        expect(h.violations).toEqual([]);
        expect(total(h)).toBe(200);
        // Recovery leaves nothing in doubt and no row locked.
        expect(dbView(h.stateOf('bank-a', 'db')).txns).toEqual([]);
        expect(dbView(h.stateOf('bank-b', 'db')).txns).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('without two-phase commit, some crash moments lose money', () => {
    const lost = [4500, 4550, 4600, 4650, 4700, 4750].filter((at) => play('xa-2pc', { params: { tm: { twoPhase: false } }, interventions: [{ at, kind: 'crash', node: 'tm' }, { at: 8000, kind: 'restart', node: 'tm' }] }).violations.length > 0);
    expect(lost.length).toBeGreaterThan(0);
  });
});
