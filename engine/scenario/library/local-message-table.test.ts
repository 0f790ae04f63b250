import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Intervention } from '../../core/faults';
import { committedRows, dbView } from '../../models/db/view';
import { galleryEntry } from '../../testing/gallery';
import type { Harness } from '../../testing/harness';
import { play } from '../../testing/scenario';

const widget = (h: Harness) => committedRows(h.stateOf('ship-db', 'db'), 'inventory').widget;
const rows = (h: Harness, db: string, table: string) => Object.values(committedRows(h.stateOf(db, 'db'), table));

describe('local-message-table is in the library', () => {
  it('topic transactions, notes filled in, no-double-effect attached, on the canvas', () => {
    for (const id of ['local-message-table', 'local-message-table-no-inbox']) {
      const b = galleryEntry(id, 'transactions', { maxX: 1400, maxY: 400 });
      expect(b.scenario.monitors).toEqual(['no-double-effect']);
    }
  });
});

describe('local-message-table teaches what it says', () => {
  it('the order row and its outbox row commit in one transaction, on the order service’s own database', () => {
    const h = play('local-message-table');
    const commit = h.expectEvent('db.commit', { node: 'order-db', client: 'orders' });
    expect(commit.changes.map((c) => `${c.table}/${c.id}`)).toEqual(['orders/order-1', 'outbox/ob-1']);
    expect(commit.changes[1].to).toMatchObject({ status: 'new', order: 'order-1' });
    // Every row ends marked sent, and the card shows both tables.
    expect(rows(h, 'order-db', 'outbox').map((r) => `${r.id} ${r.status}`)).toEqual(['ob-1 sent', 'ob-2 sent', 'ob-3 sent']);
    expect(dbView(h.stateOf('order-db', 'db')).tables.map((t) => t.name)).toEqual(['orders', 'outbox']);
  });

  it('the relay marks a row sent only after the broker has it, so its crash in between publishes ob-2 again; the inbox absorbs it', () => {
    const h = play('local-message-table');
    const acked = h.expectEvent('outbox.acked', { node: 'relay', outboxId: 'ob-2' });
    const crash = h.expectEvent('fault.crash', { node: 'relay' });
    expect(acked.t).toBeLessThan(crash.t);
    expect(h.find('outbox.sent', { outboxId: 'ob-2' }).every((e) => e.t > crash.t)).toBe(true);
    expect(h.find('outbox.publish', { outboxId: 'ob-2' })).toHaveLength(2);
    expect(h.find('mq.stored', { key: 'order-2' })).toHaveLength(2);
    const dup = h.expectEvent('inbox.duplicate', { node: 'ship', order: 'order-2', outboxId: 'ob-2' });
    expect(dup.t).toBeGreaterThan(crash.t);
    expect(h.find('inbox.effect', { order: 'order-2' })).toHaveLength(1);
    expect(widget(h)).toMatchObject({ stock: 7, shipped: 3 });
    expect(rows(h, 'ship-db', 'inbox').map((r) => r.id)).toEqual(['ob-1', 'ob-2', 'ob-3']);
    h.expectNoViolation();
  });

  it('without the inbox, the same crash ships order-2 twice, and no-double-effect says so', () => {
    const h = play('local-message-table-no-inbox');
    const v = h.expectViolation('no-double-effect');
    expect(v.message).toMatch(/^shipping shipped order-2 twice: at 2\.\d+ s and again at 3\.\d+ s/);
    expect(widget(h)).toMatchObject({ stock: 6, shipped: 4 });
    expect(committedRows(h.stateOf('ship-db', 'db'), 'inbox')).toEqual({});
  });

  it('try this: dedupe back on absorbs the duplicate; no crash, no duplicate', () => {
    const b = galleryEntry('local-message-table-no-inbox', 'transactions');
    const fixed = play('local-message-table-no-inbox', { clients: ['ship'], program: { ...b.tryThis[0].change!.program!.ship } });
    fixed.expectNoViolation();
    fixed.expectEvent('inbox.duplicate', { order: 'order-2' });
    const calm = play('local-message-table-no-inbox', { interventions: [] });
    calm.expectNoViolation();
    calm.expectNoEvent('inbox.duplicate');
    expect(calm.find('outbox.publish')).toHaveLength(3);
  });

  it('try this: a broker crash repeats messages too, and the inbox absorbs every repeat', () => {
    const b = galleryEntry('local-message-table', 'transactions');
    const h = play('local-message-table', { interventions: [...b.tryThis[2].change!.interventions!], untilMs: 6000 });
    expect(h.find('inbox.duplicate').length).toBeGreaterThan(0);
    expect(h.find('inbox.effect')).toHaveLength(3);
    expect(widget(h)).toMatchObject({ stock: 7, shipped: 3 });
    h.expectNoViolation();
  });
});

const NODES = ['orders', 'relay', 'mq', 'ship', 'order-db', 'ship-db'] as const;

describe('the outbox with an inbox never applies a message twice', () => {
  it('whatever crashes when, and for how long: each placed order ships once, stock is conserved, every row is sent', () => {
    const crash = fc.record({ node: fc.constantFrom(...NODES), at: fc.integer({ min: 500, max: 5000 }), downMs: fc.integer({ min: 50, max: 1500 }) });
    fc.assert(
      fc.property(fc.array(crash, { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 10_000 }), (crashes, seed) => {
        const interventions: Intervention[] = crashes.flatMap((c) => [
          { at: c.at, kind: 'crash' as const, node: c.node },
          { at: c.at + c.downMs, kind: 'restart' as const, node: c.node },
        ]);
        const h = play('local-message-table', { seed, interventions, untilMs: 20_000 });
        expect(h.violations).toEqual([]);
        const placed = rows(h, 'order-db', 'orders').length;
        expect(placed).toBe(3);
        expect(widget(h)).toEqual({ id: 'widget', stock: 10 - placed, shipped: placed });
        expect(rows(h, 'ship-db', 'inbox').map((r) => r.id).sort()).toEqual(['ob-1', 'ob-2', 'ob-3']);
        expect(rows(h, 'order-db', 'outbox').every((r) => r.status === 'sent')).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});

describe('without the inbox the property fails', () => {
  it('some relay crash moments ship an order twice', () => {
    const doubled = [1150, 1200, 1250, 2450, 2500, 2550].filter((at) => play('local-message-table-no-inbox', { interventions: [{ at, kind: 'crash', node: 'relay' }, { at: at + 400, kind: 'restart', node: 'relay' }] }).violations.length > 0);
    expect(doubled.length).toBeGreaterThan(1);
  });
});
