import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openPlayground, SHOTS, test } from './fixtures';

/** Every pair of cards on the canvas that overlap, by their boxes on screen. */
async function overlapping(page: Page): Promise<string[]> {
  const boxes = await page.locator('.react-flow__node').evaluateAll((els) => els.map((el) => ({ id: el.getAttribute('data-id'), r: el.getBoundingClientRect() })));
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i].r;
      const b = boxes[j].r;
      if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) out.push(`${boxes[i].id}/${boxes[j].id}`);
    }
  }
  return out;
}

/** WCAG contrast ratio of two CSS colours, as Chromium computes them (rgb() or, for Tailwind 4's, lab()). */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const n = (c.match(/-?[\d.]+/g) ?? []).map(Number);
    // CIE L* to relative luminance Y (the a/b axes do not change Y).
    if (c.startsWith('lab(')) return n[0] > 8 ? ((n[0] + 16) / 116) ** 3 : n[0] / 903.3;
    const [r, g, bl] = n.slice(0, 3).map((v) => {
      const x = v / 255;
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

test.describe('building your own', () => {
  test('a Blank scenario from the gallery; palette clicks place each card in free space; the title says it was edited', async ({ page }) => {
    const sim = await openPlayground(page);
    await page.getByTestId('open-gallery').click();
    await page.getByTestId('open-blank').click();
    await expect.poll(async () => ((await sim.scenario()) as { nodes: unknown[]; title: string }).title).toBe('Blank scenario');
    expect(((await sim.scenario()) as { nodes: unknown[] }).nodes).toEqual([]);
    await expect(page.getByTestId('scenario-edited')).toHaveCount(0);
    // Edit mode is on: the palette is out.
    for (const type of ['client', 'redis', 'redis', 'client']) {
      const before = await page.locator('.react-flow__node').count();
      await page.getByTestId(`palette-${type}`).click();
      await expect(page.locator('.react-flow__node')).toHaveCount(before + 1);
      // The new card is measured before it is compared.
      await expect.poll(() => overlapping(page)).toEqual([]);
    }
    await expect(page.getByTestId('scenario-edited')).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/desktop-blank-built.png` });
  });

  test('dark mode: a paused card’s greyed row and the inspector’s checkboxes pass axe', async ({ page }) => {
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme: 'dark' });
    const sim = await openPlayground(page, '#scenario=gc-pause-fencing');
    await sim.seek(1000);
    await expect(page.getByTestId('node-c1')).toHaveAttribute('data-status', 'paused');
    const card = await new AxeBuilder({ page }).include('[data-testid="node-c1"]').withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(card.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
    await page.getByTestId('node-storage').click();
    await page.getByTestId('tab-inspect').click();
    const checkbox = page.getByTestId('inspector').locator('input[type="checkbox"]').first();
    await expect(checkbox).toBeVisible();
    // A checked box is filled with the accent colour: against the dark panel it needs 3:1 (WCAG 1.4.11).
    const [accent, panel] = await checkbox.evaluate((el) => {
      let bg = 'rgba(0, 0, 0, 0)';
      for (let p: Element | null = el; p && /rgba\(0, 0, 0, 0\)|transparent/.test(bg); p = p.parentElement) bg = getComputedStyle(p).backgroundColor;
      return [getComputedStyle(el).accentColor, bg];
    });
    expect(contrast(accent, panel), `${accent} on ${panel}`).toBeGreaterThanOrEqual(3);
    await page.screenshot({ path: `${SHOTS}/dark-paused-card.png` });
  });
});
