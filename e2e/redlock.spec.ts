import type { Page } from '@playwright/test';
import { builtin } from '../engine/scenario/library';
import { expect, openFromGallery, openPlayground, SHOTS, simOf, test } from './fixtures';

const card = (page: Page, id: string) => page.getByTestId(`node-${id}`).getByTestId('client-status');

test.describe('redlock', () => {
  test('a master crashed from the fault menu does not lose the lock: the holder keeps its majority, nobody enters twice', async ({ page }) => {
    await openPlayground(page);
    const sim = simOf(page);
    await openFromGallery(page, 'redlock');

    // c2 won the second round of votes at ~0.23 s; m2 crashed at 0.3 s (the scenario's own fault).
    await sim.seek(500);
    await page.getByTestId('node-menu-m4').click();
    await page.getByTestId('fault-crash').click();
    await expect(page.getByTestId('fault-menu')).toHaveCount(0);
    await expect(page.getByTestId('node-m4')).toHaveAttribute('data-status', 'crashed');
    expect(await sim.interventions()).toEqual([
      { at: 300, kind: 'crash', node: 'm2' },
      { at: 500, kind: 'crash', node: 'm4', by: 'user' },
    ]);

    // Two of five masters are gone; c2 still holds, its card lists the masters that granted and drains the validity.
    await sim.seek(600);
    await expect(card(page, 'c2')).toHaveAttribute('data-state', 'holding');
    await expect(card(page, 'c2')).toContainText('m1 m2 m3 m4 m5 of 5');
    const bar = page.getByTestId('node-c2').getByTestId('client-lease').getByRole('progressbar');
    await expect(bar).toHaveAccessibleName('Redlock validity left');
    await page.screenshot({ path: `${SHOTS}/desktop-redlock-holding.png` });

    // The three left (m1, m3, m5) are still a majority of five: everyone gets the lock in turn.
    await sim.seek(4000);
    for (const c of ['c1', 'c2', 'c3']) await expect(card(page, c)).toHaveAttribute('data-state', 'done');
    expect(await sim.violations()).toEqual([]);
    await page.getByTestId('tab-log').click();
    await expect(page.getByTestId('log-entry').filter({ hasText: /holds lock:report: 3 of 5 masters granted \(m1, m3, m5\)/ }).first()).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/desktop-redlock-done.png` });
  });

  test('a master restarted without persistence forgets c1’s key: c2 wins a second majority and the monitor flags it', async ({ page }) => {
    await openPlayground(page);
    const sim = simOf(page);
    await openFromGallery(page, 'redlock-restart-without-persistence');
    await sim.seek(200);
    await expect(card(page, 'c1')).toContainText('m1 m2 m3 of 5');
    await sim.seek(700);
    await expect(card(page, 'c2')).toHaveAttribute('data-state', 'holding');
    await expect(card(page, 'c2')).toContainText('m3 m4 m5 of 5');
    await expect(card(page, 'c1')).toHaveAttribute('data-state', 'holding');
    const v = await sim.violations();
    expect(v).toHaveLength(1);
    expect(v[0].message).toMatch(/^c2 entered its critical section on storage/);
    await expect(page.getByTestId('node-storage').getByTestId('node-violation')).toHaveAttribute('title', /m3 had granted c1's lock, crashed at 300 ms/);
    // m3's crash is the cause the monitor names: its card carries the cause badge.
    await expect(page.getByTestId('node-m3').getByTestId('violation-role')).toHaveAttribute('data-cause', 'true');
    await page.screenshot({ path: `${SHOTS}/desktop-redlock-restart.png` });
  });

  test('a GC pause outlives the validity: c1’s bar runs out while it is frozen, c2 gets all five, c1’s late write is taken', async ({ page }) => {
    await openPlayground(page);
    const sim = simOf(page);
    await openFromGallery(page, 'redlock-gc-pause');
    await sim.seek(2200);
    await expect(page.getByTestId('node-c1')).toHaveAttribute('data-status', 'paused');
    await expect(card(page, 'c1')).toHaveAttribute('data-state', 'holding');
    await expect(page.getByTestId('node-c1').getByTestId('client-lease')).toContainText('expired');
    await expect(card(page, 'c2')).toContainText('m1 m2 m3 m4 m5 of 5');
    await expect(page.getByTestId('node-c2').getByTestId('client-lease')).not.toContainText('expired');
    expect((await sim.violations()).map((v) => v.message)).toEqual([expect.stringMatching(/^c2 entered its critical section on storage .* while c1 was frozen/)]);
    await page.screenshot({ path: `${SHOTS}/desktop-redlock-gc-pause.png` });
    await sim.seek(3400);
    await expect(page.getByTestId('node-storage')).toContainText('c1#1 done');
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

    test('the restart scenario reads on a phone', async ({ page }) => {
      const sim = await openPlayground(page, '#scenario=redlock-restart-without-persistence');
      await expect(page.getByTestId('scenario-title')).toHaveText(builtin('redlock-restart-without-persistence')!.title);
      await sim.seek(700);
      await expect(page.getByTestId('node-c2')).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/phone-redlock-restart.png` });
    });

    test('the redlock scenario reads on a phone', async ({ page }) => {
      const sim = await openPlayground(page, '#scenario=redlock');
      await sim.seek(600);
      await expect(page.getByTestId('node-c2')).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/phone-redlock.png` });
    });
  });
});
