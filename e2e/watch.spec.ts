import type { Page } from '@playwright/test';
import { builtin } from '../engine/scenario/library';
import { expect, openFromGallery, openPlayground, SHOTS, simOf, test } from './fixtures';

const WATCHERS = ['s1', 's2', 's3'];

/** Pauses `node` for `ms` from its ⋯ menu, at the cursor. */
async function pauseFromMenu(page: Page, node: string, ms: number) {
  await page.getByTestId(`node-menu-${node}`).click();
  await page.getByTestId('fault-pauseNode-value').fill(String(ms));
  await page.getByTestId('fault-pauseNode').click();
  await expect(page.getByTestId(`node-${node}`)).toHaveAttribute('data-status', 'paused');
}

const status = (page: Page, node: string) => page.getByTestId(`node-${node}`).getByTestId('client-status');
const violation = (page: Page, node: string) => page.getByTestId(`node-${node}`).getByTestId('node-violation');

test.describe('distributed watch', () => {
  test('one-shot watches: the quick second change is missed by everyone, and a watcher paused after a notification misses the next one', async ({ page }) => {
    await openPlayground(page);
    const sim = simOf(page);
    await openFromGallery(page, 'config-watch');
    await expect(page.getByTestId('tab-about')).toHaveAttribute('aria-selected', 'true');

    // v1 and v2 leave the admin 5 ms apart: the watches fire for v1, v2 lands before any re-arm.
    await sim.seek(1100);
    for (const w of WATCHERS) {
      await expect(violation(page, w)).toContainText(`${w} was never notified of the change that made /config/app version 2`);
      await expect(status(page, w)).toContainText('has v2 · 1 event');
    }
    await expect(page.locator('[data-testid="znode"][data-path="/config/app"]')).toContainText('v2');

    // As v3 is written, s2 freezes for a second: its notification waits, its watch is spent, v4 slips by.
    await sim.seek(2505);
    await pauseFromMenu(page, 's2', 1000);
    expect(await sim.interventions()).toEqual([{ at: 2505, kind: 'pause', node: 's2', durationMs: 1000, by: 'user' }]);
    await sim.seek(3200);
    await expect(violation(page, 's2')).toContainText('s2 was never notified of the change that made /config/app version 4');
    await expect(status(page, 's1')).toContainText('has v4 · 3 events');
    await page.screenshot({ path: `${SHOTS}/desktop-config-watch.png` });
    await sim.seek(4000);
    // Missed events, not stale data: its re-read after the pause returns v4.
    await expect(status(page, 's2')).toContainText('has v4 · 2 events');
    const missed = (await sim.violations()).map((v) => v.nodes[0]);
    expect(missed).toEqual(['s1', 's2', 's3', 's2']);
  });

  test('a persistent watch stays armed: the same pause misses nothing', async ({ page }) => {
    await openPlayground(page);
    const sim = simOf(page);
    await openFromGallery(page, 'config-watch-persistent');
    await sim.seek(1100);
    for (const w of WATCHERS) await expect(status(page, w)).toContainText('has v2 · 2 events');
    await sim.seek(2505);
    await pauseFromMenu(page, 's2', 1000);
    await sim.seek(4000);
    for (const w of WATCHERS) {
      await expect(status(page, w)).toContainText('has v4 · 4 events');
      await expect(violation(page, w)).toHaveCount(0);
    }
    expect(await sim.violations()).toEqual([]);
    await expect(page.locator('[data-testid="znode"][data-path="/config/app"] [data-testid="znode-watch"]')).toBeVisible();
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

    test('the watchers’ cards read at a glance', async ({ page }) => {
      const sim = await openPlayground(page, '#scenario=config-watch');
      await expect(page.getByTestId('scenario-title')).toHaveText(builtin('config-watch')!.title);
      await sim.seek(1100);
      await expect(page.getByTestId('node-s1')).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/phone-config-watch.png` });
    });
  });
});
