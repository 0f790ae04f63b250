import AxeBuilder from '@axe-core/playwright';
import { builtin } from '../engine/scenario/library';
import type { Page } from '@playwright/test';
import { expect, openPlayground, SHOTS, test } from './fixtures';

const entry = builtin('gc-pause-fencing')!;
const guide = entry.guide!;
const captions = guide.stops.map((s) => guide.text.en[s.id]);

/** Playback at 50×: the guide halts at its moments whatever the speed, so the test need not wait out the run. */
async function fast(page: Page): Promise<void> {
  for (let k = 0; k < 6; k++) await page.locator('body').press(']');
}

test.describe('guided mode', () => {
  test('steps through gc-pause-fencing: halts at each moment, highlights its node, continues on a click or N', async ({ page }) => {
    // Nine moments, each played to in real time, then the whole run again.
    test.setTimeout(90_000);
    const sim = await openPlayground(page, '#scenario=gc-pause-fencing');
    await fast(page);
    await page.getByTestId('tab-about').click();
    await page.getByTestId('guide-start').click();
    const card = page.getByTestId('guide-card');
    await expect(card).toBeVisible();
    for (let k = 0; k < captions.length; k++) {
      await expect(page.getByTestId('guide-caption')).toHaveText(captions[k], { timeout: 15_000 });
      await expect(card).toContainText(`${k + 1} of ${captions.length}`);
      expect(await sim.playing()).toBe(false);
      // Exactly one card carries the guide's highlight.
      await expect(page.locator('[data-guide-focus]')).toHaveCount(1);
      if (guide.stops[k].id === 'expired') {
        await expect(page.locator('[data-guide-focus]')).toHaveAttribute('data-testid', 'node-redis');
        await page.screenshot({ path: `${SHOTS}/desktop-guided.png` });
      }
      // The key from the registry and the button do the same.
      if (k % 2 === 0) await page.getByTestId('guide-next').click();
      else await page.locator('body').press('n');
    }
    // Past the last moment: the run plays to its end and the card offers the experiments.
    await expect(page.getByTestId('guide-caption')).toContainText('That was every moment', { timeout: 15_000 });
    const tries = card.getByTestId('try-this');
    await expect(tries).toHaveCount(entry.tryThis.filter((t) => t.change).length);
    await tries.filter({ hasText: 'Shorten the pause' }).click();
    // The change is applied and the run replays, guided: with a 1.5 s pause the lease outlives it.
    await expect(page.getByTestId('guide-caption')).toHaveText(captions[0], { timeout: 15_000 });
    expect((await sim.interventions())[0]).toMatchObject({ kind: 'pause', durationMs: 1500 });
    expect(await sim.violations()).toEqual([]);
    await page.getByTestId('guide-exit').click();
    await expect(card).toHaveCount(0);
  });

  test('T starts and leaves the tour; a scenario without a guide has no tour button', async ({ page }) => {
    await openPlayground(page, '#scenario=zk-basics');
    await page.locator('body').press('t');
    await expect(page.getByTestId('guide-caption')).toHaveText(builtin('zk-basics')!.guide!.text.en.session, { timeout: 15_000 });
    await expect(page.locator('[data-guide-focus]')).toHaveAttribute('data-testid', 'node-zk');
    await page.locator('body').press('t');
    await expect(page.getByTestId('guide-card')).toHaveCount(0);
    await openPlayground(page, '#scenario=redis-basics');
    await page.getByTestId('tab-about').click();
    await expect(page.getByRole('region', { name: 'About this scenario' })).toBeVisible();
    await expect(page.getByTestId('guide-start')).toHaveCount(0);
  });

  test('a "try this" item in the About tab applies its change and replays (undo takes it back)', async ({ page }) => {
    const sim = await openPlayground(page, '#scenario=gc-pause-fencing');
    await page.getByTestId('tab-about').click();
    await page.getByTestId('try-this').filter({ hasText: 'Turn on c1' }).click();
    await expect.poll(async () => ((await sim.scenario()) as { nodes: { id: string; params: { program?: { watchdog?: boolean } } }[] }).nodes.find((n) => n.id === 'c1')!.params.program?.watchdog).toBe(true);
    await expect.poll(() => sim.playing()).toBe(true);
    await page.locator('body').press('Control+z');
    await expect.poll(async () => ((await sim.scenario()) as { nodes: { id: string; params: { program?: { watchdog?: boolean } } }[] }).nodes.find((n) => n.id === 'c1')!.params.program?.watchdog).toBeFalsy();
  });

  for (const shot of [
    { name: 'desktop', viewport: { width: 1280, height: 800 }, dark: false },
    { name: 'phone', viewport: { width: 390, height: 844 }, dark: false },
    { name: 'dark', viewport: { width: 1280, height: 800 }, dark: true },
  ]) {
    test(`the guide card at ${shot.name}`, async ({ page }) => {
      test.setTimeout(60_000);
      await page.setViewportSize(shot.viewport);
      if (shot.dark) await page.emulateMedia({ colorScheme: 'dark' });
      await openPlayground(page, '#scenario=gc-pause-fencing');
      await fast(page);
      await page.locator('body').press('t');
      for (let k = 0; k < 5; k++) {
        await expect(page.getByTestId('guide-caption')).toHaveText(captions[k], { timeout: 15_000 });
        if (k < 4) await page.locator('body').press('n');
      }
      await page.screenshot({ path: `${SHOTS}/${shot.name}-guided-expiry.png` });
      const axe = await new AxeBuilder({ page }).include('[data-testid="guide-card"]').withTags(['wcag2a', 'wcag2aa']).analyze();
      expect(axe.violations.map((v) => v.id)).toEqual([]);
    });
  }
});
