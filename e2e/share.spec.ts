import type { Page } from '@playwright/test';
import { deflateSync, strToU8 } from 'fflate';
import { expect, openPlayground, SHOTS, simOf, test } from './fixtures';

/** A share-link payload holding arbitrary text, compressed as real links are. */
const payloadOf = (text: string) => Buffer.from(deflateSync(strToU8(text), { level: 9 })).toString('base64url');

/** Crashes redis at 600 ms from its context menu: the visitor's own, edited, unsaved work. */
async function makeEditedWork(page: Page) {
  const sim = await openPlayground(page);
  await sim.advance(600);
  await page.getByTestId('node-redis').click({ button: 'right' });
  await page.getByTestId('fault-crash').click();
  await expect(page.getByTestId('node-redis')).toHaveAttribute('data-status', 'crashed');
  return sim;
}

test.describe('share links', () => {
  test('a shared link reproduces the scenario, faults, seed and time in a fresh browser', async ({ page, browser }) => {
    test.setTimeout(90_000); // two browsers' worth of work
    const sim = await makeEditedWork(page);
    await sim.advance(900);
    await page.getByTestId('open-share').click();
    const dialog = page.getByTestId('share');
    await expect(dialog).toBeVisible();
    const url = await page.getByTestId('share-url').inputValue();
    expect(url).toMatch(/\/#s=[\w-]+&t=1500$/);
    expect(url.length).toBeLessThan(2000);
    await expect(page.getByTestId('share-status')).toContainText(`${url.length.toLocaleString('en-US')} characters`);
    await page.screenshot({ path: `${SHOTS}/desktop-share.png` });
    await page.getByTestId('share-with-time').uncheck();
    await expect(page.getByTestId('share-url')).not.toHaveValue(/&t=/);
    await page.keyboard.press('Escape');

    const context = await browser.newContext();
    const fresh = await context.newPage();
    const errors: string[] = [];
    fresh.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await fresh.goto(url);
    await fresh.waitForFunction(() => window.__sim !== undefined);
    const other = simOf(fresh);
    await expect.poll(() => other.time()).toBe(1500);
    expect(await other.interventions()).toEqual(await sim.interventions());
    expect(await other.scenario()).toEqual(await sim.scenario());
    expect(await other.steps()).toBe(await sim.steps());
    await expect(fresh.getByTestId('node-redis')).toHaveAttribute('data-status', 'crashed');
    // The payload was consumed: a reload brings back this browser's (autosaved) copy, not the link again.
    expect(fresh.url()).not.toContain('#s=');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a scenario too big for a link is offered as a JSON download, saying why', async ({ page }) => {
    const sim = await openPlayground(page);
    const s = (await sim.scenario()) as { nodes: { id: string; label?: string; position: { x: number; y: number } }[] };
    // 300 Redis nodes with random labels: random text does not compress.
    const noise = () => Array.from({ length: 58 }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(Math.random() * 36)]).join('');
    const big = { ...s, nodes: [...s.nodes, ...Array.from({ length: 300 }, (_, i) => ({ id: `r${i}`, type: 'redis', label: noise(), position: { x: 400 + (i % 20) * 200, y: (i / 20) * 120 } }))] };
    expect(await sim.load(big)).toEqual([]);
    await page.getByTestId('open-share').click();
    await expect(page.getByTestId('share-too-big')).toContainText('too big for a link');
    await expect(page.getByTestId('share-url')).toHaveCount(0);
    const download = page.waitForEvent('download');
    await page.getByTestId('share-download').click();
    expect((await download).suggestedFilename()).toMatch(/\.json$/);
  });
});

test.describe('autosave and saved scenarios', () => {
  test('edited work survives a reload, at the same time', async ({ page }) => {
    const sim = await makeEditedWork(page);
    await sim.advance(400);
    await page.waitForFunction(() => (localStorage.getItem('dp:autosave:v1') ?? '').includes('"crash"'));
    await page.waitForFunction(() => (localStorage.getItem('dp:autosave:v1') ?? '').includes('"t":1000'));
    await page.reload();
    await page.waitForFunction(() => window.__sim !== undefined);
    await expect.poll(() => sim.interventions()).toEqual([{ at: 600, kind: 'crash', node: 'redis', by: 'user' }]);
    expect(await sim.time()).toBe(1000);
    await expect(page.getByTestId('node-redis')).toHaveAttribute('data-status', 'crashed');
  });

  test('damaged autosave data is reported, kept aside, and the playground still works', async ({ page }) => {
    await page.addInitScript(() => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('dp:autosave:v1', '{"v":1,"savedAt":1,"t":0,"entryId":null,"edited":true,"scenario":{"version":1,"seed":1,"nodes":[{"id":"x","type":"mainframe"}]}}');
        sessionStorage.setItem('seeded', '1');
      }
    });
    const sim = await openPlayground(page);
    await expect(page.getByTestId('notice').filter({ hasText: /Your autosaved work could not be restored \(nodes\[0\]\.type: unknown node type "mainframe"/ })).toBeVisible();
    expect(await page.evaluate(() => localStorage.getItem('dp:autosave:damaged'))).toContain('mainframe');
    await expect(page.getByTestId('scenario-title')).toHaveText('Redis SET / GET with a TTL');
    await sim.advance(1000);
    expect(await sim.steps()).toBeGreaterThan(0);
  });

  test('opening a shared link keeps the edited work as a named save, which opens again', async ({ page }) => {
    await makeEditedWork(page);
    const link = `/#s=${payloadOf(JSON.stringify({ version: 1, title: 'Shared with me', seed: 3, nodes: [{ id: 'r', type: 'redis' }] }))}`;
    await page.goto(link);
    await expect(page.getByTestId('scenario-title')).toHaveText('Shared with me');
    await expect(page.getByTestId('notice').filter({ hasText: 'Your edited scenario was kept in Saved as' })).toBeVisible();
    await page.getByTestId('open-saves').click();
    const item = page.getByTestId('saved-item');
    await expect(item).toHaveCount(1);
    await expect(item).toContainText('(unsaved work');
    await page.screenshot({ path: `${SHOTS}/desktop-saves.png` });
    await item.getByRole('button', { name: /^Open/ }).click();
    await expect(page.getByTestId('node-redis')).toHaveAttribute('data-status', 'crashed');
    expect(await simOf(page).interventions()).toEqual([{ at: 600, kind: 'crash', node: 'redis', by: 'user' }]);
  });

  test('save under a name, export, import the file back, delete with a confirmation', async ({ page }) => {
    await makeEditedWork(page);
    await page.getByTestId('open-saves').click();
    await page.getByTestId('save-name').fill('My crash experiment');
    await page.getByTestId('save-submit').click();
    await expect(page.getByTestId('saves-message')).toHaveText('Saved as “My crash experiment”.');
    await expect(page.getByTestId('saved-item')).toContainText('My crash experiment');

    const download = page.waitForEvent('download');
    await page.getByTestId('export-file').click();
    const path = await (await download).path();
    await page.getByTestId('import-input').setInputFiles(path);
    await expect(page.getByTestId('saves')).toHaveCount(0);
    await expect(page.getByTestId('notice').filter({ hasText: 'Opened' })).toBeVisible();
    expect(await simOf(page).interventions()).toEqual([{ at: 600, kind: 'crash', node: 'redis', by: 'user' }]);

    await page.getByTestId('open-saves').click();
    const del = page.getByTestId('saved-item').getByRole('button', { name: /Delete/ });
    await del.click();
    await expect(page.getByTestId('saved-item')).toHaveCount(1);
    await page.getByTestId('saved-item').getByRole('button', { name: /Really delete/ }).click();
    await expect(page.getByTestId('saved-item')).toHaveCount(0);
  });

  test('a broken file is refused with its problem; a good one can be dropped on the page', async ({ page }) => {
    const sim = await makeEditedWork(page);
    await page.getByTestId('open-saves').click();
    await page.getByTestId('import-input').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"version":1,"seed":1,"nodes":[{"id":"x","type":"redis","params":{"hz":0}}]}') });
    await expect(page.getByTestId('notice').filter({ hasText: '“broken.json” could not be opened: nodes[0].params.hz: expected an integer from 1 to 500' })).toBeVisible();
    expect(await sim.interventions()).toEqual([{ at: 600, kind: 'crash', node: 'redis', by: 'user' }]);
    await page.keyboard.press('Escape');

    const json = JSON.stringify({ version: 1, title: 'Dropped in', seed: 9, nodes: [{ id: 'r9', type: 'redis' }] });
    await page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
      window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, cancelable: true }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, cancelable: true }));
    }, json);
    await expect(page.getByTestId('scenario-title')).toHaveText('Dropped in');
    await expect(page.getByTestId('notice').filter({ hasText: 'Your edited scenario was kept in Saved' })).toBeVisible();
  });
});

test.describe('hostile links', () => {
  const scenario = { version: 1, title: 'Hostile', seed: 1, nodes: [{ id: 'r', type: 'redis' }] };
  const cases: [string, string, RegExp][] = [
    ['truncated', `s=${payloadOf(JSON.stringify(scenario)).slice(0, 20)}`, /truncated or corrupted/],
    ['not base64', 's=%3Cscript%3Ealert(1)%3C%2Fscript%3E', /characters a share link never contains/],
    ['a decompression bomb', `s=${Buffer.from(deflateSync(new Uint8Array(12_000_000).fill(32), { level: 9 })).toString('base64url')}`, /too large once decompressed/],
    ['too long', `s=${'A'.repeat(20_000)}`, /too long/],
    ['from the future', `s=${payloadOf(JSON.stringify({ ...scenario, version: 9 }))}`, /version: 9 is newer/],
    ['the wrong type', `s=${payloadOf(JSON.stringify({ ...scenario, nodes: { r: 1 } }))}`, /nodes: expected an array/],
    ['__proto__', `s=${payloadOf(JSON.stringify(scenario).replace('{', '{"__proto__":{"x":1},'))}`, /the key "__proto__" is not allowed/],
    ['deeply nested', `s=${payloadOf(`{"version":1,"a":${'['.repeat(3000)}${']'.repeat(3000)}}`)}`, /nested more than/],
    ['a negative time', `s=${payloadOf(JSON.stringify({ ...scenario, interventions: [{ at: -4, kind: 'crash', node: 'r' }] }))}`, /interventions\[0\]\.at: expected a number >= 0/],
    ['a NaN cursor', `s=${payloadOf(JSON.stringify(scenario))}&t=NaN`, /t: expected a time in ms/],
    ['a huge number', `s=${payloadOf(JSON.stringify(scenario).replace('"seed":1', '"seed":1e999'))}`, /seed:/],
  ];

  test('each is refused with a message naming the problem, and the edited work stays', async ({ page }) => {
    const sim = await makeEditedWork(page);
    const title = await page.getByTestId('scenario-title').textContent();
    for (const [what, hash, message] of cases) {
      await page.evaluate((h) => (location.hash = h), hash);
      const notice = page.getByTestId('notice').filter({ hasText: message });
      await expect(notice, what).toBeVisible();
      await expect(notice, what).toContainText('Your own work is unchanged');
      await expect(page.getByTestId('scenario-title'), what).toHaveText(title!);
      expect(await sim.interventions(), what).toEqual([{ at: 600, kind: 'crash', node: 'redis', by: 'user' }]);
      await notice.getByRole('button', { name: 'Dismiss' }).click();
    }
    await page.screenshot({ path: `${SHOTS}/desktop-hostile-link.png` });
  });

  test('markup in a label is shown as text, never run', async ({ page }) => {
    await openPlayground(page);
    const label = '<img src=x onerror="window.__owned=1">';
    await page.evaluate((h) => (location.hash = h), `s=${payloadOf(JSON.stringify({ ...scenario, nodes: [{ id: 'r', type: 'redis', label }] }))}`);
    await expect(page.getByTestId('node-r')).toContainText(label);
    expect(await page.evaluate(() => (window as unknown as { __owned?: number }).__owned)).toBeUndefined();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    test('share and saved dialogs fit the screen', async ({ page }) => {
      await openPlayground(page);
      await page.getByTestId('open-share').tap();
      expect((await page.getByTestId('share').boundingBox())!.width).toBeLessThanOrEqual(390);
      await page.screenshot({ path: `${SHOTS}/phone-share.png` });
      await page.keyboard.press('Escape');
      await page.getByTestId('open-saves').tap();
      expect((await page.getByTestId('saves').boundingBox())!.width).toBeLessThanOrEqual(390);
      await page.screenshot({ path: `${SHOTS}/phone-saves.png` });
    });
  });
});
