import type { Page } from '@playwright/test';
import { expect, frames, openPlayground, SHOTS, test } from './fixtures';

/** Opens node `id`'s fault menu with a right-click. */
async function menuOf(page: Page, id: string) {
  await page.getByTestId(`node-${id}`).click({ button: 'right' });
  const menu = page.getByTestId('fault-menu');
  await expect(menu).toBeVisible();
  return menu;
}

test.describe("a visitor's fault and the scenario's own", () => {
  test("pausing ZooKeeper before the scenario's crash asks first, and Keep keeps the crash, shown apart", async ({ page }) => {
    const sim = await openPlayground(page, '#scenario=zk-basics');
    await sim.seek(2750);
    const menu = await menuOf(page, 'zk');
    await expect(menu.getByTestId('fault-at')).toHaveValue('2750');
    await menu.getByTestId('fault-pauseNode-value').fill('500');
    await menu.getByTestId('fault-pauseNode').click();
    // Nothing happened yet: the menu names what a branch would drop and asks.
    const question = menu.getByTestId('branch-question');
    await expect(question.getByTestId('branch-later')).toHaveText(/3,000\.0 ms\s*crash worker\s*scenario/);
    await expect(question.getByTestId('branch-keep')).toBeFocused();
    expect(await sim.interventions()).toEqual([{ at: 3000, kind: 'crash', node: 'worker' }]);
    await page.screenshot({ path: `${SHOTS}/desktop-branch-question.png` });
    await question.getByTestId('branch-keep').click();
    await expect(menu).toHaveCount(0);

    const ivs = await sim.interventions();
    expect(ivs).toHaveLength(2);
    expect(ivs).toContainEqual({ at: 3000, kind: 'crash', node: 'worker' });
    expect(ivs.find((iv) => iv.kind === 'pause')).toMatchObject({ node: 'zk', durationMs: 500, by: 'user' });
    await expect(page.getByTestId('node-zk')).toHaveAttribute('data-status', 'paused');
    // The lesson still happens: the worker crashes at 3 s.
    await sim.seek(3100);
    await expect(page.getByTestId('node-worker')).toHaveAttribute('data-status', 'crashed');

    await page.getByTestId('tab-faults').click();
    await expect(page.getByTestId('scenario-interventions').getByTestId('intervention')).toHaveText([/3,000\.0 ms\s*crash worker/]);
    await expect(page.getByTestId('user-interventions').getByTestId('intervention')).toHaveText([/2,750\.0 ms\s*pause zookeeper for 500 ms/]);
    await expect(page.locator('[data-testid="timeline-intervention"][data-by="scenario"]')).toHaveCount(1);
    await expect(page.locator('[data-testid="timeline-intervention"][data-by="user"]')).toHaveCount(1);
    await page.screenshot({ path: `${SHOTS}/desktop-faults-tab.png` });
  });

  test('Drop names what it dropped, and a dropped fault can be restored; Cancel changes nothing', async ({ page }) => {
    const sim = await openPlayground(page, '#scenario=redis-lock-polling');
    await sim.seek(1000);
    let menu = await menuOf(page, 'c1');
    await menu.getByTestId('fault-crash').click();
    await menu.getByTestId('branch-cancel').click();
    await expect(menu.getByTestId('branch-question')).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(menu).toHaveCount(0);
    expect(await sim.interventions()).toEqual([{ at: 1300, kind: 'crash', node: 'c2' }]);

    menu = await menuOf(page, 'c1');
    await menu.getByTestId('fault-crash').click();
    await menu.getByTestId('branch-drop').click();
    await expect(page.getByTestId('notice')).toContainText('The run branches here without: crash c2 at 1,300.0 ms.');
    expect(await sim.interventions()).toEqual([{ at: 1000, kind: 'crash', node: 'c1', by: 'user' }]);

    await page.getByTestId('tab-faults').click();
    const aside = page.getByTestId('dropped-interventions');
    await expect(aside.getByTestId('dropped-intervention')).toHaveText([/1,300\.0 ms\s*crash c2/]);
    await aside.getByTestId('restore-intervention').click();
    await expect(aside).toHaveCount(0);
    await expect(page.getByTestId('scenario-interventions').getByTestId('intervention')).toHaveText([/1,300\.0 ms\s*crash c2/]);
    const ivs = await sim.interventions();
    expect(ivs).toContainEqual({ at: 1300, kind: 'crash', node: 'c2' });
    expect(ivs).toHaveLength(2);
  });

  test('time stands still while the fault menu is open; the fault lands at the time the menu shows, which can be changed', async ({ page }) => {
    const sim = await openPlayground(page);
    await page.getByTestId('play-button').click();
    // Paced playback spends ~0.6 s of wall time on each message crossing at 1×: that it moves is enough.
    await expect.poll(() => sim.time()).toBeGreaterThan(0);
    const menu = await menuOf(page, 'redis');
    const t = await sim.time();
    await frames(page, 30);
    expect(await sim.time()).toBe(t);
    expect(await sim.playing()).toBe(true);
    await expect(menu.getByTestId('fault-at')).toHaveValue(String(Math.round(t * 10) / 10));
    await expect(menu.getByTestId('fault-at-when')).toHaveText('now');

    await menu.getByTestId('fault-at').fill('99999');
    await expect(menu.getByTestId('fault-crash')).toBeDisabled();
    await menu.getByTestId('fault-at').fill(String(Math.ceil(t) + 1000));
    await expect(menu.getByTestId('fault-at-when')).toContainText('later');
    await menu.getByTestId('fault-crash').click();
    await expect(menu).toHaveCount(0);
    expect(await sim.interventions()).toEqual([{ at: Math.ceil(t) + 1000, kind: 'crash', node: 'redis', by: 'user' }]);
    // It lands later, when the run gets there.
    await expect(page.getByTestId('node-redis')).toHaveAttribute('data-status', 'up');
    await sim.seek(Math.ceil(t) + 1001);
    await expect(page.getByTestId('node-redis')).toHaveAttribute('data-status', 'crashed');

    // Closed, the run moves again.
    await sim.play();
    await menuOf(page, 'c1');
    await page.keyboard.press('Escape');
    const after = await sim.time();
    await expect.poll(() => sim.time()).toBeGreaterThan(after);
  });
});
