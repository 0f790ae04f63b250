import type { Page } from '@playwright/test';
import { builtin } from '../engine/scenario/library';
import { expect, openFromGallery, openPlayground, SHOTS, simOf, test } from './fixtures';

const bank = (page: Page, id: string) => page.getByTestId(`node-${id}`).getByTestId('db-state');

test.describe('transactions', () => {
  test('xa-2pc: the coordinator crashes after prepare; both banks hold in-doubt branches and locked rows until it is restarted from the menu', async ({ page }) => {
    await openPlayground(page);
    const sim = simOf(page);
    await openFromGallery(page, 'xa-2pc');

    // After the crash at 4.55 s: both branches prepared, nobody holds them, rows locked; the teller waits on alice.
    await sim.seek(6000);
    for (const id of ['bank-a', 'bank-b']) {
      await expect(bank(page, id).locator('[data-testid="db-txn"][data-in-doubt]')).toContainText("XA 'tm-3' PREPARED · in doubt");
    }
    await expect(bank(page, 'bank-a').locator('[data-testid="db-row"][data-row="alice"]')).toHaveAttribute('data-locked', '3');
    await expect(bank(page, 'bank-a').locator('[data-testid="db-row"][data-row="alice"]')).toContainText('70 →50');
    await expect(bank(page, 'bank-a').getByTestId('db-wait')).toContainText('teller waits for accounts/alice');
    await page.screenshot({ path: `${SHOTS}/desktop-xa-2pc-in-doubt.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${SHOTS}/dark-xa-2pc-in-doubt.png` });
    await page.emulateMedia({ colorScheme: 'light' });

    // Restart the coordinator now, from its menu, dropping the scenario's own restart at 8 s:
    // recovery rolls tm-3 back, the teller's transfer goes through.
    await page.getByTestId('node-menu-tm').click();
    await page.getByTestId('fault-restartNode').click();
    await page.getByTestId('branch-drop').click();
    await expect(page.getByTestId('fault-menu')).toHaveCount(0);
    expect(await sim.interventions()).toEqual([
      { at: 4550, kind: 'crash', node: 'tm' },
      { at: 6000, kind: 'restart', node: 'tm', by: 'user' },
    ]);
    await sim.seek(7500);
    await expect(page.getByTestId('node-tm').getByTestId('xa-tm-state')).toContainText('1 committed · 1 rolled back');
    await expect(bank(page, 'bank-a').locator('[data-testid="db-txn"]')).toHaveCount(0);
    await expect(bank(page, 'bank-a').locator('[data-testid="db-row"][data-row="carol"]')).toContainText('10');
    await expect(bank(page, 'bank-b').locator('[data-testid="db-row"][data-row="bob"]')).toContainText('130');
    expect(await sim.violations()).toEqual([]);
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

    test('xa-2pc: the bank cards read at a glance', async ({ page }) => {
      const sim = await openPlayground(page, '#scenario=xa-2pc');
      await expect(page.getByTestId('scenario-title')).toHaveText(builtin('xa-2pc')!.title);
      await sim.seek(6000);
      await expect(page.getByTestId('node-bank-a')).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/phone-xa-2pc.png` });
    });
  });
});
