import { expect, openPlayground, SHOTS, test } from './fixtures';

test.describe('gallery', () => {
  test('lists the library by topic with what to watch for and what to try; opening one loads it', async ({ page }) => {
    const sim = await openPlayground(page);
    await sim.advance(500);
    await page.getByTestId('open-gallery').click();
    const gallery = page.getByTestId('gallery');
    await expect(gallery).toBeVisible();
    await expect(gallery.getByRole('heading', { name: 'Basics' })).toBeVisible();
    const zk = gallery.locator('[data-testid="gallery-entry"][data-id="zk-basics"]');
    await expect(zk).toContainText('ZooKeeper: ephemeral znodes and a watch');
    await expect(zk).toContainText('Watch for:');
    await expect(zk).toContainText('Try this:');
    await expect(zk.locator('li')).toHaveCount(3);
    await expect(gallery.locator('[data-testid="gallery-entry"][data-id="redis-basics"]')).toContainText('open now');
    await page.screenshot({ path: `${SHOTS}/desktop-gallery.png` });

    await zk.getByRole('button', { name: /Open/ }).click();
    await expect(gallery).toHaveCount(0);
    await expect(page.getByTestId('scenario-title')).toHaveText('ZooKeeper: ephemeral znodes and a watch');
    await expect(page.getByTestId('node-zk')).toBeVisible();
    await expect(page.getByTestId('node-worker')).toBeVisible();
    expect(await sim.time()).toBe(0);
    expect(page.url()).toContain('#scenario=zk-basics');
    // The scenario's notes are shown, and its own interventions are on the timeline.
    await expect(page.getByTestId('tab-about')).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel', { name: 'About' }).getByText('The observer is told (NodeChildrenChanged)')).toBeVisible();
    await expect(page.getByTestId('timeline-intervention')).toHaveCount(1);
    await sim.advance(2000);
    await expect(page.locator('[data-testid="znode"][data-path="/workers"]')).toBeVisible();
  });

  test('G opens it, Escape closes it, and a link to a scenario opens that scenario', async ({ page }) => {
    await openPlayground(page, '#scenario=zk-basics');
    await expect(page.getByTestId('scenario-title')).toHaveText('ZooKeeper: ephemeral znodes and a watch');
    await page.locator('body').press('g');
    await expect(page.getByTestId('gallery')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('gallery')).toHaveCount(0);
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

    test('the gallery fits the screen', async ({ page }) => {
      await openPlayground(page);
      await page.getByTestId('open-gallery').tap();
      const box = (await page.getByTestId('gallery').boundingBox())!;
      expect(box.width).toBeLessThanOrEqual(390);
      await page.screenshot({ path: `${SHOTS}/phone-gallery.png` });
    });
  });
});
