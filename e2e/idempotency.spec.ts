import type { Page } from '@playwright/test';
import { builtin } from '../engine/scenario/library';
import { expect, openFromGallery, openPlayground, SHOTS, simOf, test } from './fixtures';

/** Chooses `fault` (crash, restartNode) from `node`'s ⋯ menu, at the cursor. */
async function fromMenu(page: Page, node: string, fault: string) {
  await page.getByTestId(`node-menu-${node}`).click();
  await page.getByTestId(`fault-${fault}`).click();
  await expect(page.getByTestId('fault-menu')).toHaveCount(0);
}

const payments = (page: Page) => page.getByTestId('node-payments').getByTestId('payments-state');
const shop = (page: Page) => page.getByTestId('node-c1').getByTestId('client-status');

test.describe('idempotency', () => {
  test('without a key, the retry of a slow payment is charged again', async ({ page }) => {
    await openPlayground(page);
    const sim = simOf(page);
    await openFromGallery(page, 'idempotency-none');
    await sim.seek(3000);
    await expect(payments(page)).toHaveAttribute('data-charges', '2');
    await expect(page.getByTestId('node-payments').getByTestId('payments-charges')).toContainText('order-42 charged twice');
    await expect(page.getByTestId('node-payments').getByTestId('node-violation')).toContainText('order-42 was charged twice by payments');
    await expect(shop(page)).toHaveAttribute('data-state', 'done');
    await page.screenshot({ path: `${SHOTS}/desktop-idempotency-none.png` });
  });

  test('with a key in Redis, a crash mid-charge leaves the key in progress until it expires; then one charge', async ({ page }) => {
    await openPlayground(page);
    const sim = simOf(page);
    await openFromGallery(page, 'idempotency-redis');

    // The service stalls, the shop retries and is told 409: the first attempt is still running.
    await sim.seek(1500);
    await expect(page.getByTestId('node-payments').getByTestId('payments-in-progress')).toContainText('charging order-42');
    await fromMenu(page, 'payments', 'crash');
    await expect(page.getByTestId('node-payments')).toHaveAttribute('data-status', 'crashed');
    await sim.seek(2000);
    await fromMenu(page, 'payments', 'restartNode');
    expect(await sim.interventions()).toEqual([
      { at: 25, kind: 'pause', node: 'payments', durationMs: 1300 },
      { at: 1500, kind: 'crash', node: 'payments', by: 'user' },
      { at: 2000, kind: 'restart', node: 'payments', by: 'user' },
    ]);

    // Restarted with nothing in memory: the key still says pending, so the retry gets 409 again.
    await sim.seek(2950);
    await expect(shop(page)).toHaveAttribute('data-state', 'waiting');
    await expect(shop(page)).toContainText('409 in progress');
    await expect(payments(page)).toHaveAttribute('data-charges', '0');
    await expect(page.getByTestId('node-redis')).toContainText('idem:order-42');
    await page.screenshot({ path: `${SHOTS}/desktop-idempotency-crash.png` });

    // The claim's 3 s TTL runs out; the next retry takes the payment over and charges once.
    await sim.seek(4000);
    await expect(shop(page)).toHaveAttribute('data-state', 'done');
    await expect(shop(page)).toContainText('paid ch_1');
    await expect(payments(page)).toHaveAttribute('data-charges', '1');
    await page.getByTestId('tab-log').click();
    await expect(page.getByTestId('log-entry').filter({ hasText: 'the earlier in-progress marker has expired' })).toHaveCount(1);
    // checkout-2 reused the key for another order and was refused.
    await expect(page.getByTestId('node-c2').getByTestId('client-status')).toHaveAttribute('data-state', 'failed');
    expect(await sim.violations()).toEqual([]);
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

    test('the payment service card reads at a glance', async ({ page }) => {
      const sim = await openPlayground(page, '#scenario=idempotency-none');
      await expect(page.getByTestId('scenario-title')).toHaveText(builtin('idempotency-none')!.title);
      await sim.seek(3000);
      await expect(page.getByTestId('node-payments')).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/phone-idempotency-none.png` });
    });
  });
});
