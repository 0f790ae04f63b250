import type { Page } from '@playwright/test';
import { builtin } from '../engine/scenario/library';
import { expect, openFromGallery, openPlayground, SHOTS, simOf, test } from './fixtures';

/** Right-clicks `node` and chooses Crash from its fault menu, at the cursor, dropping the scenario's later crash (the menu asks). */
async function crashFromMenu(page: Page, node: string) {
  await page.getByTestId(`node-${node}`).click({ button: 'right' });
  const menu = page.getByTestId('fault-menu');
  await expect(menu).toBeVisible();
  await menu.getByTestId('fault-crash').click();
  await menu.getByTestId('branch-drop').click();
  await expect(menu).toHaveCount(0);
  await expect(page.getByTestId(`node-${node}`)).toHaveAttribute('data-status', 'crashed');
}

const backend = (page: Page, id: string) => page.locator(`[data-testid="lb-backend"][data-id="${id}"]`);
const USERS = ['alice', 'bob', 'carol', 'dave'];

test.describe('sessions', () => {
  test('sessions in app memory: crashing app1 logs out the users pinned to it', async ({ page }) => {
    await openPlayground(page);
    const sim = simOf(page);
    await openFromGallery(page, 'session-store');
    await sim.seek(2000);
    // Every user is logged in; the sticky balancer put alice and carol on app1.
    await expect(page.getByTestId('node-app1').getByTestId('app-session')).toHaveCount(2);
    await expect(page.getByTestId('node-app1').locator('[data-testid="app-session"][data-user="alice"]')).toHaveCount(1);

    await crashFromMenu(page, 'app1');
    // The built-in crash at 3 s came later, and was dropped: the run branches here without it.
    const ivs = await sim.interventions();
    expect(ivs).toMatchObject([{ kind: 'crash', node: 'app1' }]);
    expect(ivs[0].at).toBeCloseTo(2000, 3);

    await sim.seek(5000);
    await expect(backend(page, 'app1')).toHaveAttribute('data-up', 'false');
    await expect(backend(page, 'app2')).toHaveAttribute('data-up', 'true');
    for (const u of ['alice', 'carol']) {
      await expect(page.getByTestId(`node-${u}`).getByTestId('client-status')).toContainText('kicked out 1×');
      await expect(page.getByTestId(`node-${u}`).getByTestId('node-violation')).toContainText("lived only in app1's memory; app1 crashed at 2000 ms");
    }
    for (const u of ['bob', 'dave']) await expect(page.getByTestId(`node-${u}`).getByTestId('client-status')).not.toContainText('kicked out');
    // They logged in again on app2, which now holds all four sessions.
    await expect(page.getByTestId('node-app2').getByTestId('app-session')).toHaveCount(4);
    // Which of them comes back first depends on their next page, now that app1 leaves at once.
    expect((await sim.violations()).map((v) => v.nodes[0]).sort()).toEqual(['alice', 'carol']);
    await page.screenshot({ path: `${SHOTS}/desktop-session-store.png` });
  });

  test('sessions in Redis: the same crash logs nobody out', async ({ page }) => {
    await openPlayground(page);
    const sim = simOf(page);
    await openFromGallery(page, 'session-store-redis');
    await sim.seek(2000);
    await expect(page.getByTestId('node-redis').locator('[data-testid="redis-key"][data-key^="spring:session:sessions:"]')).toHaveCount(4);
    await crashFromMenu(page, 'app1');

    await sim.seek(7000);
    await expect(backend(page, 'app1')).toHaveAttribute('data-up', 'false');
    for (const u of USERS) {
      await expect(page.getByTestId(`node-${u}`).getByTestId('client-status')).toHaveAttribute('data-state', 'working');
      await expect(page.getByTestId(`node-${u}`).getByTestId('client-status')).not.toContainText('kicked out');
    }
    await expect(page.getByTestId('node-redis').locator('[data-testid="redis-key"][data-key^="spring:session:sessions:"]')).toHaveCount(4);
    await expect(page.getByTestId('node-app2').getByTestId('app-stats')).toContainText('served');
    expect(await sim.violations()).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/desktop-session-store-redis.png` });
  });

  test('stateless JWT: the stolen token still works after the logout', async ({ page }) => {
    await openPlayground(page);
    const sim = simOf(page);
    await openFromGallery(page, 'session-jwt');
    await sim.seek(8000);
    await expect(page.getByTestId('node-alice').getByTestId('client-status')).toHaveAttribute('data-state', 'done');
    await expect(page.getByTestId('node-mallory').getByTestId('client-status')).toContainText(/replaying alice's t-[0-9a-f]{8}: \d+ accepted/);
    await expect(page.getByTestId('node-mallory').getByTestId('node-violation')).toContainText('a stateless JWT cannot be taken back');
    await page.screenshot({ path: `${SHOTS}/desktop-session-jwt.png` });
  });

  test('the denylist variant: the stolen token is refused from the logout on', async ({ page }) => {
    await openPlayground(page, '#scenario=session-jwt-denylist');
    const sim = simOf(page);
    await sim.seek(9000);
    await expect(page.getByTestId('node-mallory').getByTestId('client-status')).toContainText(/[1-9]\d* refused/);
    await expect(page.getByTestId('node-mallory').getByTestId('client-status')).toHaveAttribute('data-state', 'failed');
    expect(await sim.violations()).toEqual([]);
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

    test('the denylist variant: replays are refused after the logout', async ({ page }) => {
      await openPlayground(page, '#scenario=session-jwt-denylist');
      const sim = simOf(page);
      await expect(page.getByTestId('scenario-title')).toHaveText(builtin('session-jwt-denylist')!.title);
      await sim.seek(9000);
      // Four columns fit a phone only zoomed out: the cards are far cards, each with one line.
      const mallory = page.getByTestId('node-mallory');
      await expect(mallory).toHaveAttribute('data-far');
      await expect(mallory).toContainText('blocked');
      await expect(page.getByTestId('node-app1')).toContainText(/\d+ served · [1-9]\d* refused/);
      expect(await sim.violations()).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/phone-session-jwt-denylist.png` });
    });
  });
});
