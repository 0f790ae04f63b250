import { brokenLinkScenario, expect, openPlayground, SHOTS, test } from './fixtures';

test.describe('event log and narration', () => {
  test('the log follows the cursor and filters by node and by kind', async ({ page }) => {
    const sim = await openPlayground(page);
    expect(await sim.load(await brokenLinkScenario(page))).toEqual([]);
    await page.getByTestId('pause-on-violation').click(); // run through the violation
    await sim.advance(2100);
    const entries = page.getByTestId('log-entry');
    await expect(entries.first()).toContainText('link c1-redis is healed');
    const all = await entries.count();

    // Kinds: hide everything but faults.
    for (const k of ['net', 'timer', 'redis', 'zk', 'client', 'invariant', 'other']) await page.getByTestId(`log-kind-${k}`).click();
    await expect(page.getByTestId('log-kind-net')).toHaveAttribute('aria-pressed', 'false');
    await expect(entries).toHaveText([/healed/, /is cut/]);
    await page.getByTestId('log-kind-invariant').click();
    await expect(entries).toHaveCount(3);
    await expect(page.locator('[data-testid="log-entry"][data-type="invariant.violation"]')).toHaveCount(1);
    for (const k of ['net', 'timer', 'redis', 'zk', 'client', 'other']) await page.getByTestId(`log-kind-${k}`).click();
    await expect(entries).toHaveCount(all);

    // Node: only what involves redis (its own events and messages to or from it).
    await page.getByTestId('log-node-filter').selectOption('redis');
    const texts = await entries.allTextContents();
    expect(texts.length).toBeLessThan(all);
    expect(texts.every((t) => /redis/.test(t))).toBe(true);
    expect(texts.some((t) => t.includes('client starts'))).toBe(false);

    // Following the cursor: seeking back shows only what had happened by then.
    await sim.seek(100);
    await expect(entries.first()).toContainText('client: OK');
    await expect(entries.filter({ hasText: 'healed' })).toHaveCount(0);
  });

  test('choosing a line seeks to its step and points out the nodes and the link involved', async ({ page }) => {
    const sim = await openPlayground(page);
    await sim.advance(1500);
    const line = page.getByTestId('log-entry').filter({ hasText: 'redis runs SET greeting' });
    const step = Number(await line.getAttribute('data-step'));
    await line.getByRole('button').click();
    await expect.poll(() => sim.steps()).toBe(step + 1);
    await expect(page.getByTestId('caption')).toContainText('redis runs SET greeting hello PX 2500');
    await expect(page.getByTestId('node-redis')).toHaveAttribute('data-focused', 'true');
    await expect(page.getByTestId('node-c1')).toHaveAttribute('data-focused', 'true');
    await expect(page.locator('.react-flow__edge[data-id="c1-redis"] path.react-flow__edge-path')).toHaveCSS('stroke-width', '4px');
    // The reply that step sent is pointed out on the wire.
    await expect(page.locator('[data-testid="msg-dot"][data-focused]')).toContainText('OK');
    await page.screenshot({ path: `${SHOTS}/desktop-log-focus.png` });

    // The highlight belongs to that moment: stepping on clears it.
    await page.getByTestId('step-button').click();
    await expect(page.locator('[data-focused]')).toHaveCount(0);
  });

  test('the caption narrates the step in plain words, with the messages it sent, in a live region', async ({ page }) => {
    const sim = await openPlayground(page);
    const caption = page.getByTestId('caption');
    await expect(caption).toHaveAttribute('aria-live', 'polite');
    await sim.advance(100);
    await expect(caption.getByTestId('caption-line')).toHaveText(['redis → client: OK (in flight 41.9 ms)', 'client gets OK for SET greeting hello PX 2500 after 94 ms']);
    await expect(caption.getByTestId('caption-send')).toHaveCount(0);
    await sim.advance(900); // the next command's timer fires and the GET leaves
    await expect(caption.getByTestId('caption-line')).toHaveText(['client: next command']);
    await expect(caption.getByTestId('caption-send')).toHaveText(['↳ client sends GET greeting to redis']);
  });
});
