import { expect, frames, openPlayground, SHOTS, test } from './fixtures';

test.describe('messages you can follow', () => {
  test('at 1× a 40–60 ms message takes a readable time to cross: virtual time runs slow while it flies', async ({ page }) => {
    const sim = await openPlayground(page);
    await page.getByTestId('play-button').click();
    // Per frame: wall time, virtual time, messages on the wire.
    const samples = await page.evaluate(
      () =>
        new Promise<{ wall: number; t: number; flying: number }[]>((resolve) => {
          const out: { wall: number; t: number; flying: number }[] = [];
          const tick = () => {
            out.push({ wall: performance.now(), t: window.__sim!.time(), flying: window.__sim!.inFlight().length });
            if (out.at(-1)!.wall - out[0].wall < 1200) requestAnimationFrame(tick);
            else resolve(out);
          };
          requestAnimationFrame(tick);
        }),
    );
    await page.getByTestId('play-button').click();
    const flying = samples.filter((s, i) => i > 0 && s.flying > 0 && samples[i - 1].flying > 0);
    expect(flying.length).toBeGreaterThan(1);
    const first = flying[0];
    const last = flying.at(-1)!;
    // Unpaced, 1× moves 1 virtual ms per wall ms; paced, a 50 ms flight takes ~600 ms.
    expect((last.t - first.t) / (last.wall - first.wall)).toBeLessThan(0.15);
    // The time shown is the engine's virtual time, not the wall clock.
    await expect(page.getByTestId('time-readout')).toHaveText(`${(await sim.time()).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} ms`);
  });

  test('a message is drawn above the cards, with a short fading trail; none where it waits (reduced motion)', async ({ page }) => {
    const sim = await openPlayground(page);
    await sim.advance(20);
    const dot = page.getByTestId('msg-dot');
    await expect(dot).toHaveCount(1);
    // In the viewport's portal, stacked above every card (a selected one is lifted to 1000).
    expect(await dot.evaluate((el) => el.closest('.react-flow__viewport-portal') !== null)).toBe(true);
    expect(Number(await dot.evaluate((el) => getComputedStyle(el).zIndex))).toBeGreaterThan(1000);
    // One element under the dot, its five marks drawn as shadows of a dot-sized circle.
    const trail = page.getByTestId('msg-trail');
    await expect(trail).toHaveCount(1);
    await expect(trail).toHaveAttribute('data-marks', '5');
    expect(Number(await trail.evaluate((el) => getComputedStyle(el).zIndex))).toBeLessThan(Number(await dot.evaluate((el) => getComputedStyle(el).zIndex)));
    const marks = await trail.evaluate((el) => [...getComputedStyle(el).boxShadow.matchAll(/(-?[\d.]+)px (-?[\d.]+)px 0px (-?[\d.]+)px/g)].map((m) => ({ dx: Number(m[1]), r: 7 + Number(m[3]) })));
    expect(marks).toHaveLength(5);
    const [d, t] = [(await dot.boundingBox())!, (await trail.boundingBox())!];
    expect(t.x + t.width / 2).toBeCloseTo(d.x + d.width / 2, 0);
    // The trail lies behind the dot: towards the sender (the client, left of redis), each mark
    // further back and smaller than the one before.
    for (let i = 0; i < marks.length; i++) {
      expect(marks[i].dx).toBeLessThan(i === 0 ? -3 : marks[i - 1].dx);
      expect(marks[i].r).toBeLessThan(i === 0 ? 7 : marks[i - 1].r);
    }
    await page.screenshot({ path: `${SHOTS}/message-trail.png` });

    await page.emulateMedia({ reducedMotion: 'reduce' });
    await frames(page, 2);
    await expect(page.getByTestId('msg-trail')).toHaveCount(0);
  });

  test('latency labels: only a link that differs from the scenario’s usual latency shows it; the rest on hover', async ({ page }) => {
    await openPlayground(page, '#scenario=redis-failover');
    // app–primary has the usual latency (the first link's, on a tie); primary–replica is faster.
    await expect(page.getByTestId('edge-primary-replica')).toHaveAttribute('data-shown', 'true');
    await expect(page.getByTestId('edge-primary-replica')).toBeVisible();
    const usual = page.getByTestId('edge-app-primary');
    await expect(usual).not.toHaveAttribute('data-shown');
    await expect(usual).toBeHidden();
    const box = (await usual.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await expect(usual).toBeVisible();
    await page.mouse.move(5, 400);
    await expect(usual).toBeHidden();
  });
});
