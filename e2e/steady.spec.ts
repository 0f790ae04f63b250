import { expect, openPlayground, SHOTS, test } from './fixtures';

test.describe('a steady layout while the run plays', () => {
  test('the tab bar and the scrubber do not move during playback, through violations', async ({ page }) => {
    const sim = await openPlayground(page, '#scenario=config-watch');
    await page.getByTestId('pause-on-violation').click();
    // Paced playback (stores/pacing.ts) gives each message ~0.6 s / speed: 100× crosses the run's violations within the sampled frames, as 5× did unpaced.
    await page.getByTestId('speed-select').selectOption('100');
    await page.getByTestId('play-button').click();
    // Sample every frame for a while in the page: where the tab bar and the scrubber are.
    const samples = await page.evaluate(
      () =>
        new Promise<{ tabs: number; x: number; w: number; t: number }[]>((resolve) => {
          const out: { tabs: number; x: number; w: number; t: number }[] = [];
          const tick = () => {
            const tabs = document.querySelector('[role="tablist"]')!.getBoundingClientRect();
            const scrub = document.querySelector('[data-testid="scrubber"]')!.getBoundingClientRect();
            out.push({ tabs: tabs.y, x: scrub.x, w: scrub.width, t: window.__sim!.time() });
            if (out.length < 150) requestAnimationFrame(tick);
            else resolve(out);
          };
          requestAnimationFrame(tick);
        }),
    );
    // The run went through its violations and many captions meanwhile.
    expect(samples.at(-1)!.t).toBeGreaterThan(1500);
    expect((await sim.violations()).filter((v) => v.t <= samples.at(-1)!.t).length).toBeGreaterThan(0);
    await expect(page.getByTestId('violation-count')).toBeVisible();
    expect(new Set(samples.map((s) => s.tabs)).size, 'tab bar y').toBe(1);
    expect(new Set(samples.map((s) => `${s.x},${s.w}`)).size, 'scrubber box').toBe(1);
    await page.screenshot({ path: `${SHOTS}/desktop-steady.png` });
  });
});
