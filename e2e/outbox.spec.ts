import type { Page } from '@playwright/test';
import { builtin } from '../engine/scenario/library';
import { expect, openFromGallery, openPlayground, SHOTS, simOf, test } from './fixtures';

// The local message table and the XA heuristic outcome, opened from the gallery, each with one
// fault injected from a card's ⋯ menu: the outbox and inbox rows on the database cards, and
// the invariants.

/** Chooses `fault` from `node`'s ⋯ menu at the cursor; before a later fault of the scenario, `later` answers. */
async function fromMenu(page: Page, node: string, fault: string, later?: 'keep' | 'drop') {
  await page.getByTestId(`node-menu-${node}`).click();
  await page.getByTestId(`fault-${fault}`).click();
  if (later) await page.getByTestId(`branch-${later}`).click();
  await expect(page.getByTestId('fault-menu')).toHaveCount(0);
}

const row = (page: Page, db: string, table: string, id: string) => page.getByTestId(`node-${db}`).getByTestId(`db-table-${table}`).locator(`[data-testid="db-row"][data-row="${id}"]`);

test.describe('local message table and XA heuristics', () => {
  test.describe.configure({ timeout: 60_000 });

  test('local-message-table: crashing the relay from the menu between publish and mark-sent republishes ob-3; the inbox absorbs it', async ({ page }) => {
    await openPlayground(page);
    const sim = simOf(page);
    await openFromGallery(page, 'local-message-table');
    // The scenario's own crash republished ob-2, absorbed by shipping's inbox.
    await sim.seek(3750);
    await expect(row(page, 'order-db', 'outbox', 'ob-2')).toContainText('sent');
    await expect(row(page, 'ship-db', 'inbox', 'ob-2')).toContainText('order-2');
    // ob-3 is published (the broker has it) and not yet marked sent: crash the relay now.
    await expect(row(page, 'order-db', 'outbox', 'ob-3')).toContainText('new');
    await fromMenu(page, 'relay', 'crash');
    await sim.seek(4000);
    await fromMenu(page, 'relay', 'restartNode');
    await sim.seek(5000);
    await expect(row(page, 'order-db', 'outbox', 'ob-3')).toContainText('sent');
    await page.getByTestId('tab-log').click();
    await expect(page.getByTestId('log-entry').filter({ hasText: 'is already in its inbox' })).toHaveCount(2);
    await expect(row(page, 'ship-db', 'inventory', 'widget')).toContainText(/7\s*3/);
    expect(await sim.violations()).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/desktop-local-message-table.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${SHOTS}/dark-local-message-table.png` });
  });

  test('local-message-table-no-inbox: shipping ships order-2 twice, flagged; crashing shipping from the menu changes nothing about it', async ({ page }) => {
    await openPlayground(page);
    const sim = simOf(page);
    await openFromGallery(page, 'local-message-table-no-inbox');
    await sim.seek(1500);
    await fromMenu(page, 'ship', 'crash', 'keep');
    await sim.seek(1800);
    await fromMenu(page, 'ship', 'restartNode', 'keep');
    await sim.seek(5000);
    await expect(row(page, 'ship-db', 'inventory', 'widget')).toContainText(/6\s*4/);
    await expect(page.getByTestId('node-ship').getByTestId('node-violation')).toContainText('shipping shipped order-2 twice');
    const v = await sim.violations();
    expect(v.map((x) => x.message)).toEqual([expect.stringMatching(/^shipping shipped order-2 twice/)]);
    await page.screenshot({ path: `${SHOTS}/desktop-local-message-table-no-inbox.png` });
  });

  test('xa-heuristic: restarting the coordinator from the menu after the DBA’s hand commit still ends heuristic mixed', async ({ page }) => {
    await openPlayground(page);
    const sim = simOf(page);
    await openFromGallery(page, 'xa-heuristic');
    await sim.seek(6500);
    // bank-b's branch is committed by hand; bank-a's is still in doubt, alice's row locked.
    await expect(page.getByTestId('node-bank-b').locator('[data-testid="db-row"][data-row="bob"]')).toContainText('150');
    await expect(page.getByTestId('node-bank-a').locator('[data-testid="db-txn"][data-in-doubt]')).toContainText("XA 'tm-3' PREPARED · in doubt");
    await fromMenu(page, 'tm', 'restartNode', 'drop');
    await sim.seek(8000);
    const v = await sim.violations();
    expect(v.map((x) => x.message)).toContainEqual(expect.stringMatching(/^transfer tm-3 \(20 from bank-a\/alice to bank-b\/bob\): bank-a rolled back, bank-b committed: heuristic mixed/));
    await expect(page.getByTestId('node-bank-a').locator('[data-testid="db-txn"]')).toHaveCount(0);
    await page.screenshot({ path: `${SHOTS}/desktop-xa-heuristic.png` });
  });

  test('saga-choreography: crashing inventory from the menu mid-saga delays it; money and stock still come out all done or all undone', async ({ page }) => {
    await openPlayground(page);
    const sim = simOf(page);
    await openFromGallery(page, 'saga-choreography');
    // order-1 is paid: alice is down 30, inventory is about to reserve the widgets.
    await sim.seek(2100);
    await expect(row(page, 'pay-db', 'accounts', 'alice')).toContainText('70');
    await fromMenu(page, 'inventory', 'crash', 'keep');
    await sim.seek(2600);
    await fromMenu(page, 'inventory', 'restartNode', 'keep');
    await sim.seek(8000);
    await expect(row(page, 'order-db', 'orders', 'order-1')).toContainText('confirmed');
    await expect(row(page, 'order-db', 'orders', 'order-2')).toContainText('cancelled');
    await expect(row(page, 'pay-db', 'accounts', 'alice')).toContainText('70');
    await expect(row(page, 'stock-db', 'inventory', 'widget')).toContainText('3');
    await expect(row(page, 'pay-db', 'inbox', 'order-2/stock-failed')).toContainText('payment-refunded');
    await page.getByTestId('tab-log').click();
    await expect(page.getByTestId('log-entry').filter({ hasText: 'it is in its inbox, so nothing is done twice' }).first()).toBeVisible();
    expect(await sim.violations()).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/desktop-saga-choreography.png` });
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

    for (const [id, t] of [
      ['local-message-table', 3700],
      ['local-message-table-no-inbox', 4500],
      ['xa-heuristic', 8500],
      ['saga-choreography', 6000],
    ] as const) {
      test(`${id}: the database cards read at a glance`, async ({ page }) => {
        const sim = await openPlayground(page, `#scenario=${id}`);
        await expect(page.getByTestId('scenario-title')).toHaveText(builtin(id)!.title);
        await sim.seek(t);
        await expect(page.getByTestId(id === 'xa-heuristic' ? 'node-bank-b' : id === 'saga-choreography' ? 'node-pay-db' : 'node-ship-db')).toBeVisible();
        await page.screenshot({ path: `${SHOTS}/phone-${id}.png` });
      });
    }
  });
});
