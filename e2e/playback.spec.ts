import { brokenLinkScenario, expect, openPlayground, SHOTS, test } from './fixtures';

test.describe('playback and time travel', () => {
  test('Step back undoes exactly one engine event, and the caption follows', async ({ page }) => {
    const sim = await openPlayground(page);
    await expect(page.getByTestId('step-back-button')).toBeDisabled();
    for (let i = 0; i < 3; i++) await page.getByTestId('step-button').click();
    await expect.poll(() => sim.steps()).toBe(3);
    await expect(page.getByTestId('caption')).toContainText('redis runs SET greeting');
    await expect(page.locator('[data-key="greeting"]')).toBeVisible();

    await page.getByTestId('step-back-button').click();
    await expect.poll(() => sim.steps()).toBe(2);
    await expect(page.getByTestId('step-readout')).toHaveText('2');
    await expect(page.getByTestId('caption')).toHaveText('redis starts');
    // The SET has not run yet: the key is gone and the message is back on the wire.
    await expect(page.locator('[data-key="greeting"]')).toHaveCount(0);
    await expect(page.getByTestId('msg-dot')).toHaveCount(1);

    await page.locator('body').press('ArrowLeft');
    await expect.poll(() => sim.steps()).toBe(1);
    await expect(page.getByTestId('caption-line')).toHaveText(['client starts']);
  });

  test('speed goes from 0.1× to 100×', async ({ page }) => {
    const sim = await openPlayground(page);
    const select = page.getByTestId('speed-select');
    const options = await select.locator('option').allTextContents();
    expect(options[0]).toBe('0.1×');
    expect(options.at(-1)).toBe('100×');
    await select.selectOption('100');
    expect(await sim.speed()).toBe(100);
    await page.locator('body').press('[');
    expect(await sim.speed()).toBe(50);
    await expect(select).toHaveValue('50');
  });

  test('the timeline shows event density and intervention and violation markers; dragging seeks at once', async ({ page }) => {
    const sim = await openPlayground(page);
    expect(await sim.load(await brokenLinkScenario(page))).toEqual([]);
    const timeline = page.getByTestId('timeline');
    await expect(timeline.getByTestId('timeline-intervention')).toHaveCount(2);
    await expect(timeline.getByTestId('timeline-violation')).toHaveCount(1);
    await expect(timeline.getByTestId('timeline-violation')).toHaveAttribute('title', /never arrived: the link is cut/);
    // Violations are known before playback reaches them: the run was looked at to its end.
    expect(await sim.time()).toBe(0);
    expect((await sim.violations())[0].t).toBeCloseTo(993.6, 0);

    // Drag the thumb: every position is a seek, no waiting for playback.
    const track = (await page.getByTestId('scrubber').boundingBox())!;
    const y = track.y + track.height / 2;
    const xAt = (t: number) => track.x + 8 + ((track.width - 16) * t) / 4000;
    await page.mouse.move(xAt(0), y);
    await page.mouse.down();
    await page.mouse.move(xAt(500), y, { steps: 4 });
    await expect.poll(() => sim.time()).toBeGreaterThan(400);
    await page.mouse.move(xAt(3000), y, { steps: 4 });
    await page.mouse.up();
    await expect.poll(() => sim.time()).toBeGreaterThan(2900);
    await expect(page.getByTestId('log-entry').first()).toContainText(/healed|expiry|greeting/);

    // A violation marker seeks to just after the violation.
    await timeline.getByTestId('timeline-violation').click();
    await expect(page.getByTestId('caption')).toContainText('never arrived: the link is cut');
    await page.screenshot({ path: `${SHOTS}/desktop-timeline.png` });
  });

  test('pause on violation stops playback at the violation and shows it on the timeline, in the log and on the nodes', async ({ page }) => {
    const sim = await openPlayground(page);
    expect(await sim.load(await brokenLinkScenario(page))).toEqual([]);
    await expect(page.getByTestId('pause-on-violation')).toHaveAttribute('aria-pressed', 'true');
    await sim.play();
    // Drive virtual time as the animation loop would, far past the violation at ~994 ms.
    const stoppedAt = await sim.advance(3000);
    expect(stoppedAt).toBeCloseTo(993.6, 0);
    expect(await sim.playing()).toBe(false);
    await expect(page.getByTestId('halted')).toBeVisible();
    await expect(page.getByTestId('caption')).toContainText('✖ a message from client to redis never arrived: the link is cut');
    await expect(page.locator('[data-testid="log-entry"][data-type="invariant.violation"]')).toHaveCount(1);
    await expect(page.getByTestId('violation-count')).toHaveText('1');
    for (const node of ['c1', 'redis']) {
      await expect(page.getByTestId(`node-${node}`).getByTestId('node-violation')).toContainText('never arrived: the link is cut');
    }
    await page.screenshot({ path: `${SHOTS}/desktop-violation.png` });

    // Back before it, the nodes no longer show it.
    await sim.seek(500);
    await expect(page.getByTestId('node-violation')).toHaveCount(0);

    // With the toggle off, time runs through it.
    await page.getByTestId('pause-on-violation').click();
    await expect(page.getByTestId('pause-on-violation')).toHaveAttribute('aria-pressed', 'false');
    expect(await sim.advance(3000)).toBe(3500);
    await expect(page.getByTestId('node-redis').getByTestId('node-violation')).toBeVisible();
  });
});
