import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { builtin } from '../engine/scenario/library';
import { expect, openFromGallery, openPlayground, SHOTS, simOf, test } from './fixtures';

// Redis Sentinel (#16): redis-sentinel-failover-lock-loss from the gallery. The sentinel cards
// show their view of the primary (ok / sdown / odown), the epoch and vote, the failover step and
// the primary they name; the monitor flags the lock granted twice; a fault injected from the UI
// (two sentinels crashed) leaves the last one without a quorum.

const ID = 'redis-sentinel-failover-lock-loss';
const card = (page: Page, node: string) => page.getByTestId(`node-${node}`).getByTestId('sentinel');

test.describe('Redis Sentinel', () => {
  test.describe.configure({ timeout: 90_000 });

  test('the sentinels see the primary go down, elect s1, promote replica1; c2 gets the lock again', async ({ page }) => {
    await openPlayground(page);
    const sim = simOf(page);
    await openFromGallery(page, ID);
    await sim.seek(1200);
    for (const s of ['s1', 's2', 's3']) {
      await expect(card(page, s)).toHaveAttribute('data-state', 'ok');
      await expect(card(page, s).getByTestId('sentinel-primary')).toContainText('mymaster → primary');
    }
    await expect(card(page, 's1').getByTestId('sentinel-failover')).toHaveText('no failover');
    // s1 has heard from s3 (quorum 2) and leads epoch 1; s2 is still alone with its SDOWN.
    await sim.seek(2700);
    await expect(card(page, 's1')).toHaveAttribute('data-state', 'odown');
    await expect(card(page, 's2')).toHaveAttribute('data-state', 'sdown');
    await expect(card(page, 's1').getByTestId('sentinel-epoch')).toContainText('epoch 1 · vote s1@1');
    await expect(card(page, 's2').getByTestId('sentinel-epoch')).toContainText('vote s1@1');
    await sim.seek(3000);
    await expect(card(page, 's1').getByTestId('sentinel-failover')).toContainText('failover: waiting for the promotion (replica1)');
    await page.screenshot({ path: `${SHOTS}/desktop-sentinel-failover.png` });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const axe = await new AxeBuilder({ page }).include('[data-testid="node-s1"]').include('[data-testid="node-s2"]').withTags(['wcag2a', 'wcag2aa']).analyze();
      expect(axe.violations.map((v) => `${scheme} ${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await sim.seek(5000);
    for (const s of ['s1', 's2', 's3']) {
      await expect(card(page, s)).toHaveAttribute('data-primary', 'replica1');
      await expect(card(page, s).getByTestId('sentinel-epoch')).toContainText('config 1');
    }
    const v = await sim.violations();
    expect(v).toHaveLength(1);
    expect(JSON.stringify(v[0])).toContain('replica1 was promoted to primary');
    await expect(page.getByTestId('node-replica1').getByTestId('redis-role')).toHaveCount(0);
    await expect(page.getByTestId('node-replica2').getByTestId('redis-role')).toContainText('replica of replica1');
    await page.screenshot({ path: `${SHOTS}/desktop-sentinel-after.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${SHOTS}/dark-sentinel-after.png` });
  });

  test('crash two sentinels from the node menu: the last one sees SDOWN but no quorum, nobody fails over', async ({ page }) => {
    await openPlayground(page);
    const sim = simOf(page);
    await openFromGallery(page, ID);
    await sim.seek(1000);
    for (const s of ['s2', 's3']) {
      await page.getByTestId(`node-menu-${s}`).click();
      await page.getByTestId('fault-crash').click();
      // The scenario crashes the primary later: keep that fault in the new branch.
      await page.getByTestId('branch-question').getByTestId('branch-keep').click();
      await expect(page.getByTestId(`node-${s}`)).toHaveAttribute('data-status', 'crashed');
    }
    const ivs = (await sim.interventions()) as { at: number; kind: string; node?: string; by?: string }[];
    expect(ivs.map((iv) => [iv.kind, iv.node, iv.by ?? 'scenario', Math.round(iv.at)])).toEqual([
      ['crash', 'primary', 'scenario', 1400],
      ['crash', 's2', 'user', 1000],
      ['crash', 's3', 'user', 1000],
    ]);
    await sim.seek(8000);
    await expect(card(page, 's1')).toHaveAttribute('data-state', 'sdown');
    await expect(card(page, 's1')).toHaveAttribute('data-primary', 'primary');
    await expect(card(page, 's1').getByTestId('sentinel-failover')).toHaveText('no failover');
    await expect(page.getByTestId('node-replica1').getByTestId('redis-role')).toContainText('replica of primary');
    expect(await sim.violations()).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/desktop-sentinel-no-quorum.png` });
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    test('the sentinel cards read at a glance', async ({ page }) => {
      const sim = await openPlayground(page, `#scenario=${ID}`);
      await expect(page.getByTestId('scenario-title')).toHaveText(builtin(ID)!.title);
      await sim.seek(3000);
      await expect(page.getByTestId('node-s1')).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/phone-${ID}.png` });
    });
  });
});
