import AxeBuilder from '@axe-core/playwright';
import { expect, openPlayground, SHOTS, simOf, test } from './fixtures';

/** Animation frames the page paints in one second, measured in the page. */
const framesInOneSecond = (page: import('@playwright/test').Page) =>
  page.evaluate(
    () =>
      new Promise<number>((done) => {
        let n = 0;
        const t0 = performance.now();
        const tick = () => {
          n++;
          if (performance.now() - t0 < 1000) requestAnimationFrame(tick);
          else done(n);
        };
        requestAnimationFrame(tick);
      }),
  );

test.describe('hunt: break it for me', () => {
  test('finds a failure in gc-pause-fencing, shows progress, opens the shrunk run paused at the violation, and the share link reproduces it', async ({ page, browser }) => {
    test.setTimeout(120_000);
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const sim = await openPlayground(page, '#scenario=gc-pause-fencing');
    await page.getByTestId('open-hunt').click();
    const dialog = page.getByTestId('hunt');
    await expect(dialog).toBeVisible();
    await dialog.getByTestId('hunt-distribution').click();
    await expect(dialog.getByTestId('hunt-distribution')).toContainText('log-uniform');
    await dialog.getByTestId('hunt-start').click();
    await expect(dialog.getByTestId('hunt-progress')).toBeVisible();
    const summary = dialog.getByTestId('hunt-summary');
    await expect(summary).toContainText('broke in run', { timeout: 60_000 });
    await expect(summary).toContainText('Shrunk in');
    await page.screenshot({ path: `${SHOTS}/desktop-hunt-found.png` });
    await dialog.getByTestId('hunt-open').click();
    await expect(dialog).toBeHidden();

    // Opened paused, with the cursor just past the first violation, and the faults as interventions.
    expect(await sim.playing()).toBe(false);
    const violations = await sim.violations();
    expect(violations.length).toBeGreaterThan(0);
    const time = await sim.time();
    expect(violations[0].t).toBeLessThanOrEqual(time);
    expect(time - violations[0].t).toBeLessThan(1);
    const interventions = await sim.interventions();
    expect(interventions.length).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/desktop-hunt-opened.png` });

    // The share link of the opened run gives the same run in a fresh browser.
    await page.getByTestId('open-share').click();
    const url = await page.getByTestId('share-url').inputValue();
    await page.keyboard.press('Escape');
    const context = await browser.newContext();
    const fresh = await context.newPage();
    await fresh.goto(url);
    await fresh.waitForFunction(() => window.__sim !== undefined);
    const other = simOf(fresh);
    await expect.poll(() => other.time()).toBe(time);
    expect(await other.scenario()).toEqual(await sim.scenario());
    expect(await other.violations()).toEqual(violations);
    await context.close();
    expect(errors).toEqual([]);
  });

  test('Cancel stops the workers', async ({ page }) => {
    await openPlayground(page, '#scenario=gc-pause-fencing-safe');
    // Count the hunt's workers as the page makes and ends them.
    await page.evaluate(() => {
      const W = window.Worker;
      const live = new Set<Worker>();
      (window as unknown as { __huntWorkers: () => number }).__huntWorkers = () => live.size;
      window.Worker = class extends W {
        constructor(url: string | URL, opts?: WorkerOptions) {
          super(url, opts);
          live.add(this);
        }
        terminate() {
          live.delete(this);
          super.terminate();
        }
      };
    });
    const idle = await framesInOneSecond(page);
    await page.keyboard.press('h');
    const dialog = page.getByTestId('hunt');
    await dialog.getByTestId('hunt-runs').fill('1000000');
    await dialog.getByTestId('hunt-start').click();
    await expect(dialog.getByTestId('hunt-progress')).toContainText(/[1-9][\d,]* of 1,000,000 runs/, { timeout: 30_000 });
    expect(await page.evaluate(() => (window as unknown as { __huntWorkers: () => number }).__huntWorkers())).toBeGreaterThan(0);
    // The runs happen off the main thread: the page keeps painting. (How fast depends on the
    // machine: 58 frames/s before the hunt on a loaded 2-core box, 13-19 with the dialog open and
    // one worker hunting; a hunt on the main thread would paint only between chunks of runs.)
    const hunting = await framesInOneSecond(page);
    console.log(`frames painted in 1 s: ${idle} before the hunt, ${hunting} while hunting`);
    expect(hunting).toBeGreaterThanOrEqual(5);
    await dialog.getByTestId('hunt-cancel').click();
    await expect(dialog.getByTestId('hunt-summary')).toContainText(/Cancelled after [\d,]+ runs/);
    expect(await page.evaluate(() => (window as unknown as { __huntWorkers: () => number }).__huntWorkers())).toBe(0);
    await expect(dialog.getByTestId('hunt-start')).toBeVisible();
  });

  test('phone: the dialog fits, and a safe run says what it tried', async ({ page }) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width: 390, height: 844 });
    await openPlayground(page, '#scenario=gc-pause-fencing-safe');
    await page.getByTestId('open-hunt').click();
    const dialog = page.getByTestId('hunt');
    await dialog.getByTestId('hunt-runs').fill('200');
    await dialog.getByTestId('hunt-start').click();
    await expect(dialog.getByTestId('hunt-summary')).toContainText(/200 runs, [\d,]+ faults tried, no violation/, { timeout: 60_000 });
    const axe = await new AxeBuilder({ page }).include('[data-testid="hunt"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    const box = await dialog.boundingBox();
    expect(box!.width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${SHOTS}/phone-hunt.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${SHOTS}/phone-hunt-dark.png` });
  });
});
