import { expect, openPlayground, SHOTS, test } from './fixtures';

test.describe('metrics panel', () => {
  test('lock-showdown puts the two locks side by side, live at the cursor', async ({ page }) => {
    const sim = await openPlayground(page, '#scenario=lock-showdown');
    await expect(page.getByTestId('scenario-title')).toHaveText(/showdown/i);
    await page.getByTestId('tab-metrics').click();
    await expect(page.getByText('No metrics yet')).toBeVisible();
    await sim.seek(15_000);
    const table = page.getByTestId('metrics-comparison');
    await expect(table.getByRole('columnheader', { name: 'Redis lock' })).toBeVisible();
    await expect(table.getByRole('columnheader', { name: 'ZooKeeper lock' })).toBeVisible();
    const waiting = table.getByRole('row', { name: /requests sent while waiting/ });
    const [redis, zk] = (await waiting.getByRole('cell').allTextContents()).map((t) => Number(t.replace(/,/g, '')));
    expect(redis).toBeGreaterThan(zk);
    // The note's "Redis: high concurrency, ZooKeeper: average": the busiest second's lock operations.
    const pace = (await table.getByRole('row', { name: /lock operations per second/ }).getByRole('cell').allTextContents()).map(Number);
    expect(pace[0]).toBeGreaterThan(2 * pace[1]);
    const asking = (await table.getByRole('row', { name: /acquire latency without contention \(median\)/ }).getByRole('cell').allTextContents()).map((t) => parseFloat(t));
    expect(asking[0]).toBeLessThan(asking[1]);
    await expect(table.getByRole('row', { name: /waiters woken per handoff/ }).getByRole('cell').nth(1)).toHaveText('1');
    await page.screenshot({ path: `${SHOTS}/desktop-metrics.png` });
    // Scrubbing back takes the numbers back with it.
    await sim.seek(3000);
    const early = page.locator('[data-testid="metric"][data-key="redis-lock.wait.requests"] dd');
    await expect(early).toHaveText(/^\d/);
    expect(Number((await early.textContent())!.replace(/,/g, ''))).toBeLessThan(redis);
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    test('the tabs and the table fit', async ({ page }) => {
      const sim = await openPlayground(page, '#scenario=idempotency-none');
      await sim.seek(3000);
      await page.getByTestId('tab-metrics').tap();
      await expect(page.locator('[data-testid="metric"][data-key="pay.charges"]')).toContainText('2');
      const box = (await page.getByTestId('metrics-panel').boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      await page.screenshot({ path: `${SHOTS}/phone-metrics.png`, fullPage: true });
    });
  });
});
