import { expect, openPlayground, SHOTS, test } from './fixtures';

test.describe('inspector', () => {
  test('selecting a node shows its label, parameters (with units) and its state as a tree', async ({ page }) => {
    const sim = await openPlayground(page);
    await sim.advance(600);
    await page.getByTestId('node-redis').click();
    const inspector = page.getByTestId('inspector');
    await expect(page.getByTestId('tab-inspect')).toHaveAttribute('aria-selected', 'true');
    await expect(inspector).toHaveAttribute('data-id', 'redis');
    await expect(page.getByTestId('inspector-label')).toHaveValue('redis');
    await expect(inspector.getByLabel('Expiry cycles')).toHaveValue('10');
    await expect(inspector.getByText('per s')).toBeVisible();
    await expect(inspector.getByText('Replication timeout')).toBeVisible();
    await expect(inspector.getByTestId('inspector-status')).toHaveText('up');
    const tree = inspector.getByTestId('state-tree');
    await expect(tree).toContainText('greeting');
    await expect(tree).toContainText('"hello"');
    await page.screenshot({ path: `${SHOTS}/desktop-inspector.png` });

    // The tree follows the cursor.
    await sim.advance(2200);
    await expect(tree).not.toContainText('"hello"');
  });

  test('a bad value is explained inline and never applied; a good one re-runs from the start and keeps the time', async ({ page }) => {
    const sim = await openPlayground(page);
    await sim.advance(1200);
    await page.getByTestId('node-c1').click();
    const interval = page.getByTestId('field-program.intervalMs');
    await expect(interval).toHaveValue('900');
    await expect(page.getByTestId('inspector').getByText('ms', { exact: true }).first()).toBeVisible();

    await interval.fill('-5');
    await expect(page.getByTestId('field-error')).toHaveText('expected a number >= 0');
    await interval.press('Enter');
    await expect(page.getByTestId('node-c1-status')).toContainText('Not applied');
    expect(((await sim.scenario()) as { nodes: { params: { program: { intervalMs: number } } }[] }).nodes[0].params.program.intervalMs).toBe(900);

    await interval.fill('abc');
    await expect(page.getByTestId('field-error')).toHaveText(/expected a number/);

    await interval.fill('100');
    await expect(page.getByTestId('field-error')).toHaveCount(0);
    await interval.press('Enter');
    await expect.poll(async () => ((await sim.scenario()) as { nodes: { params: { program: { intervalMs: number } } }[] }).nodes[0].params.program.intervalMs).toBe(100);
    expect(await sim.time()).toBe(1200);
    // With 100 ms between commands the whole script has run by 1.2 s.
    await expect(page.getByTestId('client-status')).toHaveAttribute('data-state', 'done');
    await page.getByTestId('tab-log').click();
    await expect(page.getByTestId('log-entry').filter({ hasText: 'PTTL greeting' }).first()).toBeVisible();
    await page.getByTestId('tab-inspect').click();

    // Commands are edited as lines of words.
    const commands = page.getByTestId('field-program.commands');
    await expect(commands).toHaveValue('SET greeting hello PX 2500\nGET greeting\nPTTL greeting\nGET greeting');
    await commands.fill('SET greeting "hello world"\nGET greeting');
    await commands.blur();
    await expect
      .poll(async () => ((await sim.scenario()) as { nodes: { params: { program: { commands: string[][] } } }[] }).nodes[0].params.program.commands)
      .toEqual([['SET', 'greeting', 'hello world'], ['GET', 'greeting']]);

    // Undo brings the old value back into the form.
    await page.keyboard.press('Control+z');
    await expect(commands).toHaveValue('SET greeting hello PX 2500\nGET greeting\nPTTL greeting\nGET greeting');
  });

  test('switching a client to another program points it at the linked server of that kind, with example commands', async ({ page }) => {
    const sim = await openPlayground(page);
    expect(
      await sim.load({
        version: 1,
        id: 'switch',
        title: 'A client beside ZooKeeper',
        seed: 1,
        nodes: [
          { id: 'c1', type: 'client', position: { x: 0, y: 0 }, params: { program: { kind: 'redis-script', target: 'redis', commands: [['PING']] } } },
          { id: 'zk1', type: 'zookeeper', label: 'coordination', position: { x: 360, y: 0 } },
        ],
        edges: [{ id: 'c1-zk1', source: 'c1', target: 'zk1' }],
        interventions: [],
        monitors: [],
        playback: { startMs: 0, speed: 1, untilMs: 5000 },
      }),
    ).toEqual([]);
    await page.getByTestId('node-c1').click();
    await page.getByTestId('field-program.kind').selectOption('zk-script');
    await expect(page.getByTestId('field-program.target')).toHaveValue('zk1');
    await expect(page.getByTestId('field-program.ops')).toHaveValue(/^create \/app hello\nget -w \/app/);
    await expect.poll(async () => ((await sim.scenario()) as { nodes: { params: { program: { kind: string; target: string } } }[] }).nodes[0].params.program).toMatchObject({ kind: 'zk-script', target: 'zk1' });
    await sim.seek(2000);
    // The example ran: /app was created, then set to bye.
    await expect(page.getByTestId('node-zk1')).toContainText('app“bye”');
    await page.screenshot({ path: `${SHOTS}/desktop-program-switch.png` });

    // The card's warning follows the target as it is typed, before anything is applied.
    const target = page.getByTestId('field-program.target');
    await target.fill('zk9');
    await expect(page.getByTestId('node-c1').getByTestId('node-warning')).toHaveText(/talks to “zk9”, which is not on the canvas/);
    await target.fill('zk1');
    await expect(page.getByTestId('node-c1').getByTestId('node-warning')).toHaveCount(0);
  });

  test('renaming a node changes what the canvas and the narration call it', async ({ page }) => {
    const sim = await openPlayground(page);
    await page.getByTestId('node-redis').click();
    await page.getByTestId('inspector-label').fill('cache');
    await page.getByTestId('inspector-label').press('Enter');
    await expect(page.getByTestId('node-redis')).toContainText('cache');
    await sim.advance(60);
    await expect(page.getByTestId('caption')).toContainText('cache runs SET greeting');
  });

  test('selecting a link shows its parameters from the link schema; a latency change applies', async ({ page }) => {
    const sim = await openPlayground(page);
    // The latency label sits on the middle of the link and lets clicks through to it.
    const mid = (await page.getByTestId('edge-c1-redis').boundingBox())!;
    await page.mouse.click(mid.x + mid.width / 2, mid.y + mid.height / 2);
    const inspector = page.getByTestId('inspector');
    await expect(inspector).toHaveAttribute('data-kind', 'edge');
    await expect(page.getByTestId('field-latency.kind')).toHaveValue('uniform');
    await expect(page.getByTestId('field-latency.minMs')).toHaveValue('40');
    await page.getByTestId('field-loss').fill('2');
    await expect(page.getByTestId('field-error')).toHaveText('expected a probability from 0 to 1');
    await page.getByTestId('field-loss').fill('');
    await page.getByTestId('field-latency.kind').selectOption('fixed');
    await page.getByTestId('field-latency.ms').fill('300');
    await page.getByTestId('field-latency.ms').press('Enter');
    await expect(page.getByTestId('edge-c1-redis')).toHaveText('300 ms');
    await expect(inspector.getByTestId('state-tree')).toContainText('extraLatencyMs');
    await sim.advance(400);
    await page.getByTestId('tab-log').click();
    await expect(page.getByTestId('log-entry').filter({ hasText: 'in flight 300 ms' })).toHaveCount(1);
    await page.screenshot({ path: `${SHOTS}/desktop-link-inspector.png` });
  });
});
