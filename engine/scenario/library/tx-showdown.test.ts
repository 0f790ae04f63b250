import { describe, expect, it } from 'vitest';
import { inEnglish } from '../../i18n/english';
import { galleryEntry } from '../../testing/gallery';
import type { Harness } from '../../testing/harness';
import { fromScenario, play } from '../../testing/scenario';
import { committedRows } from '../../models/db/view';

const FAMS = ['tx-2pc', 'tx-tcc', 'tx-saga', 'tx-msg'] as const;
const LANE = { 'tx-2pc': '2pc', 'tx-tcc': 'tcc', 'tx-saga': 'saga', 'tx-msg': 'msg' } as const;
const entry = () => galleryEntry('tx-showdown', 'transactions', { maxX: 1100, maxY: 1200 });
const tryThis = (i: number) => {
  const c = entry().tryThis[i].change!;
  return { interventions: c.interventions ? [...c.interventions] : undefined, untilMs: c.untilMs };
};
const metric = (h: Harness, fam: string, name: string) => h.sim.metrics[`${fam}.${name}`];
/** alice at the lane's bank-a plus bob at its bank-b: 200 whenever the lane adds up. */
const laneMoney = (h: Harness, fam: (typeof FAMS)[number]) => {
  const l = LANE[fam];
  return Number(committedRows(h.stateOf(`a-${l}`, 'db'), 'accounts').alice.balance) + Number(committedRows(h.stateOf(`b-${l}`, 'db'), 'accounts').bob.balance);
};

describe('tx-showdown', () => {
  it('is in the gallery, judged by transfer-settles', () => {
    expect(entry().scenario.monitors).toEqual(['transfer-settles']);
  });

  it('bank-b crashes in every lane: 2PC and TCC undo what was in flight, the Saga and the message finish it later; every lane adds up', () => {
    const h = play('tx-showdown');
    h.expectNoViolation();
    for (const f of FAMS) {
      expect(metric(h, f, 'transfers.done') + metric(h, f, 'transfers.undone'), f).toBe(6);
      expect(laneMoney(h, f), f).toBe(200);
      expect(metric(h, f, 'late'), f).toBe(0);
    }
    expect(metric(h, 'tx-2pc', 'transfers.undone')).toBeGreaterThan(0);
    expect(metric(h, 'tx-tcc', 'transfers.undone')).toBeGreaterThan(0);
    expect(metric(h, 'tx-saga', 'transfers.undone')).toBe(0);
    expect(metric(h, 'tx-msg', 'transfers.undone')).toBe(0);
    // The Saga's credit waited out the crash; the message was delivered again.
    h.expectEvent('tc.branch', { node: 'tc-saga', op: 'action', result: 'error' });
    h.expectEvent('inbox.fail', { node: 'recv-msg' });
    // Only TCC freezes money; 2PC's branches commit together, the others debit first.
    expect(FAMS.map((f) => metric(h, f, 'frozen.ms') > 0)).toEqual([false, true, false, false]);
    expect(metric(h, 'tx-2pc', 'inconsistent.ms')).toBe(0);
    expect(metric(h, 'tx-saga', 'inconsistent.ms')).toBeGreaterThan(metric(h, 'tx-tcc', 'inconsistent.ms'));
    expect(metric(h, 'tx-msg', 'inconsistent.ms')).toBeGreaterThan(metric(h, 'tx-tcc', 'inconsistent.ms'));
    // TCC pays a round per branch and phase, one branch after another.
    for (const f of ['tx-2pc', 'tx-saga', 'tx-msg']) {
      expect(metric(h, 'tx-tcc', 'messages.per.transfer')).toBeGreaterThan(metric(h, f, 'messages.per.transfer'));
      expect(metric(h, 'tx-tcc', 'throughput.per.s')).toBeLessThan(metric(h, f, 'throughput.per.s'));
    }
  });

  it('coordinators crash: 2PC holds its prepared rows in doubt until recovery; the message’s orphan half message is rolled back by a back-check', () => {
    const quiet = play('tx-showdown');
    const h = play('tx-showdown', tryThis(0));
    h.expectNoViolation();
    h.expectEvent('xa.recovered', { node: 'tm', rolledBack: ['tm-2'] });
    expect(metric(h, 'tx-2pc', 'locks.ms') - metric(quiet, 'tx-2pc', 'locks.ms')).toBeGreaterThan(1500);
    h.expectEvent('tc.recover', { node: 'tc-tcc', resumed: ['order-1'] });
    h.expectEvent('txp.check', { node: 'pay-msg', order: 'order-2', row: 'none', answer: 'rollback' });
    h.expectEvent('txp.local', { node: 'pay-msg', order: 'order-2', outcome: 'commit' });
    for (const f of FAMS) expect(laneMoney(h, f), f).toBe(200);
  });

  it('without the crash every transfer is done', () => {
    const h = play('tx-showdown', tryThis(1));
    h.expectNoViolation();
    for (const f of FAMS) expect([metric(h, f, 'transfers.done'), metric(h, f, 'transfers.undone')], f).toEqual([6, 0]);
  });

  it('bank-b down for 4 s: 2PC gives up and keeps its deadline; TCC, the Saga and the message each miss it, and say where they stand', () => {
    const h = play('tx-showdown', tryThis(2));
    const late = h.violations.filter((v) => v.monitor === 'transfer-settles').map((v) => v.message);
    expect(late).toContain('order-2 under TCC has not settled within its 3 s deadline (settleWithinMs of TCC tc): still cancelling its branches');
    expect(late).toContain('order-2 under Saga has not settled within its 3 s deadline (settleWithinMs of Saga tc): still running its steps');
    expect(late).toContain('order-2 under transactional message has not settled within its 3 s deadline (settleWithinMs of Msg pay): the debit committed, the credit has not happened yet');
    expect(late.some((m) => m.includes('2PC'))).toBe(false);
    expect(metric(h, 'tx-2pc', 'late')).toBe(0);
    expect(metric(h, 'tx-msg', 'late')).toBe(5);
  });
});

describe('the transactional producer on a database', () => {
  it('a crash after the local commit, before END: the back-check finds the tx_log row and answers COMMIT; bob is credited once', () => {
    const v = { interventions: [], program: { afterCommitMs: 200 }, clients: ['pay-msg'] };
    const committed = play('tx-showdown', v).events('txp.local', 'pay-msg').find((e) => e.order === 'order-2' && e.outcome === 'commit')!;
    const h = fromScenario('tx-showdown', v).at(committed.t + 50).crash('pay-msg').at(committed.t + 1000).restart('pay-msg').runToEnd();
    h.expectEvent('txp.check', { order: 'order-2', row: 'committed', answer: 'commit' });
    expect(h.events('inbox.effect', 'recv-msg').filter((e) => e.order === 'order-2')).toHaveLength(1);
    expect(committedRows(h.stateOf('a-msg', 'db'), 'tx_log')['msg-2']).toMatchObject({ order: 'order-2', state: 'committed' });
    expect(laneMoney(h, 'tx-msg')).toBe(200);
    h.expectNoViolation();
  });

  it('alice short of the amount: the debit changes no row, the transaction rolls back and the half message with it', () => {
    const h = play('tx-showdown', { interventions: [], program: { amount: 150 }, clients: ['pay-msg'] });
    const local = h.expectEvent('txp.local', { order: 'order-1', outcome: 'rollback' });
    expect(inEnglish(local.why ?? '')).toBe('alice has less than 150');
    h.expectEvent('mq.tx.end', { key: 'order-1', resolution: 'rollback' });
    h.expectNoEvent('inbox.effect', { node: 'recv-msg' });
  });
});

describe('transfer-settles', () => {
  it('flags money lost for good: a credit that ends in the DLQ leaves the message lane short', () => {
    const h = play('tx-showdown', { params: { mq: { maxReconsumeTimes: 0 } } });
    h.expectEvent('mq.dlq', { node: 'mq' });
    const v = h.expectViolation('transfer-settles');
    expect(v.message).toMatch(/^money is not conserved under transactional message: with no transfer in flight after order-\d settled, its accounts hold 10 less than at the start$/);
    expect(v.nodes).toEqual(['pay-msg', 'a-msg', 'b-msg']);
  });

  it('counts a 2PC branch’s row locks from its first UPDATE until XA COMMIT', () => {
    const h = fromScenario('tx-showdown', { interventions: [] }).runUntil(520);
    // tm-1: UPDATE at 360 on both banks, XA COMMIT at 480: 2 x 120 ms.
    h.expectEvent('db.exec', { node: 'a-2pc', sql: "XA COMMIT 'tm-1'" });
    expect(metric(h, 'tx-2pc', 'locks.ms')).toBe(240);
  });
});
