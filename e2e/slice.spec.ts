import { expect, frames, openPlayground, SHOTS, test } from './fixtures';

test.describe('vertical slice: client → Redis', () => {
  test('the canvas shows the client, the Redis node and the link between them', async ({ page }) => {
    await openPlayground(page);
    await expect(page.getByTestId('node-c1')).toBeVisible();
    await expect(page.getByTestId('node-c1')).toContainText('client');
    await expect(page.getByTestId('node-redis')).toBeVisible();
    await expect(page.getByTestId('redis-empty')).toBeVisible();
    await expect(page.locator('.react-flow__edge[data-id="c1-redis"] path.react-flow__edge-path')).toBeVisible();
    await expect(page.getByTestId('edge-c1-redis')).toHaveText('40–60 ms');
    await expect(page.getByTestId('time-readout')).toHaveText('0.0 ms');
    await page.screenshot({ path: `${SHOTS}/desktop-initial.png` });
  });

  test('Play advances virtual time and a message travels along the edge; Pause stops it', async ({ page }) => {
    const sim = await openPlayground(page);
    // Slow enough that a ~50 ms flight takes about a second of real time.
    await page.getByTestId('speed-select').selectOption('0.1');
    // Sampled in the page on every frame from the first frame the dot exists, so a slow test
    // runner cannot miss the flight: the same dot further along (left to right here) moved.
    const moved = page.waitForFunction(
      () => {
        const el = document.querySelector('[data-testid="msg-dot"][data-direction="out"]');
        if (!el) return false;
        const w = window as unknown as { __first?: { x: number; text: string } };
        const x = el.getBoundingClientRect().x;
        w.__first ??= { x, text: el.textContent ?? '' };
        return x - w.__first.x > 5 ? { text: w.__first.text, dx: x - w.__first.x } : false;
      },
      undefined,
      { polling: 'raf' },
    );
    await page.getByTestId('play-button').click();
    await expect(page.getByTestId('play-button')).toHaveText(/Pause/);
    await expect.poll(() => sim.time()).toBeGreaterThan(0);
    const flight = await (await moved).jsonValue();
    expect(flight && flight.text).toContain('SET greeting hello');

    await page.getByTestId('play-button').click();
    await expect(page.getByTestId('play-button')).toHaveText(/Play/);
    await page.screenshot({ path: `${SHOTS}/desktop-in-flight.png` });
    const paused = await sim.time();
    await frames(page, 5);
    expect(await sim.time()).toBe(paused);
    expect(await sim.playing()).toBe(false);
  });

  test('Step processes exactly one engine event and narrates it', async ({ page }) => {
    const sim = await openPlayground(page);
    const caption = page.getByTestId('caption');
    await expect(caption).toContainText('Press Play');

    await page.getByTestId('step-button').click();
    await expect.poll(() => sim.steps()).toBe(1);
    await expect(caption.getByTestId('caption-line')).toHaveText(['client starts']);
    // The caption also says what the step put on the wire.
    await expect(caption.getByTestId('caption-send')).toHaveText(['↳ client sends SET greeting hello PX 2500 to redis']);
    await expect(page.getByTestId('step-readout')).toHaveText('1');
    await expect(page.getByTestId('log-entry')).toHaveCount(1);

    // The client's start sent the SET. Redis starts next; the step after delivers the SET.
    expect(await sim.inFlight()).toHaveLength(1);
    await page.getByTestId('step-button').click();
    await expect.poll(() => sim.steps()).toBe(2);
    await expect(caption).toHaveText('redis starts');
    await page.getByTestId('step-button').click();
    await expect.poll(() => sim.steps()).toBe(3);
    await expect(caption).toContainText('redis runs SET greeting hello PX 2500 for client → OK');
    await expect(page.getByTestId('log-entry').first()).toContainText('redis runs SET greeting');
    await expect(page.getByTestId('log-entry')).toHaveCount(4);

    // The button never does more than one event, however long the gap to the next one is.
    const before = await sim.steps();
    const t = await sim.time();
    await page.getByTestId('step-button').click();
    await expect.poll(() => sim.steps()).toBe(before + 1);
    expect(await sim.time()).toBeGreaterThan(t);
    await expect(caption).toContainText('client gets OK');
  });

  test('after the SET, Redis shows the key with a TTL bar that drains, then expires it', async ({ page }) => {
    const sim = await openPlayground(page);
    await sim.advance(60); // the SET ran at ~52 ms; its reply is on the way back
    const key = page.locator('[data-testid="redis-key"][data-key="greeting"]');
    await expect(key).toBeVisible();
    await expect(key).toContainText('"hello"');
    const bar = key.getByTestId('ttl-bar');
    await expect(bar).toBeVisible();
    const full = Number(await bar.getAttribute('aria-valuenow'));
    expect(full).toBeGreaterThan(2400);
    expect(full).toBeLessThanOrEqual(2500);
    await expect(page.getByTestId('client-status')).toHaveAttribute('data-state', 'waiting');
    await expect(page.locator('[data-testid="msg-dot"][data-direction="back"]')).toContainText('OK');

    await sim.advance(1000);
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow'))).toBeLessThan(full - 900);
    await page.screenshot({ path: `${SHOTS}/desktop-ttl.png` });

    await sim.advance(1600); // past 2600 ms: the active expiry cycle removes the key
    await expect(key).toHaveCount(0);
    await expect(page.getByTestId('redis-empty')).toBeVisible();
    await expect(page.locator('[data-testid="log-entry"][data-type="redis.expire"]')).toContainText('greeting');
  });

  test('keyboard: Space plays and pauses, → steps one event', async ({ page }) => {
    const sim = await openPlayground(page);
    await page.locator('body').press('ArrowRight');
    await expect.poll(() => sim.steps()).toBe(1);
    await page.locator('body').press(' ');
    await expect.poll(() => sim.playing()).toBe(true);
    await expect.poll(() => sim.time()).toBeGreaterThan(0);
    await page.locator('body').press(' ');
    await expect.poll(() => sim.playing()).toBe(false);
  });

  test('scrubbing back in time restores the earlier world, and forward again the same one', async ({ page }) => {
    const sim = await openPlayground(page);
    await sim.advance(1500);
    const steps = await sim.steps();
    const caption = await page.getByTestId('caption').textContent();
    await page.getByTestId('scrubber').fill('200');
    await expect.poll(() => sim.time()).toBe(200);
    await expect(page.getByTestId('time-readout')).toHaveText('200.0 ms');
    await expect(page.getByTestId('caption')).toContainText('client gets OK');
    await expect(page.locator('[data-key="greeting"]')).toBeVisible();
    await sim.seek(1500);
    expect(await sim.steps()).toBe(steps);
    await expect(page.getByTestId('caption')).toHaveText(caption!);
  });

  test('dark theme follows the system setting', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    const sim = await openPlayground(page);
    await expect(page.locator('.react-flow')).toHaveClass(/\bdark\b/);
    await sim.advance(1020);
    await page.screenshot({ path: `${SHOTS}/desktop-dark.png` });
  });

  test('reduced motion: messages wait mid-wire while time still advances', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const sim = await openPlayground(page);
    await sim.advance(5);
    const dot = page.getByTestId('msg-dot');
    await expect(dot).toBeVisible();
    const a = (await dot.boundingBox())!;
    await sim.advance(30);
    expect(await sim.time()).toBe(35);
    const b = (await dot.boundingBox())!;
    expect(b.x).toBe(a.x);
  });
});

test.describe('phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('canvas and controls are both usable on a phone', async ({ page }) => {
    const sim = await openPlayground(page);
    const vp = page.viewportSize()!;
    for (const id of ['play-button', 'step-button', 'speed-select', 'time-readout']) {
      const box = (await page.getByTestId(id).boundingBox())!;
      expect(box.y + box.height, `${id} is on screen`).toBeLessThanOrEqual(vp.height);
      expect(box.x + box.width, `${id} is on screen`).toBeLessThanOrEqual(vp.width);
    }
    await expect(page.getByTestId('node-c1')).toBeInViewport();
    await expect(page.getByTestId('node-redis')).toBeInViewport();
    await page.screenshot({ path: `${SHOTS}/phone-initial.png` });

    await page.getByTestId('step-button').tap();
    await expect.poll(() => sim.steps()).toBe(1);
    await sim.advance(80);
    await expect(page.locator('[data-key="greeting"]')).toBeVisible();
    await sim.advance(950);
    await page.screenshot({ path: `${SHOTS}/phone-playing.png` });
    await page.screenshot({ path: `${SHOTS}/phone-full.png`, fullPage: true });

    await page.emulateMedia({ colorScheme: 'dark' });
    // Let the buttons' colour transitions to the dark theme finish.
    await page.waitForFunction(() => document.getAnimations().every((a) => !(a instanceof CSSTransition)));
    await page.screenshot({ path: `${SHOTS}/phone-dark.png` });
  });
});
