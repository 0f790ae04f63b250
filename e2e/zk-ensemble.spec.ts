import type { Page } from '@playwright/test';
import { builtin } from '../engine/scenario/library';
import { expect, openFromGallery, openPlayground, SHOTS, simOf, test } from './fixtures';

// The ZooKeeper ensemble (#16): zk-ensemble-failover and zk-stale-read from the gallery; the
// cards show each server's role, epoch and zxid, the quorum and the pending proposals.

const role = (page: Page, node: string) => page.getByTestId(`node-${node}`).getByTestId('zk-role');

test.describe('ZooKeeper ensemble', () => {
  test.describe.configure({ timeout: 60_000 });

  test('zk-ensemble-failover: z3 leads, crashes during the handoff; z2 leads epoch 2, the lock is granted once', async ({ page }) => {
    await openPlayground(page);
    const sim = simOf(page);
    await openFromGallery(page, 'zk-ensemble-failover');
    await sim.seek(1000);
    await expect(role(page, 'z3')).toHaveText('leading');
    await expect(role(page, 'z1')).toHaveText('following');
    await expect(page.getByTestId('node-z3').getByTestId('zk-quorum')).toContainText('quorum 2 of 3');
    await expect(page.getByTestId('node-z1').getByTestId('zk-quorum')).toContainText('leader z3');
    await page.screenshot({ path: `${SHOTS}/desktop-zk-ensemble-before.png` });
    // Just after the crash: the survivors look for a leader and serve nobody.
    await sim.seek(1450);
    await expect(role(page, 'z1')).toHaveText('looking');
    await expect(page.getByTestId('node-z1').getByTestId('zk-ensemble')).toContainText('not serving');
    await sim.seek(4000);
    await expect(role(page, 'z2')).toHaveText('leading');
    await expect(page.getByTestId('node-z2').getByTestId('zk-zxid')).toContainText('e2');
    expect(await sim.violations()).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/desktop-zk-ensemble-failover.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${SHOTS}/dark-zk-ensemble-failover.png` });
  });

  test('zk-stale-read: the reader on z1 reads v1 after the writer was told v2 is set; sync then get reads v2', async ({ page }) => {
    await openPlayground(page);
    const sim = simOf(page);
    await openFromGallery(page, 'zk-stale-read');
    await sim.seek(6000);
    await page.getByTestId('tab-log').click();
    const replies = page.getByTestId('log-entry').filter({ hasText: /reader/ });
    await expect(replies.filter({ hasText: '"v1"' }).first()).toBeVisible();
    await expect(replies.filter({ hasText: '"v2"' }).first()).toBeVisible();
    await expect(page.getByTestId('node-z1').getByTestId('zk-role')).toHaveText('following');
    await page.screenshot({ path: `${SHOTS}/desktop-zk-stale-read.png` });
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    for (const [id, t] of [
      ['zk-ensemble-failover', 1450],
      ['zk-stale-read', 3400],
      ['lock-showdown', 3000],
    ] as const) {
      test(`${id}: the ZooKeeper cards read at a glance`, async ({ page }) => {
        const sim = await openPlayground(page, `#scenario=${id}`);
        await expect(page.getByTestId('scenario-title')).toHaveText(builtin(id)!.title);
        await sim.seek(t);
        await expect(page.getByTestId(id === 'lock-showdown' ? 'node-zk1' : 'node-z1')).toBeVisible();
        await page.screenshot({ path: `${SHOTS}/phone-${id}.png` });
      });
    }
  });
});
