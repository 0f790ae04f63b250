import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, SHOTS, test } from './fixtures';

/** The scripts out/index.html lists: the page's own. Every other script is the playground's. */
function listedScripts(): Set<string> {
  const html = readFileSync('out/index.html', 'utf8');
  return new Set([...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]));
}

/**
 * Holds back every script the HTML does not list (the playground's code) until `release()`,
 * then lets it through, or fails it when `fail` is set; `held` lists what was asked for.
 */
async function holdPlayground(page: Page, fail = false): Promise<{ release: () => void; held: string[] }> {
  const listed = listedScripts();
  const held: string[] = [];
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/_next/static/**/*.js', async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (listed.has(path)) return route.continue();
    held.push(path);
    await gate;
    return fail ? route.abort() : route.continue();
  });
  return { release, held };
}

const frame = (page: Page) => page.locator('#first-frame');

/**
 * How many pixels differ (any channel by more than a rounding step) between two screenshots of
 * the same size, counted in the page: the browser decodes PNGs, so no image library is needed.
 */
function differingPixels(page: Page, a: Buffer, b: Buffer): Promise<number> {
  return page.evaluate(
    async ([a64, b64]) => {
      const pixels = async (b64: string) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const img = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const g = new OffscreenCanvas(img.width, img.height).getContext('2d')!;
        g.drawImage(img, 0, 0);
        return g.getImageData(0, 0, img.width, img.height).data;
      };
      const [pa, pb] = await Promise.all([pixels(a64), pixels(b64)]);
      if (pa.length !== pb.length) return Infinity;
      let n = 0;
      for (let i = 0; i < pa.length; i += 4) {
        if (Math.abs(pa[i] - pb[i]) > 2 || Math.abs(pa[i + 1] - pb[i + 1]) > 2 || Math.abs(pa[i + 2] - pb[i + 2]) > 2) n++;
      }
      return n;
    },
    [a.toString('base64'), b.toString('base64')] as const,
  );
}

/**
 * Opens `/` with the playground held back, screenshots the frame, lets the playground in and
 * screenshots its first paint; returns how many pixels differ. Both shots are kept as
 * `first-frame-<name>.png` and `first-frame-<name>-then-app.png`.
 */
async function frameThenApp(page: Page, name: string): Promise<number> {
  const { release } = await holdPlayground(page);
  await page.goto('/');
  await expect(frame(page).locator('.react-flow__node').first()).toBeVisible();
  const before = await page.screenshot({ path: `${SHOTS}/first-frame-${name}.png` });
  const classes = await frame(page).locator('.react-flow').getAttribute('class');
  release();
  await page.waitForFunction(() => window.__sim !== undefined);
  await expect(frame(page)).toHaveCount(0);
  expect(await page.locator('.react-flow').getAttribute('class')).toBe(classes);
  // The playground's first paint, once its fit and the look-ahead's first slice are done.
  await page.waitForTimeout(500);
  const after = await page.screenshot({ path: `${SHOTS}/first-frame-${name}-then-app.png` });
  return differingPixels(page, before, after);
}

test.describe('the first frame the build draws', () => {
  test('paints the default scenario before the playground code, queues a click on Play, and gives way to the playground', async ({ page }) => {
    const { release, held } = await holdPlayground(page);
    await page.goto('/');
    await expect(frame(page).locator('.react-flow__node').first()).toBeVisible();
    const cards = await frame(page).locator('.react-flow__node').count();
    expect(cards).toBeGreaterThan(1);
    // The page asked for the playground only after that paint, and none of it has run.
    await expect.poll(() => held.length).toBeGreaterThan(0);
    expect(await page.evaluate(() => window.__sim === undefined)).toBe(true);
    await page.screenshot({ path: `${SHOTS}/first-frame-desktop.png` });

    // Pressing Play on the frame is kept and done once the playground is there.
    const box = (await frame(page).locator('[data-frame-button="play-button"]').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    release();
    await page.waitForFunction(() => window.__sim !== undefined);
    await expect(frame(page)).toHaveCount(0);
    await expect(page.getByTestId('play-button')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('.react-flow__node')).toHaveCount(cards);
    await expect.poll(() => page.evaluate(() => window.__sim!.time())).toBeGreaterThan(0);
  });

  test('keys pressed on the frame are pressed once the playground is there', async ({ page }) => {
    const { release } = await holdPlayground(page);
    await page.goto('/');
    await expect(frame(page).locator('.react-flow__node').first()).toBeVisible();
    // Two steps forward (→ is "step one event"), while none of the playground's code has run.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => window.__sim === undefined)).toBe(true);
    release();
    await page.waitForFunction(() => window.__sim !== undefined);
    await expect(frame(page)).toHaveCount(0);
    await expect.poll(() => page.evaluate(() => window.__sim!.steps())).toBe(2);
    await expect(page.getByTestId('play-button')).toHaveAttribute('aria-pressed', 'false');
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`in the ${colorScheme} theme the frame is the picture the playground then paints`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      // A few pixels may differ where antialiasing falls differently; a wrong colour, a moved
      // card or a missing part differs in thousands.
      expect(await frameThenApp(page, colorScheme)).toBeLessThan(1280 * 800 * 0.001);
      // The same class on the frame's canvas as on the playground's (frameThenApp compares them).
      await expect(page.locator('.react-flow')).toHaveClass(new RegExp(`\\b${colorScheme}\\b`));
    });
  }

  test('on a phone the frame is the phone layout', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const { release } = await holdPlayground(page);
    await page.goto('/');
    await expect(frame(page).locator('.react-flow__node').first()).toBeVisible();
    const cards = await frame(page).locator('.react-flow__node').count();
    await page.screenshot({ path: `${SHOTS}/first-frame-phone.png` });
    release();
    await page.waitForFunction(() => window.__sim !== undefined);
    await expect(frame(page)).toHaveCount(0);
    await expect(page.locator('.react-flow__node')).toHaveCount(cards);
  });

  test('a link to another scenario shows no frame of the default one', async ({ page }) => {
    const { release } = await holdPlayground(page);
    await page.goto('/#scenario=zk-basics');
    await page.waitForLoadState('domcontentloaded');
    await expect(frame(page)).toHaveCount(0);
    release();
    await page.waitForFunction(() => (window.__sim?.scenario() as { id?: string } | undefined)?.id === 'zk-basics');
  });

  test('when the playground code cannot load, the frame goes and an error shows', async ({ page, pageErrors }) => {
    const { release } = await holdPlayground(page, true);
    await page.goto('/');
    await expect(frame(page).locator('.react-flow__node').first()).toBeVisible();
    release();
    await expect(frame(page)).toHaveCount(0);
    // Next's error page: it names the failure and offers a reload.
    await expect(page.getByRole('heading', { name: /couldn.t load/i })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Reload' })).toBeVisible();
    // The failed loads are this test's point: the browser reports them, and nothing else.
    expect(pageErrors.length).toBeGreaterThan(0);
    expect(pageErrors.every((e) => /ERR_FAILED|Failed to load|ChunkLoadError|Loading chunk|failed to fetch|dynamically imported|client-side exception/i.test(e)), pageErrors.join('\n')).toBe(true);
    pageErrors.length = 0;
  });
});

test.describe('the first frame for a Chinese reader', () => {
  test.use({ locale: 'zh-CN' });

  test('is the English frame in Chinese, the picture the playground then paints in Chinese', async ({ page }) => {
    // A few pixels may differ where antialiasing falls differently; a wrong word differs in hundreds.
    expect(await frameThenApp(page, 'zh')).toBeLessThan(1280 * 800 * 0.001);
    await expect(page.getByTestId('play-button')).toHaveText('播放');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
  });

  test('says Play in Chinese on the frame, before any of the playground has run', async ({ page }) => {
    const { release } = await holdPlayground(page);
    await page.goto('/');
    await expect(frame(page).locator('[data-frame-button="play-button"]')).toHaveText('播放');
    expect(await page.evaluate(() => window.__sim === undefined)).toBe(true);
    release();
    await page.waitForFunction(() => window.__sim !== undefined);
  });
});
