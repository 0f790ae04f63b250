import type { Page } from '@playwright/test';
import { expect, openFromGallery, openPlayground, SHOTS, simOf, test } from './fixtures';

// The message broker's built-ins, opened from the gallery, each with one fault injected from a
// card's ⋯ menu: what the broker's card and the clients' cards show, and the invariants.

/**
 * Chooses `fault` (crash, restartNode) from `node`'s ⋯ menu, at the cursor. Before a later
 * fault of the scenario the menu asks whether to keep it or drop it: `later` answers.
 */
async function fromMenu(page: Page, node: string, fault: string, later?: 'Keep it' | 'Drop it') {
  await page.getByTestId(`node-menu-${node}`).click();
  await page.getByTestId(`fault-${fault}`).click();
  if (later) await page.getByRole('button', { name: later }).click();
  await expect(page.getByTestId('fault-menu')).toHaveCount(0);
}

const broker = (page: Page) => page.getByTestId('node-mq').getByTestId('mq-state');
const group = (page: Page) => page.getByTestId('node-mq').getByTestId('mq-group');

test.describe('message broker', () => {
  // Each test seeks through up to 21 s of run and opens menus: over 30 s on this loaded 2-core machine (load 25 during the run that timed out).
  test.describe.configure({ timeout: 60_000 });

  test('transactional-message: a broker crash from the menu redelivers what was consumed since the last offset flush; shipping’s dedupe absorbs it', async ({ page }) => {
    await openPlayground(page);
    const sim = simOf(page);
    await openFromGallery(page, 'transactional-message');
    // order-2 committed locally, pay-service down: its half message waits on the broker.
    await sim.seek(2200);
    await expect(page.getByTestId('node-mq').getByTestId('mq-half')).toContainText('half order-2 · checks 0/15');
    await sim.seek(3500);
    await expect(group(page)).toHaveAttribute('data-consumed', '2');
    await fromMenu(page, 'mq', 'crash');
    await expect(page.getByTestId('node-mq')).toHaveAttribute('data-status', 'crashed');
    await sim.seek(4000);
    await fromMenu(page, 'mq', 'restartNode');
    await sim.seek(5000);
    await page.getByTestId('tab-log').click();
    await expect(page.getByTestId('log-entry').filter({ hasText: 'finds it in its table of handled messages' })).toHaveCount(2);
    await expect(broker(page)).toHaveAttribute('data-half', '0');
    expect(await sim.violations()).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/desktop-transactional-message.png` });
  });

  test('transactional-message-unknown: half messages survive a broker crash; UNKNOWN forever ends in a discard, flagged', async ({ page }) => {
    await openPlayground(page);
    const sim = simOf(page);
    await openFromGallery(page, 'transactional-message-unknown');
    await sim.seek(5000);
    await fromMenu(page, 'mq', 'crash');
    await sim.seek(5100);
    await fromMenu(page, 'mq', 'restartNode');
    await sim.seek(6500);
    await expect(page.getByTestId('node-mq').getByTestId('mq-half')).toContainText(/half order-2 · checks \d+\/15/);
    await sim.seek(21000);
    await expect(page.getByTestId('node-mq').getByTestId('mq-discarded')).toContainText('discarded: order-2');
    await expect(page.getByTestId('node-mq').getByTestId('node-violation')).toContainText('order-2 was paid at pay-service');
    await page.screenshot({ path: `${SHOTS}/desktop-transactional-message-unknown.png` });
  });

  test('transactional-message-dlq: a consumer crash from the menu does not save the failing message from the DLQ', async ({ page }) => {
    await openPlayground(page);
    const sim = simOf(page);
    await openFromGallery(page, 'transactional-message-dlq');
    await sim.seek(2000);
    await fromMenu(page, 'ship', 'crash');
    await sim.seek(2500);
    await fromMenu(page, 'ship', 'restartNode');
    await sim.seek(6500);
    await expect(page.getByTestId('node-mq').getByTestId('mq-dlq')).toContainText('%DLQ%shipping: order-1');
    const v = await sim.violations();
    expect(v.map((x) => x.message)).toEqual([expect.stringMatching(/^order-1 was paid at pay-service .* it now sits in %DLQ%shipping/)]);
    await page.screenshot({ path: `${SHOTS}/desktop-transactional-message-dlq.png` });
  });

  test('best-effort-notification: bringing the shop back early from the menu saves the orders', async ({ page }) => {
    await openPlayground(page);
    const sim = simOf(page);
    await openFromGallery(page, 'best-effort-notification');
    await sim.seek(5000);
    // The scenario's own restart at 15 s is dropped: this run branches here.
    await fromMenu(page, 'shop', 'restartNode', 'Drop it');
    await sim.seek(16000);
    await expect(page.getByTestId('node-shop').getByTestId('client-status')).toContainText('3 of 3 known paid');
    expect(await sim.violations()).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/desktop-best-effort-notification.png` });
  });

  test('best-effort-notification-query: a notifier crash from the menu loses nothing; the query-back still finds the payments', async ({ page }) => {
    await openPlayground(page);
    const sim = simOf(page);
    await openFromGallery(page, 'best-effort-notification-query');
    await sim.seek(13000);
    await expect(page.getByTestId('node-alipay').getByTestId('client-status')).toContainText('gave up on order-2, order-3');
    await fromMenu(page, 'alipay', 'crash', 'Keep it');
    await sim.seek(14000);
    await fromMenu(page, 'alipay', 'restartNode', 'Keep it');
    // The shop's first queries meet a connection alipay's crash reset; it asks again a second later.
    await sim.seek(17500);
    await expect(page.getByTestId('node-shop').getByTestId('client-status')).toContainText('3 of 3 known paid');
    expect(await sim.violations()).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/desktop-best-effort-notification-query.png` });
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

    test('the broker card reads at a glance', async ({ page }) => {
      const sim = await openPlayground(page, '#scenario=transactional-message-dlq');
      await sim.seek(4000);
      await expect(page.getByTestId('node-mq')).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/phone-transactional-message-dlq.png` });
    });
  });

  test('dark mode: the broker card with a half message, a retry and a discard', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    const sim = await openPlayground(page, '#scenario=transactional-message-unknown');
    await sim.seek(20500);
    await expect(page.getByTestId('node-mq').getByTestId('mq-discarded')).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/dark-transactional-message-unknown.png` });
  });
});
