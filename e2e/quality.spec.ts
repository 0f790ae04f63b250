import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { COMMANDS } from '../components/panels/commands';
import { brokenLinkScenario, expect, openPlayground, SHOTS, test } from './fixtures';

/** Serious and critical accessibility problems axe finds on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(' | ')}`);
}

test.describe('keyboard', () => {
  test('? opens the help, which lists every command of the registry with its keys', async ({ page }) => {
    await openPlayground(page);
    await page.locator('body').press('?');
    const help = page.getByTestId('help-dialog');
    await expect(help).toBeVisible();
    await expect(help.getByTestId('help-command')).toHaveCount(COMMANDS.length);
    await expect(help.getByTestId('help-command').filter({ hasText: 'Play / Pause' })).toContainText('Space');
    await expect(help.getByTestId('help-command').filter({ hasText: 'Step back' })).toContainText('←');
    await expect(help.getByTestId('help-command').filter({ hasText: 'Redo' })).toContainText('Ctrl+Shift+Z');
    await page.screenshot({ path: `${SHOTS}/desktop-help.png` });
    // Keys do nothing else while it is open, and Escape closes it.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Escape');
    await expect(help).toHaveCount(0);
    expect(await page.evaluate(() => window.__sim!.steps())).toBe(0);
  });

  test('Space, ←, →, Home, End, V and P work from anywhere outside a field', async ({ page }) => {
    const sim = await openPlayground(page);
    expect(await sim.load(await brokenLinkScenario(page))).toEqual([]);
    const body = page.locator('body');
    await body.press('ArrowRight');
    await body.press('ArrowRight');
    await expect.poll(() => sim.steps()).toBe(2);
    await body.press('ArrowLeft');
    await expect.poll(() => sim.steps()).toBe(1);
    await body.press('v');
    await expect(page.getByTestId('caption')).toContainText('never arrived');
    await body.press('End');
    await expect.poll(() => sim.time()).toBe(4000);
    await body.press('Home');
    await expect.poll(() => sim.steps()).toBe(0);
    await body.press('p');
    await expect(page.getByTestId('pause-on-violation')).toHaveAttribute('aria-pressed', 'false');
    // Typing in a field is just typing.
    await page.getByTestId('node-c1').click();
    await page.getByTestId('inspector-label').fill('v p');
    expect(await sim.steps()).toBe(0);
  });
});

test.describe('accessibility', () => {
  // axe looks at the whole page several times per test: give it room on a busy machine.
  test.slow();

  test('the main page has no serious or critical axe violations, light and dark', async ({ page }) => {
    const sim = await openPlayground(page);
    expect(await sim.load(await brokenLinkScenario(page))).toEqual([]);
    await sim.advance(1200);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('node-redis').click();
    await expect(page.getByTestId('inspector')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('tab-faults').click();
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('the gallery, the help and the fault menu have no serious or critical axe violations', async ({ page }) => {
    await openPlayground(page);
    await page.getByTestId('open-gallery').click();
    await expect(page.getByTestId('gallery')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByTestId('open-help').click();
    await expect(page.getByTestId('help-dialog')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByTestId('node-menu-redis').click();
    await expect(page.getByTestId('fault-menu')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('reduced motion: the fit-view and messages do not animate, the time still moves', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const sim = await openPlayground(page);
    await sim.advance(30);
    const dot = page.getByTestId('msg-dot');
    const a = (await dot.boundingBox())!;
    await sim.advance(10);
    expect((await dot.boundingBox())!.x).toBe(a.x);
    expect(await sim.time()).toBe(40);
  });
});

test.describe('phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the panel is a sheet of tabs over the canvas, the controls stay on screen, and the page passes axe', async ({ page }) => {
    test.slow();
    const sim = await openPlayground(page);
    await sim.advance(1000);
    for (const id of ['play-button', 'step-back-button', 'step-button', 'speed-select', 'pause-on-violation', 'scrubber']) {
      const box = (await page.getByTestId(id).boundingBox())!;
      expect(box.y + box.height, `${id} is on screen`).toBeLessThanOrEqual(844);
      expect(box.x + box.width, `${id} is on screen`).toBeLessThanOrEqual(390);
    }
    // The panel's five tabs, and the phone's Canvas | Sequence switch.
    await expect(page.getByRole('tab')).toHaveCount(7);
    for (const tab of await page.getByRole('tab').all()) {
      const box = (await tab.boundingBox())!;
      expect(box.x + box.width, 'every panel tab fits across the phone').toBeLessThanOrEqual(390);
    }
    await page.getByTestId('node-redis').tap();
    await expect(page.getByTestId('tab-inspect')).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('inspector')).toBeVisible();
    await page.evaluate(() => document.querySelector('[data-testid="tab-inspect"]')!.scrollIntoView());
    await page.screenshot({ path: `${SHOTS}/phone-inspector.png` });
    await page.getByTestId('tab-log').tap();
    await expect(page.getByTestId('event-log')).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/phone-log.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    // Adding a component on a phone: in edit mode, the palette folds into one button.
    await expect(page.getByTestId('palette-toggle')).toHaveCount(0);
    // The raised sheet covers the canvas's buttons (the Canvas | Sequence strip sits above them): lower it first.
    await page.getByTestId('sheet-handle').tap();
    await expect(page.getByTestId('sheet-handle')).toHaveAttribute('aria-expanded', 'false');
    await page.getByTestId('edit-mode').tap();
    await page.getByTestId('palette-toggle').tap();
    await page.getByTestId('palette-zookeeper').tap();
    await expect(page.getByTestId('node-zookeeper')).toBeVisible();
  });
});
