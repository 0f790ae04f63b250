import type { Page } from '@playwright/test';
import { expect, openPlayground, withDatagramLink, SHOTS, test } from './fixtures';

/** Right-clicks the middle of a link (where its latency label sits, which lets pointer events through). */
async function rightClickEdge(page: Page, id: string) {
  const box = (await page.getByTestId(`edge-${id}`).boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2, { button: 'right' });
}

test.describe('fault injection', () => {
  test('right-click a node, crash it: the intervention is recorded at the cursor, shown, and removable', async ({ page }) => {
    const sim = await openPlayground(page);
    await sim.advance(600);
    await page.getByTestId('node-redis').click({ button: 'right' });
    const menu = page.getByTestId('fault-menu');
    await expect(menu).toBeVisible();
    await expect(menu).toHaveAccessibleName('Faults for redis');
    await expect(menu.getByTestId('fault-restartNode')).toBeDisabled();
    await menu.getByTestId('fault-crash').click();
    await expect(menu).toHaveCount(0);

    await expect(page.getByTestId('node-redis')).toHaveAttribute('data-status', 'crashed');
    expect(await sim.interventions()).toEqual([{ at: 600, kind: 'crash', node: 'redis', by: 'user' }]);
    expect(await sim.time()).toBe(600);
    await expect(page.getByTestId('timeline-intervention')).toHaveCount(1);
    await expect(page.getByTestId('tab-faults')).toContainText('1');

    // The run was rebuilt: the GET at ~994 ms now finds Redis down.
    await sim.advance(500);
    await expect(page.getByTestId('log-entry').filter({ hasText: 'redis is down' })).toHaveCount(1);
    await page.screenshot({ path: `${SHOTS}/desktop-crashed.png` });

    await page.getByTestId('tab-faults').click();
    await expect(page.getByTestId('intervention')).toHaveText([/600\.0 ms\s*crash redis/]);
    await page.getByTestId('remove-intervention').click();
    await expect(page.getByTestId('intervention')).toHaveCount(0);
    await expect(page.getByTestId('node-redis')).toHaveAttribute('data-status', 'up');
    expect(await sim.time()).toBe(1100);
  });

  test('pause and clock skew take a number; adding one before later interventions asks, and dropping them names them', async ({ page }) => {
    const sim = await openPlayground(page);
    await sim.advance(1500);
    await page.getByTestId('node-menu-redis').click();
    await page.getByTestId('fault-skew-value').fill('1500');
    await page.getByTestId('fault-skew').click();
    await expect(page.getByTestId('node-redis').getByTestId('clock-offset')).toHaveText('clock +1500 ms');

    await sim.seek(1000);
    await page.getByTestId('node-menu-c1').click();
    await page.getByTestId('fault-pauseNode-value').fill('abc');
    await expect(page.getByTestId('fault-pauseNode')).toBeDisabled();
    await page.getByTestId('fault-pauseNode-value').fill('400');
    await page.getByTestId('fault-pauseNode').click();
    await expect(page.getByTestId('branch-later')).toHaveText(/1,500\.0 ms\s*skew redis's clock by \+1500 ms\s*yours/);
    await page.getByTestId('branch-drop').click();
    await expect(page.getByTestId('notice')).toContainText("The run branches here without: skew redis's clock by +1500 ms at 1,500.0 ms.");
    expect(await sim.interventions()).toEqual([{ at: 1000, kind: 'pause', node: 'c1', durationMs: 400, by: 'user' }]);
    await expect(page.getByTestId('node-c1')).toHaveAttribute('data-status', 'paused');
    await sim.advance(401);
    await expect(page.getByTestId('node-c1')).toHaveAttribute('data-status', 'up');
  });

  test('keyboard: focus a node, press M, choose with the arrows and Enter', async ({ page }) => {
    const sim = await openPlayground(page);
    await sim.advance(200);
    await page.locator('.react-flow__node[data-id="redis"]').focus();
    await page.keyboard.press('m');
    const menu = page.getByTestId('fault-menu');
    await expect(menu).toBeVisible();
    await expect(menu.getByTestId('fault-crash')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId('fault-pauseNode-value')).toBeFocused(); // Restart is disabled: skipped
    await page.keyboard.press('ArrowUp');
    await expect(menu.getByTestId('fault-crash')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('node-redis')).toHaveAttribute('data-status', 'crashed');
    // Focus went back to the node, so the next key works there too.
    await expect(page.locator('.react-flow__node[data-id="redis"]')).toBeFocused();
    await page.keyboard.press('m');
    await expect(menu.getByTestId('fault-restartNode')).toBeEnabled();
    await page.keyboard.press('Escape');
    await expect(menu).toHaveCount(0);
  });

  test('a link can be cut and healed: it is drawn cut, with scissors; TCP keeps what is sent into it and retransmits it after the heal', async ({ page }) => {
    const sim = await openPlayground(page);
    await sim.advance(900);
    await rightClickEdge(page, 'c1-redis');
    await expect(page.getByTestId('fault-menu')).toHaveAccessibleName('Faults for client ↔ redis');
    await expect(page.getByTestId('fault-link-kind')).toContainText('A TCP connection: a cut or a loss delays messages, never drops them');
    await page.getByTestId('fault-partition').click();
    const label = page.getByTestId('edge-c1-redis');
    await expect(label).toHaveAttribute('data-cut', 'true');
    await expect(label).toContainText('cut');
    await expect(page.locator('.react-flow__edge[data-id="c1-redis"] path.react-flow__edge-path')).toHaveCSS('stroke-dasharray', /7/);
    await sim.advance(200);
    // The client's next command waits in its send buffer; the link says so.
    await expect(page.getByTestId('log-entry').filter({ hasText: "TCP send buffer (the link is cut)" }).first()).toBeVisible();
    await expect(label).toHaveAttribute('data-conn', 'retransmitting');
    await expect(label).toContainText(/waiting · RTO \d+ ms/);
    await page.screenshot({ path: `${SHOTS}/desktop-cut-retransmitting.png` });

    await rightClickEdge(page, 'c1-redis');
    await expect(page.getByTestId('fault-partition')).toBeDisabled();
    await page.getByTestId('fault-heal').click();
    await expect(label).not.toHaveAttribute('data-cut', 'true');
    expect((await sim.interventions()).map((i) => i.kind)).toEqual(['partition', 'heal']);
    // The next retransmission gets through, and nothing was dropped.
    await sim.advance(2000);
    await expect(page.getByTestId('log-entry').filter({ hasText: 'this time they get through' }).first()).toBeVisible();
    await expect(page.getByTestId('log-entry').filter({ hasText: 'dropped' })).toHaveCount(0);
  });

  test('a crash resets its connections: the link says so for a moment, then is quiet again', async ({ page }) => {
    const sim = await openPlayground(page);
    await sim.advance(600);
    await page.getByTestId('node-redis').click({ button: 'right' });
    await page.getByTestId('fault-menu').getByTestId('fault-crash').click();
    const label = page.getByTestId('edge-c1-redis');
    await expect(label).toHaveAttribute('data-conn', 'half-open');
    await expect(label).toContainText('half-open · client has not heard');
    // One latency later the reset has reached c1: both ends know.
    await sim.advance(50);
    await expect(label).toHaveAttribute('data-conn', 'ended');
    await expect(label).toHaveText('connection reset: redis went down');
    await page.screenshot({ path: `${SHOTS}/desktop-connection-reset.png` });
    await sim.advance(2000);
    await expect(label).not.toHaveAttribute('data-conn', /.+/);
  });

  test('a lossy datagram link: a lost message glides to the middle, then falls and fades', async ({ page }) => {
    const sim = await openPlayground(page);
    await sim.load(await withDatagramLink(page, 'c1-redis'));
    await rightClickEdge(page, 'c1-redis');
    await expect(page.getByTestId('fault-link-kind')).toContainText('Datagrams: each message on its own. A cut or a loss drops it');
    await page.getByTestId('fault-loss-value').fill('1');
    await page.getByTestId('fault-loss').click();
    await page.getByTestId('fault-menu').waitFor({ state: 'detached' });
    await rightClickEdge(page, 'c1-redis');
    await page.getByTestId('fault-latency-value').fill('400');
    await page.getByTestId('fault-latency').click();
    expect(await sim.interventions()).toEqual([
      { at: 0, kind: 'link', edge: 'c1-redis', loss: 1, by: 'user' },
      { at: 0, kind: 'link', edge: 'c1-redis', extraLatencyMs: 400, by: 'user' },
    ]);

    // Step until the client has sent its SET, into a link that loses everything (the two
    // faults at 0 ms come first).
    while ((await sim.inFlight()).length === 0) await sim.step();
    const [m] = await sim.inFlight();
    expect(m.lost).toBe(true);
    const dot = page.getByTestId('msg-dot');
    await expect(dot).toHaveAttribute('data-fall', '0.00');
    await expect(dot).not.toContainText('✕');
    const life = m.arriveAt - m.sentAt;
    await sim.advance(life * 0.5);
    const gliding = (await dot.boundingBox())!;
    await sim.advance(life * 0.4);
    await expect(dot).toContainText('✕');
    const falling = (await dot.boundingBox())!;
    expect(Number(await dot.getAttribute('data-fall'))).toBeGreaterThan(0.5);
    expect(falling.y).toBeGreaterThan(gliding.y + 5);
    expect(Number(await dot.evaluate((el) => getComputedStyle(el).opacity))).toBeLessThan(0.5);
    await page.screenshot({ path: `${SHOTS}/desktop-lost-message.png` });
    await sim.advance(life * 0.2);
    await expect(dot).toHaveCount(0);
    await expect(page.getByTestId('log-entry').first()).toContainText('lost on the link');
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

    test('a long press on a node opens its fault menu; the fault lands when the finger came down', async ({ page }) => {
      const sim = await openPlayground(page);
      const node = page.getByTestId('node-redis');
      const box = (await node.boundingBox())!;
      const at = { clientX: box.x + 40, clientY: box.y + 60, pointerType: 'touch', isPrimary: true, bubbles: true };
      await sim.play();
      // Paced playback crosses the first messages slowly (a readable time each): only that time moves.
      await expect.poll(() => sim.time()).toBeGreaterThan(5);
      const before = await sim.time();
      await node.dispatchEvent('pointerdown', at);
      const after = await sim.time();
      await expect(page.getByTestId('fault-menu')).toBeVisible();
      await node.dispatchEvent('pointerup', at);
      await expect(page.getByTestId('fault-menu')).toHaveAccessibleName('Faults for redis');
      // The run moved on while the finger rested; the menu offers the moment it came down.
      const lands = Number(await page.getByTestId('fault-at').inputValue());
      expect(lands).toBeGreaterThanOrEqual(Math.floor(before));
      expect(lands).toBeLessThanOrEqual(Math.ceil(after) + 0.1);
      // (How far it moved depends on the frame rate, which a loaded machine lowers: only that it did.)
      expect(await sim.time()).toBeGreaterThan(after);
      await page.screenshot({ path: `${SHOTS}/phone-fault-menu.png` });
    });
  });
});
