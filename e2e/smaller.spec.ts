import AxeBuilder from '@axe-core/playwright';
import { expect, openPlayground, SHOTS, test } from './fixtures';

test.describe('smaller things a newcomer trips over', () => {
  test('a legend says what the dots, lines, frames and marks mean (button or K; Escape closes it)', async ({ page }) => {
    await openPlayground(page);
    await page.getByTestId('legend-button').click();
    const legend = page.getByTestId('legend');
    await expect(legend).toContainText('a request');
    await expect(legend).toContainText('a reply');
    await expect(legend).toContainText('lost on the link');
    await expect(legend).toContainText('cut (a partition)');
    await expect(legend).toContainText('a fault that is part of the scenario');
    await page.screenshot({ path: `${SHOTS}/desktop-legend.png` });
    const result = await new AxeBuilder({ page }).include('[data-testid="legend"]').withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(result.violations.map((v) => v.id)).toEqual([]);
    await legend.getByRole('button', { name: 'Close the legend' }).focus();
    await page.keyboard.press('Escape');
    await expect(legend).toHaveCount(0);
    await page.locator('body').press('k');
    await expect(legend).toBeVisible();
    await page.locator('body').press('k');
    await expect(legend).toHaveCount(0);
  });

  test('Pause on violation is a plain switch until the run has a violation', async ({ page }) => {
    const sim = await openPlayground(page, '#scenario=redis-lock-unsafe-del');
    const toggle = page.getByTestId('pause-on-violation');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    // The warning sign takes the button's own colour until there is something to warn about.
    const alarm = () => toggle.evaluate((el) => getComputedStyle(el.querySelector('svg')!).color !== getComputedStyle(el).color);
    expect(await alarm()).toBe(false);
    await expect(page.getByTestId('violation-count')).toHaveCount(0);
    const v = (await sim.violations())[0];
    await sim.seekStep(v.step + 1);
    await expect(page.getByTestId('violation-count')).toHaveText('1');
    expect(await alarm()).toBe(true);
  });

  test('after the first touch, About, Faults and Embed open without a "Loading…" flash', async ({ page }) => {
    await openPlayground(page);
    // Anything that shows "Loading…" while it arrives is recorded.
    await page.evaluate(() => {
      const w = window as unknown as { flashes: number };
      w.flashes = 0;
      new MutationObserver(() => {
        if (document.body.innerText.includes('Loading…')) w.flashes++;
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    await page.getByTestId('step-button').click();
    await page.waitForLoadState('networkidle');
    await page.getByTestId('tab-about').click();
    await expect(page.getByRole('region', { name: 'About this scenario' })).toBeVisible();
    await page.getByTestId('tab-faults').click();
    await expect(page.getByRole('region', { name: 'Interventions' })).toBeVisible();
    await page.getByTestId('open-embed').click();
    await expect(page.getByTestId('embed-dialog')).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { flashes: number }).flashes)).toBe(0);
  });

  test('a violation puts a short role badge on each card involved, the sentence only in the caption and tooltips; a card keeps the last message it got', async ({ page }) => {
    const sim = await openPlayground(page, '#scenario=gc-pause-fencing');
    const v = (await sim.violations()).find((x) => x.message.includes('stale lock holder'))!;
    await sim.seekStep(v.step + 1);
    await expect(page.getByTestId('node-c1').getByTestId('violation-role')).toHaveText('✖ stale token');
    await expect(page.getByTestId('node-c2').getByTestId('violation-role')).toHaveText('✖ newer token');
    await expect(page.getByTestId('node-storage').getByTestId('violation-role')).toHaveText('✖ took stale token');
    await expect(page.getByTestId('node-storage').getByTestId('node-violation')).toHaveAttribute('title', v.message);
    // The cards stay compact: one badge line each, the sentence only for screen readers and as a tooltip.
    for (const n of ['c1', 'c2', 'storage']) expect((await page.getByTestId(`node-${n}`).getByTestId('node-violation').boundingBox())!.height).toBeLessThan(32);
    await expect(page.getByTestId('caption')).toContainText(v.message);
    await page.screenshot({ path: `${SHOTS}/desktop-violation-roles.png` });

    await openPlayground(page, '#scenario=zk-basics');
    await sim.seek(9000);
    await expect(page.getByTestId('node-observer').getByTestId('last-received')).toContainText(/8,0\d\d\.\d ms\s*zookeeper: watch: NodeChildrenChanged \/workers/);
  });
});
