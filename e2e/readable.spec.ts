import type { Page } from '@playwright/test';
import { LIBRARY } from '../engine/scenario/library';
import { expect, frames, openPlayground, SHOTS, test } from './fixtures';

/** Each card's key fields and the smallest size their text renders at on screen (px). */
async function keyFields(page: Page): Promise<{ id: string; fields: number; px: number }[]> {
  return page.locator('.react-flow__node').evaluateAll((els) => {
    const zoom = Number(/matrix\(([^,]+)/.exec(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform)?.[1] ?? 1);
    return els.map((el) => {
      const fields = [...el.querySelectorAll<HTMLElement>('.key-field')];
      const texts = fields.flatMap((f) => [f, ...f.querySelectorAll<HTMLElement>('*')]).filter((x) => [...x.childNodes].some((c) => c.nodeType === Node.TEXT_NODE && c.textContent!.trim() !== ''));
      const px = Math.min(...texts.map((x) => parseFloat(getComputedStyle(x).fontSize) * zoom));
      return { id: el.getAttribute('data-id') ?? '?', fields: fields.length, px: Math.round(px * 10) / 10 };
    });
  });
}

test.describe('readable at the default size', () => {
  test('at 1280 × 800 every card of every built-in has one key field, rendered at 11 px or more', async ({ page }) => {
    test.setTimeout(180_000);
    for (const entry of LIBRARY) {
      const sim = await openPlayground(page, `#scenario=${entry.id}`);
      await frames(page, 3);
      for (const at of [0, entry.scenario.playback?.untilMs ?? 10_000]) {
        await sim.seek(at);
        await frames(page, 2);
        const cards = await keyFields(page);
        expect(cards.length, entry.id).toBe(entry.scenario.nodes.length);
        for (const c of cards) {
          expect(c.fields, `${entry.id} at ${at} ms: ${c.id} has one key field`).toBe(1);
          expect(c.px, `${entry.id} at ${at} ms: ${c.id}'s key field on screen (px)`).toBeGreaterThanOrEqual(11);
        }
      }
      if (entry.id === 'session-store') await page.screenshot({ path: `${SHOTS}/desktop-key-fields.png` });
    }
  });

  test('watching needs no palette: it comes out in edit mode (A), and the side panel folds away (B)', async ({ page }) => {
    await openPlayground(page, '#scenario=config-watch');
    await expect(page.getByTestId('palette-client')).toHaveCount(0);
    await page.locator('body').press('a');
    await expect(page.getByTestId('palette-client')).toBeVisible();
    await expect(page.getByTestId('edit-mode')).toHaveAttribute('aria-pressed', 'true');
    await page.locator('body').press('a');
    await expect(page.getByTestId('palette-client')).toHaveCount(0);

    const wide = (await page.locator('.react-flow').boundingBox())!.width;
    const zoomNow = () => page.evaluate(() => Number(/matrix\(([^,]+)/.exec(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform)?.[1] ?? 1));
    const before = await zoomNow();
    await page.locator('body').press('b');
    await expect(page.getByTestId('fold-panel')).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByTestId('tab-log')).toBeHidden();
    expect((await page.locator('.react-flow').boundingBox())!.width).toBeGreaterThan(wide + 300);
    // The scenario is fitted to the wider canvas: zoomed in by 10 % at least (more when its width, not its height, bounds the fit).
    await expect.poll(zoomNow).toBeGreaterThan(before * 1.1);
    await page.screenshot({ path: `${SHOTS}/desktop-panel-folded.png` });
    await page.getByTestId('fold-panel').click();
    await expect(page.getByTestId('tab-log')).toBeVisible();
  });
});
