import type { Page } from '@playwright/test';
import { expect, openFromGallery, openPlayground, SHOTS, simOf, test } from './fixtures';

const FAMILIES = ['2PC', 'TCC', 'Saga', 'Tx message'];

/** The comparison row named `label`, as numbers in the order 2PC, TCC, Saga, Tx message. */
async function rowValues(page: Page, label: RegExp): Promise<number[]> {
  const row = page.getByTestId('metrics-comparison').getByRole('row', { name: label });
  return (await row.getByRole('cell').allTextContents()).map((t) => Number(t.replace(/,/g, '')));
}

/**
 * Crashes or restarts node `id` from its fault menu at the cursor (opened with M on the focused
 * card, which works zoomed out too, where cards show no menu button), keeping the scenario's later faults.
 */
async function fault(page: Page, id: string, what: 'fault-crash' | 'fault-restartNode') {
  await page.locator(`.react-flow__node[data-id="${id}"]`).focus();
  await page.keyboard.press('m');
  await page.getByTestId(what).click();
  const keep = page.getByTestId('branch-keep');
  if (await keep.isVisible()) await keep.click();
  await expect(page.getByTestId('fault-menu')).toHaveCount(0);
}

test.describe('tx-showdown', () => {
  test('the four patterns side by side: what bank-b’s crash costs each of them', async ({ page }) => {
    await openPlayground(page);
    const sim = simOf(page);
    await openFromGallery(page, 'tx-showdown');
    await sim.seek(8000);
    await page.getByTestId('tab-metrics').click();
    const table = page.getByTestId('metrics-comparison');
    for (const name of FAMILIES) await expect(table.getByRole('columnheader', { name, exact: true })).toBeVisible();
    // Only TCC freezes money; 2PC's branches commit together; 2PC and TCC undid what the crash caught.
    expect((await rowValues(page, /money frozen/)).map((v) => v > 0)).toEqual([false, true, false, false]);
    expect((await rowValues(page, /accounts not adding up/))[0]).toBe(0);
    const undone = await rowValues(page, /transfers undone/);
    expect(undone[0]).toBeGreaterThan(0);
    expect(undone[1]).toBeGreaterThan(0);
    expect(undone.slice(2)).toEqual([0, 0]);
    await page.screenshot({ path: `${SHOTS}/desktop-tx-showdown.png` });
    expect(await sim.violations()).toEqual([]);
  });

  test('2PC’s coordinator crashed from its menu after PREPARE: bank rows stay locked in doubt until it restarts', async ({ page }) => {
    await openPlayground(page);
    const sim = simOf(page);
    await openFromGallery(page, 'tx-showdown');
    // tm-2 is prepared on both banks at 940 ms; the decision would come at 960.
    await sim.seek(950);
    await fault(page, 'tm', 'fault-crash');
    // bank-b crashes at 1 s as the scenario has it and comes back at 2 s with its prepared
    // branch (a full card lists it "in doubt"; zoomed out, its one line says so).
    await sim.seek(1800);
    await expect(page.getByTestId('node-a-2pc')).toContainText('in doubt');
    await expect(page.getByTestId('node-b-2pc')).toHaveAttribute('data-status', 'crashed');
    await sim.seek(2500);
    for (const db of ['a-2pc', 'b-2pc']) await expect(page.getByTestId(`node-${db}`)).toContainText('in doubt');
    await page.screenshot({ path: `${SHOTS}/desktop-tx-showdown-in-doubt.png` });
    await fault(page, 'tm', 'fault-restartNode');
    await sim.seek(8000);
    for (const db of ['a-2pc', 'b-2pc']) await expect(page.getByTestId(`node-${db}`)).not.toContainText('in doubt');
    await page.getByTestId('tab-metrics').click();
    await expect(page.getByTestId('metrics-comparison').getByRole('row', { name: /row locks held/ })).toBeVisible();
    // tm-2's two rows were locked from 860 ms until the restarted coordinator rolled it back.
    expect((await rowValues(page, /row locks held/))[0]).toBeGreaterThan(2500);
    expect(await sim.violations()).toEqual([]);
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    test('the four-column table fits', async ({ page }) => {
      const sim = await openPlayground(page, '#scenario=tx-showdown');
      await page.screenshot({ path: `${SHOTS}/phone-tx-showdown-canvas.png` });
      await sim.seek(8000);
      await page.getByTestId('tab-metrics').tap();
      const table = page.getByTestId('metrics-comparison');
      for (const name of FAMILIES) await expect(table.getByRole('columnheader', { name, exact: true })).toBeVisible();
      const panel = (await page.getByTestId('metrics-panel').boundingBox())!;
      const box = (await table.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(panel.x + panel.width + 0.5);
      await page.screenshot({ path: `${SHOTS}/phone-tx-showdown-metrics.png`, fullPage: true });
    });
  });
});
