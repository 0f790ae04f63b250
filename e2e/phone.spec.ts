import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { builtin } from '../engine/scenario/library';
import { expect, frames, openPlayground, SHOTS, test } from './fixtures';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

/** The cards' boxes on screen, and the part of the canvas above the lowered sheet. */
async function cardsAndRoom(page: Page) {
  return page.evaluate(() => {
    const canvas = document.querySelector('.react-flow')!.getBoundingClientRect();
    const sheet = document.querySelector('aside[aria-label="Narration and details"]')!.getBoundingClientRect();
    const cards = [...document.querySelectorAll('.react-flow__node')].map((el) => {
      const r = el.getBoundingClientRect();
      return { id: el.getAttribute('data-id')!, left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    });
    return { cards, room: { left: canvas.left, top: canvas.top, right: canvas.right, bottom: sheet.top } };
  });
}

test.describe('phone, 390 × 844', () => {
  test('the title reads in full, the lesson is a line on the canvas, the panel is a bottom sheet, and the view refits as cards grow', async ({ page }) => {
    test.slow();
    const id = 'idempotency-redis';
    const sim = await openPlayground(page, `#scenario=${id}`);
    const entry = builtin(id)!;

    // The whole title, on a row of its own, nothing cut.
    const title = page.getByTestId('scenario-title');
    await expect(title).toHaveText(entry.title);
    expect(await title.evaluate((el) => el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight + 1)).toBe(true);
    // Its row is shared only with the language switch.
    expect((await title.boundingBox())!.width).toBeGreaterThan(260);

    // What to watch for, in one line over the canvas; a tap shows all of it.
    const watch = page.getByTestId('watch-for');
    await expect(watch).toContainText(`Watch for: ${entry.watchFor.slice(0, 20)}`);
    expect((await watch.boundingBox())!.height).toBeLessThan(32);
    await watch.tap();
    await expect(watch).toHaveAttribute('aria-expanded', 'true');
    expect((await watch.boundingBox())!.height).toBeGreaterThan(40);
    await watch.tap();

    // The panel is a sheet, lowered to the caption and the tabs; the cards fit above it.
    const handle = page.getByTestId('sheet-handle');
    await expect(handle).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByTestId('caption')).toBeVisible();
    await expect(page.getByTestId('tab-log')).toBeVisible();
    await expect(page.getByTestId('event-log')).toBeHidden();
    const inside = async (when: string) => {
      const { cards, room } = await cardsAndRoom(page);
      for (const c of cards) {
        expect(c.top, `${when}: ${c.id} top`).toBeGreaterThanOrEqual(room.top - 1);
        expect(c.bottom, `${when}: ${c.id} above the sheet`).toBeLessThanOrEqual(room.bottom + 1);
        expect(c.left, `${when}: ${c.id} left`).toBeGreaterThanOrEqual(room.left - 1);
        expect(c.right, `${when}: ${c.id} right`).toBeLessThanOrEqual(room.right + 1);
      }
    };
    await frames(page, 3);
    await inside('at the start');
    await page.screenshot({ path: `${SHOTS}/phone-start.png` });

    // Cards grow as the run goes on (keys, answers, in-progress work): the view fits them again.
    await sim.seek(entry.scenario.playback!.untilMs!);
    await frames(page, 4);
    await inside('at the end');
    await page.screenshot({ path: `${SHOTS}/phone-end.png` });

    // A tab raises the sheet; its handle lowers it.
    await page.getByTestId('tab-about').tap();
    await expect(handle).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByRole('region', { name: 'About this scenario' })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/phone-sheet-raised.png` });
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await handle.tap();
    await expect(handle).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByRole('region', { name: 'About this scenario' })).toBeHidden();

    // Dark, as a phone at night shows it.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${SHOTS}/phone-dark.png` });
  });
});
