import type { Frame, Page } from '@playwright/test';
import { bigScenario } from '../bench/big-scenario';
import { expect, openPlayground, SHOTS, simOf, test } from './fixtures';

/** Opens `/embed#<hash>` and waits until the player is mounted (its test hook is installed). */
async function openEmbed(page: Page, hash: string) {
  await page.goto(`/embed#${hash}`);
  await page.waitForFunction(() => window.__sim !== undefined);
  return simOf(page);
}

/** Whether the page scrolls in either direction (an embed must never). */
const scrolls = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > innerWidth || document.documentElement.scrollHeight > innerHeight);

/** Serves a bare host page at /host.html (same origin as the player) holding `body`, and opens it. */
async function openHost(page: Page, body: string): Promise<void> {
  await page.route('**/host.html', (r) => r.fulfill({ contentType: 'text/html', body: `<!doctype html><html lang="en"><head><title>Host</title></head><body>${body}</body></html>` }));
  await page.goto('/host.html');
}

/** The frame of iframe `#id`, once its player is mounted. */
async function playerFrame(page: Page, id: string): Promise<Frame> {
  const frame = (await page.locator(`#${id}`).elementHandle())!.contentFrame();
  const f = (await frame)!;
  await f.waitForFunction(() => window.__sim !== undefined);
  return f;
}

/** The `window.__sim` of a player inside a frame. */
function frameSim(frame: Frame) {
  return {
    advance: (ms: number) => frame.evaluate((x) => window.__sim!.advance(x), ms),
    time: () => frame.evaluate(() => window.__sim!.time()),
    playing: () => frame.evaluate(() => window.__sim!.playing()),
  };
}

test.describe('the embedded player', () => {
  test('minimal controls: one row with play, the scrubber and the time; nothing to edit', async ({ page }) => {
    const sim = await openEmbed(page, 'scenario=zk-lock&controls=minimal');
    await expect(page.getByTestId('embed-title')).toHaveText(/^ZooKeeper lock/);
    const controls = page.getByTestId('embed-controls');
    await expect(controls).toHaveAttribute('data-controls', 'minimal');
    await expect(controls.getByTestId('scrubber')).toBeVisible();
    await expect(page.getByTestId('speed-select')).toHaveCount(0);
    await expect(page.locator('.react-flow__node')).toHaveCount(((await sim.scenario()) as { nodes: unknown[] }).nodes.length);
    // Read-only: no palette, no fault buttons on the cards, no link handles, nothing draggable.
    await expect(page.getByTestId('embed-canvas')).toHaveAttribute('data-mode', 'readonly');
    await expect(page.locator('[data-testid^="node-menu-"]').first()).toBeHidden();
    await expect(page.locator('.react-flow__handle').first()).toBeHidden();
    const card = (await page.locator('.react-flow__node').first().boundingBox())!;
    await page.mouse.click(card.x + card.width / 2, card.y + card.height / 2, { button: 'right' });
    await expect(page.getByTestId('fault-menu')).toHaveCount(0);
    await controls.getByTestId('play-button').click();
    await expect.poll(() => sim.playing()).toBe(true);
    await sim.pause();
    await sim.seek(1500);
    await expect(controls.getByTestId('time-readout')).toHaveText('1,500.0 ms');
    await page.screenshot({ path: `${SHOTS}/embed-minimal.png` });
  });

  test('controls=none and theme=dark: only the canvas, dark whatever the system says', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await openEmbed(page, 'scenario=zk-lock&controls=none&theme=dark');
    await expect(page.getByTestId('embed-controls')).toHaveCount(0);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.locator('.react-flow')).toHaveClass(/\bdark\b/);
    const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await expect(page.getByTestId('open-in-playground')).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/embed-none-dark.png` });

    // And the other way round: a light embed on a dark system.
    await page.emulateMedia({ colorScheme: 'dark' });
    await openEmbed(page, 'scenario=zk-lock&controls=none&theme=light');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await expect(page.locator('.react-flow')).not.toHaveClass(/\bdark\b/);
    const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(light).not.toBe(dark);
    // theme=auto follows the system.
    await openEmbed(page, 'scenario=zk-lock&controls=none');
    await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(dark);
  });

  test('a pinned dark theme holds from the first paint, before the player code has run', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    // Hold the app's scripts back: what shows meanwhile is the static page alone.
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/_next/static/chunks/*.js', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('/embed#scenario=zk-lock&controls=none&theme=dark', { waitUntil: 'domcontentloaded' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    const before = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await page.evaluate(() => window.__sim === undefined)).toBe(true);
    release();
    await page.waitForFunction(() => window.__sim !== undefined);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(before);
    await expect(page.locator('.react-flow')).toHaveClass(/\bdark\b/);
  });

  test('click-to-load shows a light poster and starts the engine only on click', async ({ page }) => {
    await page.goto('/embed#scenario=redis-lock-expiry&click=1');
    const poster = page.getByTestId('embed-poster');
    await expect(poster).toBeVisible();
    await expect(poster.getByTestId('embed-title')).toHaveText(/TTL|lease|expire/i);
    await expect(page.locator('.react-flow')).toHaveCount(0);
    expect(await page.evaluate(() => window.__sim === undefined)).toBe(true);
    await page.screenshot({ path: `${SHOTS}/embed-poster.png` });
    await page.getByTestId('embed-start').click();
    await page.waitForFunction(() => window.__sim !== undefined);
    await expect(page.locator('.react-flow__node').first()).toBeVisible();
    await expect.poll(() => simOf(page).playing()).toBe(true);
  });

  test('autoplay, start time, speed and loop apply', async ({ page }) => {
    const sim = await openEmbed(page, 'scenario=redis-basics&autoplay=1&t=1000&speed=0.25&loop=1');
    expect(await sim.speed()).toBe(0.25);
    expect(await sim.playing()).toBe(true);
    expect(await sim.time()).toBeGreaterThanOrEqual(1000);
    // Past the end: the run stops, then starts over by itself.
    await sim.advance(20_000);
    await expect.poll(() => sim.playing(), { timeout: 10_000 }).toBe(true);
    expect(await sim.time()).toBeLessThan(2000);
  });

  test('a bad option is named in a message, and the player still works with defaults', async ({ page }) => {
    const sim = await openEmbed(page, 'scenario=zk-lock&speed=fast&controls=tiny&foo=1');
    const problems = page.getByTestId('embed-problems');
    await expect(problems).toContainText('speed: expected a number from 0.1 to 100, got "fast"');
    await expect(problems).toContainText('controls: expected full, minimal, none, got "tiny"');
    await expect(problems).toContainText('unknown option "foo"');
    await expect(page.getByTestId('embed-controls')).toHaveAttribute('data-controls', 'full');
    await page.getByTestId('play-button').click();
    await expect.poll(() => sim.playing()).toBe(true);
    await page.screenshot({ path: `${SHOTS}/embed-bad-option.png` });
    await problems.getByRole('button', { name: 'Dismiss' }).click();
    await expect(problems).toHaveCount(0);

    // A scenario that cannot be opened: said so, and the default scenario shows instead.
    await openEmbed(page, 'scenario=no-such-thing');
    await expect(page.getByTestId('embed-problems')).toContainText('there is no built-in scenario "no-such-thing"');
    await expect(page.getByTestId('embed-title')).toHaveText('Redis SET / GET with a TTL');
    await openEmbed(page, 's=not*a*payload');
    await expect(page.getByTestId('embed-problems')).toContainText('corrupted');
  });

  for (const controls of ['full', 'minimal', 'none'] as const) {
    test(`fits 320 × 240 with controls=${controls}: no scrollbars, the graph and the controls in view`, async ({ page }) => {
      await page.setViewportSize({ width: 320, height: 240 });
      await openEmbed(page, `scenario=zk-lock&controls=${controls}`);
      expect(await scrolls(page)).toBe(false);
      const stage = await page.getByTestId('embed-stage').boundingBox();
      expect(stage!.height).toBeGreaterThan(controls === 'full' ? 90 : 150);
      // Every card is on screen (fitView), and the controls are not cut off.
      for (const box of await page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()))) {
        expect(box.left).toBeGreaterThanOrEqual(0);
        expect(box.right).toBeLessThanOrEqual(320);
      }
      if (controls !== 'none') {
        const bar = page.getByRole('toolbar', { name: 'Playback' });
        expect(await bar.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
        expect((await page.getByTestId('play-button').boundingBox())!.y + 30).toBeLessThanOrEqual(240);
      }
      await page.screenshot({ path: `${SHOTS}/embed-320x240-${controls}.png` });
    });
  }

  test('inside a 320 × 240 iframe on another page it fits too', async ({ page }) => {
    await openHost(page, '<iframe id="small" title="player" src="/embed#scenario=redis-lock-expiry&amp;controls=minimal" width="320" height="240" style="border:1px solid #ccc"></iframe>');
    const frame = await playerFrame(page, 'small');
    await expect(page.frameLocator('#small').locator('.react-flow__node').first()).toBeVisible();
    expect(await frame.evaluate(() => document.documentElement.scrollHeight <= innerHeight && document.documentElement.scrollWidth <= innerWidth)).toBe(true);
    await page.locator('#small').screenshot({ path: `${SHOTS}/embed-iframe-320x240.png` });
  });

  test('"Open in playground" opens the same run: scenario, the fault the viewer added, and the time', async ({ page }) => {
    const sim = await openEmbed(page, 'scenario=redis-basics&mode=editable');
    await sim.seek(1200);
    await page.getByTestId('node-redis').click({ button: 'right' });
    await page.getByTestId('fault-crash').click();
    const faults = await sim.interventions();
    expect(faults).toHaveLength(1);
    const time = await sim.time();
    const link = page.getByTestId('open-in-playground');
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', 'noopener');
    const [popup] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
    await popup.waitForFunction(() => window.__sim !== undefined);
    const there = simOf(popup);
    await expect.poll(() => there.interventions()).toEqual(faults);
    expect(await there.time()).toBeCloseTo(time, 3);
    expect(((await there.scenario()) as { title: string }).title).toBe(((await sim.scenario()) as { title: string }).title);
    await popup.close();
  });

  test('a crowded wire is painted on one canvas here too, under far-view cards', async ({ page }) => {
    const sim = await openEmbed(page, 'scenario=redis-basics');
    expect(await sim.load(bigScenario(3000, 5))).toEqual([]);
    await sim.seek(2500);
    const inFlight = (await sim.inFlight()).length;
    expect(inFlight).toBeGreaterThan(500);
    await expect(page.getByTestId('message-canvas')).toHaveAttribute('data-drawn', String(inFlight));
    await expect(page.getByTestId('msg-dot')).toHaveCount(0);
    await expect(page.getByTestId('node-p0')).toHaveAttribute('data-far');
    await page.screenshot({ path: `${SHOTS}/embed-crowded.png` });
  });

  test('on a phone-sized page the full controls fit', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openEmbed(page, 'scenario=zk-lock');
    expect(await scrolls(page)).toBe(false);
    await page.screenshot({ path: `${SHOTS}/embed-phone.png` });
  });
});

test.describe('the postMessage API', () => {
  test('embed-demo.html drives a player: load, play, seek, and hears time, state, violations and errors', async ({ page }) => {
    await page.goto('/embed-demo.html');
    const state = page.locator('#state');
    const log = page.locator('#log');
    await expect(state).toContainText('ZooKeeper lock', { timeout: 15_000 });
    const sim = frameSim(await playerFrame(page, 'player'));

    await page.locator('#scenario').selectOption('redis-lock-expiry');
    await page.locator('#load').click();
    await expect(state).toContainText('outlives the TTL');
    await expect(log.locator('li').first()).toContainText(/^dp:state #\d+: paused at 0\.0 ms/);

    await page.locator('#play').click();
    await expect(state).toContainText('playing');
    expect(await sim.playing()).toBe(true);
    // Virtual time moves (driven through the frame's hook rather than waiting): dp:time reports it.
    await sim.advance(700);
    await expect(page.locator('#time')).not.toHaveText('0.0 ms');
    // Past the violation: the player stops on it and says what broke.
    await sim.advance(2000);
    await expect(log.locator('li.violation')).toContainText('mutual-exclusion');
    await expect(log.locator('li.violation')).toContainText('critical section');
    await expect(state).toContainText('paused');

    await page.locator('#seek-t').fill('500');
    await page.locator('#seek').click();
    await expect(log.locator('li').first()).toContainText(/paused at 500\.0 ms/);
    expect(await sim.time()).toBe(500);

    // An invalid message is refused with a reason, and changes nothing.
    await page.locator('#bad').click();
    await expect(log.locator('li.error').first()).toContainText('t: expected a number >= 0');
    expect(await sim.time()).toBe(500);

    // The second player is a click-to-load poster.
    await expect(page.frameLocator('iframe[src*="redis-lock-expiry"]').getByTestId('embed-poster')).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/embed-demo.png`, fullPage: true });
  });

  test('without an allowlist the player answers the parent that says hello first, and validates everything', async ({ page }) => {
    await openHost(page, '<iframe id="bare" title="player" src="/embed#scenario=zk-basics&amp;controls=none" width="480" height="320"></iframe>');
    await page.evaluate(() => {
      const w = window as unknown as { got: unknown[] };
      w.got = [];
      window.addEventListener('message', (e) => {
        if (e.origin === location.origin && (e.data as { type?: string })?.type?.startsWith('dp:')) w.got.push(e.data);
      });
    });
    const frame = await playerFrame(page, 'bare');
    const got = () => page.evaluate(() => (window as unknown as { got: { type: string; id?: number }[] }).got);
    const send = (msg: object) => page.evaluate((m) => (document.getElementById('bare') as HTMLIFrameElement).contentWindow!.postMessage(m, location.origin), msg);

    await send({ type: 'dp:hello', v: 1, id: 1 });
    await expect.poll(async () => (await got()).find((m) => m.id === 1)).toMatchObject({ type: 'dp:ready', state: { loaded: true, playing: false, scenario: { id: 'zk-basics' } } });
    await send({ type: 'dp:seek', v: 2, id: 2, t: 100 });
    await send({ type: 'dp:load', v: 1, id: 3, scenario: { version: 1, nodes: 'nope' } });
    await send({ type: 'dp:load', v: 1, id: 4, share: 's=%%%' });
    await send({ type: 'dp:getState', v: 1, id: 5 });
    await expect.poll(async () => (await got()).filter((m) => (m.id ?? 0) >= 2).length).toBe(4);
    const byId = Object.fromEntries((await got()).map((m) => [m.id, m]));
    expect(byId[2]).toMatchObject({ type: 'dp:error', error: 'v: this player speaks version 1 of the protocol, got 2' });
    expect(byId[3]).toMatchObject({ type: 'dp:error', request: 'dp:load' });
    expect((byId[3] as unknown as { error: string }).error).toMatch(/^scenario: /);
    expect(byId[4]).toMatchObject({ type: 'dp:error', request: 'dp:load' });
    expect(byId[5]).toMatchObject({ type: 'dp:state', time: 0, scenario: { id: 'zk-basics' } });
    // A scenario object loads.
    const scenario = await frame.evaluate(() => window.__sim!.scenario());
    await send({ type: 'dp:load', v: 1, id: 6, scenario: { ...(scenario as object), title: 'Loaded by the host' } });
    await expect.poll(async () => (await got()).find((m) => m.id === 6)).toMatchObject({ type: 'dp:state', scenario: { id: null, title: 'Loaded by the host' } });
  });
});

test.describe('the Embed dialog', () => {
  test('makes an iframe snippet from the chosen options, with a live preview', async ({ page, context }) => {
    // Two full pages (the playground and the preview's player) load in this test.
    test.setTimeout(60_000);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openPlayground(page, '#scenario=zk-lock');
    await expect(page.getByTestId('scenario-title')).toHaveText(/^ZooKeeper lock/);
    await page.getByTestId('open-embed').click();
    const dialog = page.getByTestId('embed-dialog');
    await expect(dialog).toBeVisible();
    const snippet = dialog.getByTestId('embed-snippet');
    await expect(snippet).toHaveValue(/^<iframe\n {2}src="http:\/\/[^"]+\/embed#scenario=zk-lock"/);
    await dialog.getByText('Minimal', { exact: true }).click();
    await dialog.getByText('Dark', { exact: true }).click();
    await dialog.getByTestId('embed-loop').check();
    await expect(snippet).toHaveValue(/\/embed#scenario=zk-lock&amp;loop=1&amp;controls=minimal&amp;theme=dark"/);
    await dialog.getByTestId('embed-allow').fill('docs.example.com');
    await expect(dialog.getByTestId('embed-allow')).toHaveAttribute('aria-invalid', 'true');
    await dialog.getByTestId('embed-allow').fill('https://docs.example.com');
    await expect(snippet).toHaveValue(/&amp;allow=https:\/\/docs\.example\.com"/);
    await dialog.getByTestId('embed-width').fill('640');
    await expect(snippet).toHaveValue(/width="640" height="420"/);
    const preview = dialog.getByTestId('embed-preview');
    await expect(preview).toHaveAttribute('src', /\/embed#scenario=zk-lock&loop=1&controls=minimal&theme=dark&allow=/);
    // The preview loads lazily, like the snippet: bring it into view first.
    await preview.scrollIntoViewIfNeeded();
    await expect(page.frameLocator('[data-testid="embed-preview"]').locator('.react-flow__node').first()).toBeVisible();
    await expect(page.frameLocator('[data-testid="embed-preview"]').getByTestId('embed-controls')).toHaveAttribute('data-controls', 'minimal');
    await dialog.getByTestId('embed-copy').click();
    await expect(dialog.getByTestId('embed-status')).toHaveText('Snippet copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await snippet.inputValue());
    await page.screenshot({ path: `${SHOTS}/desktop-embed-dialog.png` });
  });

  test('an edited scenario embeds by value, and E opens the dialog', async ({ page }) => {
    const sim = await openPlayground(page, '#scenario=redis-basics');
    await expect(page.getByTestId('scenario-title')).toHaveText('Redis SET / GET with a TTL');
    await sim.seek(900);
    await page.getByTestId('node-redis').click({ button: 'right' });
    await page.getByTestId('fault-crash').click();
    await page.locator('body').press('e');
    const dialog = page.getByTestId('embed-dialog');
    await expect(dialog.getByTestId('embed-snippet')).toHaveValue(/\/embed#s=[A-Za-z0-9_-]+"/);
    await dialog.getByTestId('embed-at-cursor').check();
    await expect(dialog.getByTestId('embed-snippet')).toHaveValue(/&amp;t=900"/);
    await expect(page.frameLocator('[data-testid="embed-preview"]').getByTestId('node-redis')).toHaveAttribute('data-status', 'crashed');
  });

  test('on a phone the dialog stacks and still previews', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openPlayground(page, '#scenario=zk-lock');
    await page.getByTestId('open-embed').click();
    await expect(page.frameLocator('[data-testid="embed-preview"]').locator('.react-flow__node').first()).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/phone-embed-dialog.png` });
  });
});
