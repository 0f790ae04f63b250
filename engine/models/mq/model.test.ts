import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Intervention } from '../../core/faults';
import { fromScenario, play } from '../../testing/scenario';
import { retryDelayMs, mqParams } from './params';
import { javaHash, queueFor } from './state';
import { mqView } from './view';

// The broker against the transactional-message built-ins and variants of them: what a user
// should see happen, as trace events and the broker's view.

describe('RocketMQ defaults and arithmetic', () => {
  it('has RocketMQ 5.x’s defaults and its retry schedule (delay level 3 + reconsumeTimes)', () => {
    const p = mqParams.parse({});
    expect([p.transactionTimeOutMs, p.transactionCheckIntervalMs, p.transactionCheckMax, p.maxReconsumeTimes, p.queuesPerTopic]).toEqual([6000, 30_000, 15, 16, 4]);
    expect([0, 1, 2, 3, 13, 15, 20].map((r) => retryDelayMs(p, r) / 1000)).toEqual([10, 30, 60, 120, 1800, 7200, 7200]);
  });

  it('hashes keys to queues as Java’s String.hashCode does (SelectMessageQueueByHash)', () => {
    // Printed by the JDK on this machine: "order-1".hashCode() and Math.abs(hash % 4) for order-1..3.
    expect(javaHash('order-1')).toBe(-1207111310);
    expect(['order-1', 'order-2', 'order-3'].map((k) => queueFor(4, k))).toEqual([2, 1, 0]);
  });
});

describe('transactional-message', () => {
  it('an orphan half message (its producer crashed before hearing it was stored, and paid the order again) is rolled back by a check, and nothing is lost (found by the hunt)', () => {
    const h = fromScenario('transactional-message', { interventions: [] }).at(310).pause('mq', 650).at(810).crash('pay').at(860).restart('pay').runUntil(5000);
    h.expectEvent('txp.local', { order: 'order-1', msgId: 'msg-2', outcome: 'commit' });
    h.expectEvent('mqc.effect', { key: 'order-1', msgId: 'msg-2' });
    h.expectEvent('txp.check', { order: 'order-1', msgId: 'msg-1', answer: 'rollback', row: 'none' });
    h.expectEvent('mq.tx.end', { msgId: 'msg-1', resolution: 'rollback', found: true });
    h.expectNoViolation();
  });

  it('keeps the half message invisible until COMMIT, and repairs a producer crash with a back-check', () => {
    const h = fromScenario('transactional-message').runUntil(2200);
    // order-2 is committed locally, pay-service crashed before COMMIT: the half message waits, undelivered.
    expect(mqView(h.stateOf('mq', 'mq')).half).toEqual([{ key: 'order-2', msgId: 'msg-2', checks: 0 }]);
    h.expectNoEvent('mq.deliver', { key: 'order-2' });
    h.runToEnd();
    h.expectEvent('mq.tx.check', { key: 'order-2', checkTimes: 1, producer: 'pay' });
    h.expectEvent('txp.check', { order: 'order-2', answer: 'commit', row: 'committed' });
    h.expectEvent('mqc.effect', { node: 'ship', key: 'order-2', times: 1 });
    // order-3's local transaction failed: ROLLBACK, never delivered.
    h.expectEvent('mq.tx.end', { key: 'order-3', resolution: 'rollback', fromCheck: false, found: true });
    h.expectNoEvent('mq.deliver', { key: 'order-3' });
    h.expectNoViolation();
    expect(mqView(h.stateOf('mq', 'mq')).half).toEqual([]);
  });

  it('checks with nobody when no producer of the group is connected, and counts the check anyway', () => {
    const h = play('transactional-message', { interventions: [{ at: 1930, kind: 'crash', node: 'pay' }, { at: 2500, kind: 'restart', node: 'pay' }] });
    h.expectEvent('mq.tx.check', { key: 'order-2', checkTimes: 1, producer: null });
    h.expectEvent('mq.tx.check', { key: 'order-2', checkTimes: 2, producer: 'pay' });
    h.expectEvent('mqc.effect', { key: 'order-2' });
  });

  it('discards a half message after transactionCheckMax checks answered UNKNOWN, and flags the paid order as lost', () => {
    const h = play('transactional-message-unknown');
    expect(h.find('mq.tx.check', { key: 'order-2' }).map((e) => e.checkTimes)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    const d = h.expectEvent('mq.tx.discard', { key: 'order-2', checks: 15 });
    expect(d.t).toBe(20_400);
    const v = h.expectViolation('message-delivered');
    expect(v.message).toMatch(/^order-2 was paid at pay-service .* but shipping will never hear of it: broker discarded its half message after 15 checks/);
    expect(mqView(h.stateOf('mq', 'mq')).discarded).toEqual([{ key: 'order-2', checks: 15 }]);
  });

  it('retries a failing message at delay levels 3, 4, 5, then puts it in %DLQ%<group>', () => {
    const h = play('transactional-message-dlq');
    expect(h.find('mq.retry', { key: 'order-1' }).map((e) => [e.level, e.delayMs, e.reconsumeTimes])).toEqual([
      [3, 400, 1],
      [4, 1200, 2],
      [5, 2400, 3],
    ]);
    h.expectEvent('mq.dlq', { group: 'shipping', key: 'order-1', reconsumeTimes: 3 });
    expect(h.expectViolation('message-delivered').message).toContain('it now sits in %DLQ%shipping');
    const g = mqView(h.stateOf('mq', 'mq')).groups[0];
    expect([g.dlqTopic, g.dlq.map((d) => d.key), g.consumed]).toEqual(['%DLQ%shipping', ['order-1'], 2]);
  });

  it('after a broker crash, delivers again what was consumed since the last offset flush; dedupe absorbs it', () => {
    const crash: Intervention[] = [
      { at: 3500, kind: 'crash', node: 'mq' },
      { at: 4000, kind: 'restart', node: 'mq' },
    ];
    const deduped = play('transactional-message', { interventions: crash });
    deduped.expectEvent('mq.recover', { messages: 2, half: 0 });
    expect(deduped.find('mqc.skip').map((e) => e.key).sort()).toEqual(['order-1', 'order-2']);
    deduped.expectNoViolation();
    const bare = play('transactional-message', { interventions: crash, program: { dedupe: false }, clients: ['ship'] });
    expect(bare.expectViolation('no-double-effect').message).toMatch(/^shipping shipped order-\d twice/);
  });

  it('keeps offsets flushed before the crash: nothing consumed before the flush comes again', () => {
    const h = play('transactional-message', { interventions: [{ at: 5500, kind: 'crash', node: 'mq' }, { at: 6000, kind: 'restart', node: 'mq' }], untilMs: 7000 });
    h.expectNoEvent('mqc.skip');
  });

  it('takes messages back from a consumer whose connection ended, and gives them to it again when it is back', () => {
    const h = play('transactional-message', { interventions: [{ at: 1100, kind: 'crash', node: 'ship' }, { at: 1500, kind: 'restart', node: 'ship' }] });
    h.expectEvent('mq.requeue', { consumer: 'ship', keys: ['order-1'] });
    expect(h.find('mqc.effect', { key: 'order-1' })).toHaveLength(1);
    h.expectNoViolation();
  });
});

describe('a committed message is never lost without a flag', () => {
  const node = fc.constantFrom('pay', 'mq', 'ship');
  const crash = fc.record({ node, at: fc.integer({ min: 0, max: 6000 }), downMs: fc.integer({ min: 1, max: 3000 }) });
  const cut = fc.record({ edge: fc.constantFrom('pay-mq', 'mq-ship'), at: fc.integer({ min: 0, max: 6000 }), forMs: fc.integer({ min: 1, max: 4000 }) });

  it('under random crash and partition schedules, every order paid is shipped, or flagged by message-delivered', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 }), fc.array(crash, { maxLength: 3 }), fc.array(cut, { maxLength: 2 }), (seed, crashes, cuts) => {
        const interventions: Intervention[] = [
          ...crashes.flatMap((c): Intervention[] => [
            { at: c.at, kind: 'crash', node: c.node },
            { at: c.at + c.downMs, kind: 'restart', node: c.node },
          ]),
          ...cuts.flatMap((c): Intervention[] => [
            { at: c.at, kind: 'partition', edge: c.edge },
            { at: c.at + c.forMs, kind: 'heal', edge: c.edge },
          ]),
        ].sort((a, b) => a.at - b.at);
        // Long enough for the heartbeats (30 s) and the last checks after the faults end.
        const h = play('transactional-message', { seed, interventions, untilMs: 45_000 });
        const paid = new Set(h.find('txp.local', { outcome: 'commit' }).map((e) => e.order));
        const shipped = new Set(h.find('mqc.effect').map((e) => e.key));
        const flagged = h.violations.filter((v) => v.monitor === 'message-delivered').map((v) => v.message.split(' ')[0]);
        for (const order of paid) expect(shipped.has(order) || flagged.includes(order), `${order} paid, neither shipped nor flagged`).toBe(true);
        expect(h.violations.filter((v) => v.monitor === 'no-double-effect')).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
