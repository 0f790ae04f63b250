import type { Page } from '@playwright/test';
import { LIBRARY } from '../engine/scenario/library';
import { expect, frames, openPlayground, settled, SHOTS, test } from './fixtures';

/** Pairs of node cards whose on-screen boxes overlap (touching edges do not count). */
async function overlapping(page: Page): Promise<string[]> {
  const boxes = await page.locator('.react-flow__node').evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { id: el.getAttribute('data-id') ?? '?', x: r.x, y: r.y, w: r.width, h: r.height };
    }),
  );
  const pairs: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      if (a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5) pairs.push(`${a.id}/${b.id}`);
    }
  }
  return pairs;
}

/** No two cards overlap once the cards have been re-measured (a few frames) and moved aside. */
async function expectApart(page: Page, when: string): Promise<void> {
  await frames(page, 4);
  await expect.poll(() => overlapping(page), { message: `cards overlap ${when}` }).toEqual([]);
}

for (const size of [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
]) {
  test.describe(`no two cards overlap (${size.name})`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });
    for (const b of LIBRARY) {
      test(`${b.id}: at its start, its first violation and its end`, async ({ page }) => {
        const sim = await openPlayground(page, `#scenario=${b.id}`);
        await expectApart(page, 'at the start');
        const first = (await sim.violations())[0];
        if (first) {
          await sim.seekStep(first.step + 1);
          await expectApart(page, `at the first violation (${first.t} ms)`);
        }
        await sim.seek(b.scenario.playback?.untilMs ?? 10_000);
        await expectApart(page, 'at the end');
        if (['zk-lock-herd', 'lock-showdown', 'gc-pause-fencing', 'config-watch'].includes(b.id)) await page.screenshot({ path: `${SHOTS}/overlap-${b.id}-${size.name}.png` });
      });
    }
  });
}

test('a card the visitor dragged stays where it was dropped; the others make way', async ({ page }) => {
  const sim = await openPlayground(page, '#scenario=zk-lock');
  await page.getByTestId('edit-mode').click();
  await settled(page);
  await expectApart(page, 'at the start');
  const zk = page.locator('.react-flow__node[data-id="zk"]');
  const storage = page.locator('.react-flow__node[data-id="storage"]');
  const s = (await storage.boundingBox())!;
  const z = (await zk.boundingBox())!;
  // Drop the storage card onto the middle of the ZooKeeper card: it stays there, and zk makes way.
  await page.mouse.move(s.x + s.width / 2, s.y + 10);
  await page.mouse.down();
  await page.mouse.move(z.x + z.width / 2, z.y + z.height / 2, { steps: 8 });
  await page.mouse.up();
  const place = () => storage.evaluate((el) => (el as HTMLElement).style.transform);
  const dropped = await place();
  await expectApart(page, 'after the drop');
  expect(await place()).toBe(dropped);
  const stored = ((await sim.scenario()) as { nodes: { id: string; position: { y: number } }[] }).nodes.find((n) => n.id === 'storage')!;
  expect(stored.position.y).not.toBe(300);
  await page.screenshot({ path: `${SHOTS}/overlap-dragged.png` });
});
