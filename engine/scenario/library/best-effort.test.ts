import { describe, expect, it } from 'vitest';
import { galleryEntry } from '../../testing/gallery';
import { play } from '../../testing/scenario';

describe('best-effort notification', () => {
  it('are gallery entries under transactions', () => {
    for (const id of ['best-effort-notification', 'best-effort-notification-query', 'transactional-message', 'transactional-message-unknown', 'transactional-message-dlq']) galleryEntry(id, 'transactions', { maxX: 700, maxY: 400 });
  });

  it('retries on Alipay’s schedule, scaled down 10,000 times, and gives up after 8 tries', () => {
    const h = play('best-effort-notification');
    expect(h.find('notify.failed', { order: 'order-2' }).map((e) => e.retryInMs)).toEqual([24, 60, 60, 360, 720, 2160, 5400, null]);
    h.expectEvent('notify.giveup', { order: 'order-2', attempts: 8 });
    expect(h.expectViolation('paid-order-known').message).toMatch(/^order-2 was paid at alipay at 1.6 s but shop never heard of it and closed it as unpaid: alipay gave up after 8 notifications/);
  });

  it('lets the receiver’s query-back find the payments every notification missed', () => {
    const h = play('best-effort-notification-query');
    expect(h.find('recv.effect', { via: 'query' }).map((e) => e.order)).toEqual(['order-2', 'order-3']);
    h.expectNoViolation();
  });

  it('credits twice without dedupe when a slow answer makes the notifier call again; dedupe absorbs it', () => {
    const bare = play('best-effort-notification-query', { program: { processMs: 400, dedupe: false }, clients: ['shop'] });
    expect(bare.expectViolation('no-double-effect').message).toMatch(/^shop credited order-1 twice/);
    const deduped = play('best-effort-notification-query', { program: { processMs: 400 }, clients: ['shop'] });
    deduped.expectEvent('recv.skip', { order: 'order-1' });
    deduped.expectNoViolation();
  });

  it('asks again when a query is lost with its connection (alipay crashed and came back meanwhile)', () => {
    const h = play('best-effort-notification-query', {
      interventions: [
        { at: 1000, kind: 'crash', node: 'shop' },
        { at: 13000, kind: 'crash', node: 'alipay' },
        { at: 14000, kind: 'restart', node: 'alipay' },
        { at: 15000, kind: 'restart', node: 'shop' },
      ],
    });
    expect(h.find('recv.query', { order: 'order-2' }).length).toBeGreaterThanOrEqual(2);
    expect(h.find('recv.effect', { via: 'query' }).map((e) => e.order)).toEqual(['order-2', 'order-3']);
    h.expectNoViolation();
  });

  it('closes an overdue order at the platform before closing it at the shop, so a late payment is refused, not lost (found by the hunt)', () => {
    // The shop gives up on orders after 2 s; alipay freezes from 1.65 s to 5 s, before order-3 is
    // paid (due at 3.1 s). The shop's query-and-close reaches alipay before that payment does.
    const h = play('best-effort-notification-query', {
      program: { orderTimeoutMs: 2000 },
      clients: ['shop'],
      interventions: [{ at: 1650, kind: 'pause', node: 'alipay', durationMs: 3350 }],
    });
    h.expectEvent('notify.queried', { order: 'order-3', paid: false, closed: true });
    h.expectEvent('notify.refused', { order: 'order-3' });
    h.expectEvent('recv.close', { order: 'order-3' });
    h.expectNoEvent('notify.paid', { order: 'order-3' });
    h.expectNoViolation();
  });
});
