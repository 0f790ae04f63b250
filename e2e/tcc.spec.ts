import type { Page } from '@playwright/test';
import { builtin } from '../engine/scenario/library';
import { expect, openFromGallery, openPlayground, SHOTS, simOf, test } from './fixtures';

const row = (page: Page, db: string, id: string) => page.getByTestId(`node-${db}`).locator(`[data-testid="db-row"][data-row="${id}"]`);
const coordinator = (page: Page, id = 'tc') => page.getByTestId(`node-${id}`).getByTestId('tc-state');
const gtx = (page: Page, gid: string) => coordinator(page).locator(`[data-testid="tc-gtx"][data-gid="${gid}"]`);

/** Crashes or restarts node `id` from its card's menu at the cursor, keeping the scenario's later faults. */
async function fault(page: Page, id: string, what: 'fault-crash' | 'fault-restartNode') {
  await page.getByTestId(`node-menu-${id}`).click();
  await page.getByTestId(what).click();
  const keep = page.getByTestId('branch-keep');
  if (await keep.isVisible()) await keep.click();
  await expect(page.getByTestId('fault-menu')).toHaveCount(0);
}

test.describe('TCC and Saga', () => {
  test('tcc: Try freezes alice’s 30 on bank-a; a participant crashed from its menu makes order-3’s Confirm retry until it is restarted', async ({ page }) => {
    await openPlayground(page);
    const sim = simOf(page);
    await openFromGallery(page, 'tcc');

    await sim.seek(450);
    await expect(row(page, 'bank-a', 'alice')).toContainText('70');
    await expect(row(page, 'bank-a', 'alice')).toContainText('30');
    await expect(gtx(page, 'order-1').getByTestId('tc-branch')).toHaveText([/debit alice 30.*tried/, /credit bob 30.*tried/]);
    await page.screenshot({ path: `${SHOTS}/desktop-tcc-frozen.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${SHOTS}/dark-tcc-frozen.png` });
    await page.emulateMedia({ colorScheme: 'light' });

    // order-3's Tries are done at 5.04 s; account service B crashes as its Confirm comes.
    await sim.seek(5060);
    await fault(page, 'recv', 'fault-crash');
    await sim.seek(7000);
    await expect(gtx(page, 'order-3')).toHaveAttribute('data-status', 'confirming');
    await expect(gtx(page, 'order-3').locator('[data-testid="tc-branch"]').first()).toContainText('tried');
    await expect(gtx(page, 'order-3').locator('[data-testid="tc-branch"]').nth(1)).toContainText(/retr/);
    await page.screenshot({ path: `${SHOTS}/desktop-tcc-retrying.png` });
    await fault(page, 'recv', 'fault-restartNode');
    await sim.seek(10000);
    await expect(coordinator(page)).toContainText('2 done · 1 undone');
    await expect(row(page, 'bank-b', 'bob')).toContainText('140');
    await expect(page.getByTestId('node-bank-a').getByTestId('db-table-barrier')).toContainText('order-3/01/confirm');
    expect(await sim.violations()).toEqual([]);
  });

  test('saga: account service A crashed from its menu before alice’s compensation; it is retried until A is back', async ({ page }) => {
    await openPlayground(page);
    const sim = simOf(page);
    await openFromGallery(page, 'saga');
    await sim.seek(5500);
    await fault(page, 'pay', 'fault-crash');
    await sim.seek(7500);
    await expect(gtx(page, 'order-2')).toHaveAttribute('data-status', 'compensating');
    await expect(gtx(page, 'order-2').getByTestId('tc-branch')).toHaveText([/debit alice 40.*done.*retr/, /credit bob 80.*compensated/, /debit carol 40.*compensated/]);
    await page.screenshot({ path: `${SHOTS}/desktop-saga-compensating.png` });
    await fault(page, 'pay', 'fault-restartNode');
    await sim.seek(10000);
    await expect(gtx(page, 'order-2')).toHaveAttribute('data-status', 'failed');
    await expect(row(page, 'bank-a', 'alice')).toContainText('70');
    expect(await sim.violations()).toEqual([]);
  });

  for (const [id, at, says] of [
    ['tcc-empty-rollback', 4000, /given back 30 that was never frozen/],
    ['tcc-hanging', 4000, /frozen forever after its transaction was cancelled/],
    ['tcc-duplicate-confirm', 3000, /spent twice/],
    ['saga-isolation', 2000, /spent the 80 credited by order-1/],
  ] as const) {
    test(`${id}: the broken run is flagged in the user’s terms`, async ({ page }) => {
      await openPlayground(page);
      const sim = simOf(page);
      await openFromGallery(page, id);
      await sim.seek(at);
      const v = await sim.violations();
      expect(v.some((x) => says.test(x.message))).toBe(true);
      await page.screenshot({ path: `${SHOTS}/desktop-${id}.png` });
    });
  }

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

    for (const [id, at] of [
      ['tcc', 450],
      ['tcc-hanging', 4000],
      ['saga-isolation', 2000],
    ] as const) {
      test(`${id}: the cards read at a glance`, async ({ page }) => {
        const sim = await openPlayground(page, `#scenario=${id}`);
        await expect(page.getByTestId('scenario-title')).toHaveText(builtin(id)!.title);
        await sim.seek(at);
        await expect(page.getByTestId('node-bank-a')).toBeVisible();
        await page.screenshot({ path: `${SHOTS}/phone-${id}.png` });
      });
    }
  });
});
