import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, frames, openPlayground, SHOTS, test } from './fixtures';

/** Opens the sequence diagram (its key) and waits until it has drawn. */
async function openDiagram(page: Page): Promise<void> {
  await page.locator('body').press('d');
  await expect(page.getByTestId('sequence-canvas')).toHaveAttribute('data-drawn', /\d+/);
}

/** The messages in view, as the diagram names them for screen readers: "12.0 ms: c1 → redis: …", in send order. */
const messages = (page: Page) => page.getByTestId('sequence-message').allTextContents();
const canvasData = (page: Page, key: 'drawn' | 'dimmed') => page.getByTestId('sequence-canvas').evaluate((c, k) => Number((c as HTMLElement).dataset[k]), key);

/** Serious and critical axe findings in the diagram and its tabs (quality.spec.ts checks the rest of the page). */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include('[data-testid="sequence-dock"]').include('[aria-label="Views"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(' | ')}`);
}

test.describe('sequence diagram', () => {
  test('shows the messages of a lock handoff in order: c1 gets the lock, c2 is refused until it expires, then c2 gets it', async ({ page }) => {
    const sim = await openPlayground(page, '#scenario=redis-lock-expiry');
    await sim.seek(2500);
    await openDiagram(page);
    const list = await messages(page);
    const times = list.map((m) => Number(m.split(' ms:')[0].replace(/,/g, '')));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const at = (text: string) => list.findIndex((m) => m.endsWith(text));
    const granted1 = at('redis → c1: OK');
    const refused = list.map((m, k) => (m.endsWith('redis → c2: (nil)') ? k : -1)).filter((k) => k >= 0);
    const granted2 = at('redis → c2: OK');
    expect(at('c1 → redis: SET lock c1#1 NX PX 1500')).toBeLessThan(granted1);
    expect(refused.length).toBeGreaterThan(3);
    expect(granted1).toBeLessThan(refused[0]);
    expect(refused.at(-1)!).toBeLessThan(granted2);
    expect(at('c2 → storage: enter section c2#1')).toBeGreaterThan(granted2);
  });

  test('selecting a message points it out on the canvas and in the log', async ({ page }) => {
    const sim = await openPlayground(page, '#scenario=redis-lock-expiry');
    await sim.seek(1000);
    await openDiagram(page);
    // The list is the keyboard's (and a screen reader's) way to the arrows; a click on an arrow does the same.
    await page.getByTestId('sequence-message').filter({ hasText: 'c2 → redis: SET lock' }).first().evaluate((b) => (b as HTMLButtonElement).click());
    await expect(page.getByTestId('node-c2')).toHaveAttribute('data-focused', 'true');
    await expect(page.getByTestId('node-redis')).toHaveAttribute('data-focused', 'true');
    await expect(page.locator('[data-testid="msg-dot"][data-focused]')).toHaveCount(1);
    expect((await sim.inFlight()).some((m) => m.from === 'c2' && m.text.startsWith('SET lock'))).toBe(true);
    await expect(page.getByTestId('log-entry').locator('button.ring-2').first()).toBeVisible();
  });

  test('hovering an arrow, or a log line, points it out on the canvas, in the log and on the timeline without moving the cursor', async ({ page }) => {
    const sim = await openPlayground(page, '#scenario=redis-lock-expiry');
    await sim.seek(1000);
    await openDiagram(page);
    await expect(page.getByTestId('timeline-pointed')).toHaveCount(0);
    // Rows are evenly spaced under a 20 px axis: every arrow from the first row to a later one crosses the line between rows 1 and 2.
    const box = (await page.getByTestId('sequence-canvas').boundingBox())!;
    const rows = (await page.getByTestId('sequence-canvas').getAttribute('data-rows'))!.split(',');
    const rowH = Math.max(16, Math.min(56, (box.height - 24) / rows.length));
    const y = box.y + 20 + rowH;
    const tip = page.locator('[data-testid="sequence-panel"] [role="status"].pointer-events-none');
    let found = false;
    for (let x = box.x + 100; x < box.x + box.width - 10 && !found; x += 4) {
      await page.mouse.move(x, y);
      found = await tip.evaluate((t) => !(t as HTMLElement).hidden);
    }
    expect(found).toBe(true);
    await expect(tip).toContainText('→');
    await expect(page.locator('[data-testid^="node-"][data-focused="true"]').first()).toBeVisible();
    await expect(page.getByTestId('timeline-pointed')).toBeVisible();
    expect(await sim.time()).toBe(1000);
    // Leaving the diagram takes it back.
    await page.mouse.move(box.x + box.width / 2, box.y - 40);
    await expect(page.getByTestId('timeline-pointed')).toHaveCount(0);
    await expect(page.locator('[data-testid^="node-"][data-focused="true"]')).toHaveCount(0);
    // A log line does the same, and its messages light up in the diagram.
    const line = page.getByTestId('log-entry').filter({ hasText: 'c2' }).first();
    await line.hover();
    await expect(line.locator('button')).toHaveClass(/ring-2/);
    await expect(page.getByTestId('node-c2')).toHaveAttribute('data-focused', 'true');
    await expect(page.getByTestId('timeline-pointed')).toBeVisible();
    expect(await sim.time()).toBe(1000);
    await page.screenshot({ path: `${SHOTS}/sequence-hover-desktop.png` });
  });

  test('lifelines can be hidden, moved with buttons, and dragged by their names', async ({ page }) => {
    const sim = await openPlayground(page, '#scenario=gc-pause-fencing');
    await sim.seek(3500);
    await openDiagram(page);
    const canvas = page.getByTestId('sequence-canvas');
    await expect(canvas).toHaveAttribute('data-rows', 'c1,c2,redis,storage');
    await page.getByTestId('lifelines-button').click();
    const row = (name: string) => page.getByTestId('lifeline-row').filter({ hasText: name });
    await row('redis').getByRole('checkbox').uncheck();
    await expect(canvas).toHaveAttribute('data-rows', 'c1,c2,storage');
    await expect(page.getByTestId('lifelines-button')).toHaveText('Rows 3/4');
    // Arrows to a hidden row are not drawn: none of the messages in view involve redis.
    await expect.poll(async () => (await messages(page)).filter((m) => m.includes('redis')).length).toBe(0);
    expect((await messages(page)).length).toBeGreaterThan(0);
    await row('storage').getByRole('button', { name: 'Move storage up' }).click();
    await row('storage').getByRole('button', { name: 'Move storage up' }).click();
    await expect(canvas).toHaveAttribute('data-rows', 'c1,storage,c2');
    await row('redis').getByRole('checkbox').check();
    await expect(canvas).toHaveAttribute('data-rows', 'c1,storage,c2,redis');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('lifeline-menu')).toHaveCount(0);
    // Drag the last name in the gutter to the top row.
    const box = (await canvas.boundingBox())!;
    const rowH = Math.max(16, Math.min(56, (box.height - 24) / 4));
    const yOf = (r: number) => box.y + 20 + rowH * (r + 0.5);
    await page.mouse.move(box.x + 50, yOf(3));
    await page.mouse.down();
    await page.mouse.move(box.x + 50, yOf(2), { steps: 4 });
    await page.mouse.move(box.x + 50, yOf(0), { steps: 4 });
    await page.mouse.up();
    await expect(canvas).toHaveAttribute('data-rows', 'redis,c1,storage,c2');
    await page.screenshot({ path: `${SHOTS}/sequence-lifelines-desktop.png` });
  });

  test('a violation: its causal chain from the pause, everything else dimmed, told as sentences that seek', async ({ page }) => {
    const sim = await openPlayground(page, '#scenario=gc-pause-fencing');
    await sim.seek(5000);
    await openDiagram(page);
    expect(await canvasData(page, 'dimmed')).toBe(0);
    await page.getByTestId('chain-violation').first().click();
    await expect(page.getByTestId('chain-violation').first()).toHaveAttribute('aria-pressed', 'true');
    const sentences = page.getByTestId('chain-sentence');
    await expect(sentences.first()).toContainText('c1 freezes (GC pause)');
    await expect(sentences.filter({ hasText: 'c2 → redis: SET lock' }).first()).toBeVisible();
    await expect(sentences.filter({ hasText: 'redis finds lock past its TTL' }).or(sentences.filter({ hasText: 'expire' })).first()).toBeVisible();
    await expect(sentences.last()).toHaveAttribute('data-tone', 'violation');
    await expect.poll(() => canvasData(page, 'dimmed')).toBeGreaterThan(0);
    expect(await canvasData(page, 'drawn')).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/sequence-chain-desktop.png` });
    // A sentence seeks to its moment.
    await sentences.first().click();
    await expect.poll(() => sim.time()).toBe(300);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`the diagram and its chain have no serious or critical axe violations (${scheme})`, async ({ page }) => {
      // axe is slow on a busy machine.
      test.slow();
      await page.emulateMedia({ colorScheme: scheme });
      const sim = await openPlayground(page, '#scenario=gc-pause-fencing');
      await sim.seek(5000);
      await openDiagram(page);
      await page.getByTestId('chain-violation').first().click();
      await expect(page.getByTestId('chain-sentence').first()).toBeVisible();
      await frames(page, 3);
      await page.screenshot({ path: `${SHOTS}/sequence-chain-${scheme}.png` });
      expect(await seriousViolations(page)).toEqual([]);
    });
  }

  test('exports the visible range as a valid SVG, and as a PNG', async ({ page }) => {
    const sim = await openPlayground(page, '#scenario=gc-pause-fencing');
    await sim.seek(3500);
    await openDiagram(page);
    const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg').click()]);
    expect(svgDownload.suggestedFilename()).toBe('gc-pause-fencing-sequence.svg');
    const svg = await readFile((await svgDownload.path())!, 'utf8');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return { error: doc.querySelector('parsererror')?.textContent ?? null, root: doc.documentElement.nodeName, texts: [...doc.querySelectorAll('text')].map((t) => t.textContent) };
    }, svg);
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe('svg');
    expect(parsed.texts).toEqual(expect.arrayContaining(['c1', 'c2', 'redis', 'storage']));
    const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
    const png = await readFile((await pngDownload.path())!);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });

  test('the share link keeps the diagram open on the chosen violation; a bad value is named', async ({ page, context }) => {
    const sim = await openPlayground(page, '#scenario=gc-pause-fencing');
    await sim.seek(5000);
    await openDiagram(page);
    await page.getByTestId('chain-violation').nth(1).click();
    await page.locator('body').press('s');
    const url = await page.getByTestId('share-url').inputValue();
    expect(url).toMatch(/&view=sequence&v=2$/);
    const other = await context.newPage();
    await other.goto(url);
    await expect(other.getByTestId('chain-violation').nth(1)).toHaveAttribute('aria-pressed', 'true');
    await expect(other.getByTestId('chain-sentence').last()).toContainText('stale');
    await other.goto('about:blank');
    await other.goto(url.replace(/v=2$/, 'v=7'));
    await expect(other.getByTestId('sequence-canvas')).toBeVisible();
    await expect(other.getByText('Part of this link was ignored: v: this run has 2 violations, not a number 7.')).toBeVisible();
  });

  test('on a phone the diagram is a tab beside the canvas', async ({ page }) => {
    test.slow();
    await page.setViewportSize({ width: 390, height: 844 });
    const sim = await openPlayground(page, '#scenario=gc-pause-fencing');
    await sim.seek(3500);
    await page.getByTestId('view-sequence').click();
    await expect(page.getByTestId('sequence-canvas')).toHaveAttribute('data-drawn', /\d+/);
    await page.getByTestId('chain-violation').first().click();
    await frames(page, 3);
    await page.screenshot({ path: `${SHOTS}/sequence-phone.png` });
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('view-canvas').click();
    await expect(page.getByTestId('sequence-canvas')).toHaveCount(0);
  });

  test('the embed shows the diagram under the canvas (view=both) or alone (view=sequence)', async ({ page }) => {
    await page.goto('/embed#scenario=gc-pause-fencing&t=3500&view=both');
    await page.waitForFunction(() => window.__sim !== undefined);
    await expect(page.getByTestId('sequence-canvas')).toHaveAttribute('data-drawn', /[1-9]/);
    await expect(page.locator('.react-flow__node').first()).toBeVisible();
    await expect(page.getByTestId('sequence-close')).toHaveCount(0);
    await page.screenshot({ path: `${SHOTS}/sequence-embed-both.png` });
    await page.goto('about:blank');
    await page.goto('/embed#scenario=gc-pause-fencing&t=3500&view=sequence');
    await page.waitForFunction(() => window.__sim !== undefined);
    await expect(page.getByTestId('sequence-canvas')).toHaveAttribute('data-drawn', /[1-9]/);
    await expect(page.locator('.react-flow__node')).toHaveCount(0);
  });
});
