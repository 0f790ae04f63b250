import type { Page } from '@playwright/test';
import { expect, openPlayground, settled, SHOTS, test } from './fixtures';

type Doc = { nodes: { id: string; type: string; label?: string; position: { x: number; y: number }; params: Record<string, unknown> }[]; edges: { id: string; source: string; target: string }[] };

/** Drags from one point to another with the mouse, in small moves, as a hand would. */
async function dragMouse(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
}

/** Edit mode: the palette comes out, and the view refits beside it; waits until it has settled. */
async function editMode(page: Page) {
  await page.getByTestId('edit-mode').click();
  await expect(page.getByTestId('edit-mode')).toHaveAttribute('aria-pressed', 'true');
  await settled(page);
}

const centre = (b: { x: number; y: number; width: number; height: number }) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

/** The centre of node `id`'s outgoing (source) handle. */
async function sourceHandle(page: Page, id: string) {
  return centre((await page.locator(`.react-flow__node[data-id="${id}"] .react-flow__handle.source`).boundingBox())!);
}

test.describe('canvas editing', () => {
  test('drag a component from the palette onto the canvas; a meaningless link is refused with a reason', async ({ page }) => {
    const sim = await openPlayground(page);
    await editMode(page);
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    await page.getByTestId('palette-zookeeper').dragTo(page.locator('.react-flow__pane'), { targetPosition: { x: pane.width / 2, y: pane.height - 160 } });
    await expect(page.getByTestId('node-zookeeper')).toBeVisible();
    await settled(page);
    let doc = (await sim.scenario()) as Doc;
    expect(doc.nodes.map((n) => n.type)).toEqual(['client', 'redis', 'zookeeper']);

    // Redis has nothing to say to ZooKeeper.
    const zk = centre((await page.getByTestId('node-zookeeper').boundingBox())!);
    await dragMouse(page, await sourceHandle(page, 'redis'), zk);
    await expect(page.getByTestId('notice')).toContainText('A Redis node has nothing to say to a ZooKeeper node: it talks to Client, Redis and Redis Sentinel.');
    doc = (await sim.scenario()) as Doc;
    expect(doc.edges).toHaveLength(1);
    await page.screenshot({ path: `${SHOTS}/desktop-refused-link.png` });
  });

  test('click to add; a client warns until it is linked to what its program needs; links rebuild the run', async ({ page }) => {
    const sim = await openPlayground(page);
    await editMode(page);
    await sim.advance(500);
    await page.getByTestId('palette-client').click();
    const added = page.getByTestId('node-client');
    await expect(added).toBeVisible();
    await expect(added.getByTestId('node-warning')).toHaveText('⚠Connect a Redis node: this client\'s program talks to one.');
    expect(await sim.time()).toBe(500);
    await settled(page);

    // Move it out of the way, then link it to Redis by dropping the link on Redis's card.
    const box = (await added.boundingBox())!;
    const placedY = ((await sim.scenario()) as Doc).nodes.find((n) => n.id === 'client')!.position.y;
    await dragMouse(page, { x: box.x + 60, y: box.y + 14 }, { x: box.x + 60, y: box.y + 250 });
    await expect.poll(async () => ((await sim.scenario()) as Doc).nodes.find((n) => n.id === 'client')!.position.y).toBeGreaterThan(placedY + 100);
    await dragMouse(page, await sourceHandle(page, 'client'), centre((await page.getByTestId('node-redis').boundingBox())!));
    await expect(added.getByTestId('node-warning')).toHaveCount(0);
    const doc = (await sim.scenario()) as Doc;
    expect(doc.edges.map((e) => `${e.source}-${e.target}`)).toContain('client-redis');
    // The new client's program is running against Redis: its SET went out at 0 ms.
    expect(await sim.time()).toBe(500);
    await expect(page.locator('[data-testid="redis-key"][data-key="key"]')).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/desktop-edited.png` });
  });

  test('Redis to Redis is allowed (a replica)', async ({ page }) => {
    const sim = await openPlayground(page);
    await editMode(page);
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    await page.getByTestId('palette-redis').dragTo(page.locator('.react-flow__pane'), { targetPosition: { x: pane.width - 260, y: pane.height - 150 } });
    await expect(page.getByTestId('node-redis2')).toBeVisible();
    await settled(page);
    await dragMouse(page, await sourceHandle(page, 'redis'), centre((await page.getByTestId('node-redis2').boundingBox())!));
    await expect.poll(async () => ((await sim.scenario()) as Doc).edges.map((e) => e.id)).toContain('redis-redis2');
  });

  test('without dragging: link from the inspector, refused links explained there too', async ({ page }) => {
    const sim = await openPlayground(page);
    await editMode(page);
    await page.getByTestId('palette-zookeeper').click();
    await page.getByTestId('palette-client').click();
    await page.getByTestId('node-redis').click();
    await page.getByTestId('inspector-link-to').selectOption('zookeeper');
    await expect(page.getByTestId('inspector-link-problem')).toHaveText('A Redis node has nothing to say to a ZooKeeper node: it talks to Client, Redis and Redis Sentinel.');
    await page.getByTestId('node-client').click();
    await page.getByTestId('inspector-link-to').selectOption('redis');
    await expect(page.getByTestId('inspector-links')).toContainText('redis');
    await expect(page.getByTestId('node-client').getByTestId('node-warning')).toHaveCount(0);
    expect(((await sim.scenario()) as Doc).edges.map((e) => e.id)).toContain('client-redis');
    await page.getByRole('button', { name: 'Remove the link to redis' }).click();
    await expect(page.getByTestId('node-client').getByTestId('node-warning')).toBeVisible();
  });

  test('delete, undo and redo; fit view and the minimap', async ({ page }) => {
    const sim = await openPlayground(page);
    await expect(page.locator('.react-flow__minimap')).toBeVisible();
    await page.getByTestId('node-redis').click();
    await page.keyboard.press('Delete');
    await expect(page.getByTestId('node-redis')).toHaveCount(0);
    await expect(page.getByTestId('node-c1').getByTestId('node-warning')).toContainText('Connect a Redis node');
    expect(((await sim.scenario()) as Doc).edges).toHaveLength(0);

    await page.keyboard.press('Control+z');
    await expect(page.getByTestId('node-redis')).toBeVisible();
    expect(((await sim.scenario()) as Doc).edges).toHaveLength(1);
    await page.keyboard.press('Control+Shift+z');
    await expect(page.getByTestId('node-redis')).toHaveCount(0);
    await page.getByTestId('undo').click();
    await expect(page.getByTestId('node-redis')).toBeVisible();
    await expect(page.getByTestId('redo')).toBeEnabled();

    // Zoom far out, then F fits the graph back into view.
    for (let i = 0; i < 4; i++) await page.locator('.react-flow__controls-zoomout').click();
    const small = (await page.getByTestId('node-redis').boundingBox())!.width;
    await page.locator('body').press('f');
    await expect.poll(async () => (await page.getByTestId('node-redis').boundingBox())!.width).toBeGreaterThan(small + 20);
  });
});
