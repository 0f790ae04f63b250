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
