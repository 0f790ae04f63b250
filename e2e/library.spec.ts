import { LIBRARY } from '../engine/scenario/library';
import { expect, openPlayground, test } from './fixtures';

test.describe('every built-in scenario', () => {
  for (const entry of LIBRARY) {
    test(`${entry.id} opens from the gallery and runs to its end`, async ({ page }) => {
      const sim = await openPlayground(page);
      await page.getByTestId('open-gallery').click();
      await page.locator(`[data-testid="gallery-entry"][data-id="${entry.id}"]`).getByRole('button', { name: /Open/ }).click();
      await expect(page.getByTestId('scenario-title')).toHaveText(entry.title);
      for (const n of entry.scenario.nodes) await expect(page.getByTestId(`node-${n.id}`)).toBeVisible();
      const end = entry.scenario.playback?.untilMs ?? 10_000;
      // Half-way, then the end: every state on the way is drawn without an error (the fixture fails on any).
      await sim.seek(end / 2);
      await expect.poll(() => sim.time()).toBe(end / 2);
      await sim.seek(end);
      await expect.poll(() => sim.time()).toBe(end);
      expect(await sim.steps()).toBeGreaterThan(0);
    });
  }
});
