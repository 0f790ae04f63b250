import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Intervention } from '../../core/faults';
import { galleryEntry } from '../../testing/gallery';
import type { Harness } from '../../testing/harness';
import { play } from '../../testing/scenario';
import { committedRows } from '../../models/db/view';

const outcome = (h: Harness) => ({
  alice: committedRows(h.stateOf('pay-db', 'db'), 'accounts').alice.balance,
  widgets: committedRows(h.stateOf('stock-db', 'db'), 'inventory').widget.stock,
  orders: Object.values(committedRows(h.stateOf('order-db', 'db'), 'orders')).map((o) => `${o.id} ${o.status}`),
});

describe('saga-choreography is in the library', () => {
  it('topic transactions, notes filled in, the saga monitor attached, on the canvas', () => {
    const b = galleryEntry('saga-choreography', 'transactions', { maxX: 1000, maxY: 700 });
    expect(b.scenario.monitors).toEqual(['saga-all-or-nothing']);
  });
});

describe('saga-choreography teaches what it says', () => {
  it('events drive the steps forward, and on stock-failed the compensations backwards: refund, then cancel', () => {
    const h = play('saga-choreography');
    const order2 = h.find('choreo.event', { order: 'order-2' }).map((e) => `${e.node}: ${e.event}`);
    expect(order2).toEqual([
      'orders: order-created',
      'payment: payment-debited',
      'inventory: stock-failed',
      // payment crashed after committing the refund; the redelivered stock-failed makes it announce the refund again.
      'payment: payment-refunded',
    ]);
    h.expectEvent('choreo.end', { order: 'order-1', status: 'confirmed' });
    h.expectEvent('choreo.end', { order: 'order-2', status: 'cancelled' });
    expect(outcome(h)).toEqual({ alice: 70, widgets: 3, orders: ['order-1 confirmed', 'order-2 cancelled'] });
    h.expectNoViolation();
  });

  it('the refund committed just before payment crashed; the redelivered stock-failed is in its inbox: no second refund', () => {
    const h = play('saga-choreography');
    const crash = h.expectEvent('fault.crash', { node: 'payment' });
    const refund = h.find('db.commit', { node: 'pay-db' }).filter((c) => c.changes.some((x) => x.id === 'order-2/stock-failed'));
    expect(refund).toHaveLength(1);
    expect(refund[0].t).toBeLessThan(crash.t);
    h.expectNoEvent('choreo.step', { node: 'payment', on: 'stock-failed' });
    const dup = h.expectEvent('choreo.duplicate', { node: 'payment', order: 'order-2', on: 'stock-failed', answer: 'payment-refunded' });
    expect(dup.t).toBeGreaterThan(crash.t);
    expect(Object.keys(committedRows(h.stateOf('pay-db', 'db'), 'inbox'))).toEqual(['order-1/order-created', 'order-2/order-created', 'order-2/stock-failed']);
  });

  it('try this: without dedupe at payment, the redelivered stock-failed refunds alice twice, flagged', () => {
    const b = galleryEntry('saga-choreography', 'transactions');
    const c = b.tryThis[0].change!;
    const h = play('saga-choreography', { clients: ['payment'], program: { ...c.program!.payment }, interventions: [...c.interventions!] });
    expect(h.expectViolation('saga-all-or-nothing').message).toBe('order-1 confirmed, order-2 cancelled: alice got 40 back that was never taken');
    expect(outcome(h).alice).toBe(110);
  });

  it('try this: without the crash each event is handled once', () => {
    const h = play('saga-choreography', { interventions: [] });
    h.expectNoEvent('choreo.duplicate');
    expect(outcome(h)).toEqual({ alice: 70, widgets: 3, orders: ['order-1 confirmed', 'order-2 cancelled'] });
  });
});

const NODES = ['orders', 'payment', 'inventory', 'mq', 'order-db', 'pay-db', 'stock-db'] as const;

describe('a choreographed saga with inboxes ends all done or all undone whatever crashes', () => {
  it('over random seeds and crash schedules: every order ends confirmed or cancelled, and alice paid, and widgets left, for the confirmed ones only', () => {
    const crash = fc.record({ node: fc.constantFrom(...NODES), at: fc.integer({ min: 1500, max: 5500 }), downMs: fc.integer({ min: 50, max: 1500 }) });
    fc.assert(
      fc.property(fc.array(crash, { minLength: 1, maxLength: 2 }), fc.integer({ min: 1, max: 10_000 }), (crashes, seed) => {
        const interventions: Intervention[] = crashes.flatMap((c) => [
          { at: c.at, kind: 'crash' as const, node: c.node },
          { at: c.at + c.downMs, kind: 'restart' as const, node: c.node },
        ]);
        const h = play('saga-choreography', { seed, interventions, untilMs: 25_000 });
        expect(h.violations).toEqual([]);
        // A crash can reorder the two sagas (order-2 may get the widgets), never leave one half done.
        const orders = Object.values(committedRows(h.stateOf('order-db', 'db'), 'orders'));
        expect(orders.map((o) => o.status).sort()).toEqual(['cancelled', 'confirmed']);
        const confirmed = orders.filter((o) => o.status === 'confirmed');
        const o = outcome(h);
        expect(o.alice).toBe(100 - confirmed.reduce((n, x) => n + Number(x.amount), 0));
        expect(o.widgets).toBe(5 - confirmed.reduce((n, x) => n + Number(x.qty), 0));
      }),
      { numRuns: 40 },
    );
  });
});

describe('without the inbox the property fails', () => {
  it('some payment crash moments refund alice twice', () => {
    const broken = [4280, 4285, 4290, 4295, 4300].filter(
      (at) => play('saga-choreography', { clients: ['payment'], program: { dedupe: false }, interventions: [{ at, kind: 'crash', node: 'payment' }, { at: at + 500, kind: 'restart', node: 'payment' }] }).violations.length > 0,
    );
    expect(broken.length).toBeGreaterThan(0);
  });
});
