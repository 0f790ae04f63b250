import type { Page } from '@playwright/test';
import { bigScenario } from '../bench/big-scenario';
import { expect, frames, openPlayground, SHOTS, test } from './fixtures';

/** Two Redis servers, one replicating the other, a ZooKeeper and eight clients: written without positions, so all at 0,0. */
function positionless(): unknown {
  const nodes: unknown[] = [
    { id: 'r1', type: 'redis' },
    { id: 'r2', type: 'redis', params: { replicaOf: 'r1' } },
    { id: 'zk', type: 'zookeeper' },
  ];
  const edges: unknown[] = [{ id: 'r1-r2', source: 'r1', target: 'r2' }];
  for (let i = 0; i < 8; i++) {
    const redis = i < 6;
    const target = redis ? 'r1' : 'zk';
    const program = redis ? { kind: 'redis-script', target, commands: [['SET', `k${i}`, 'v']] } : { kind: 'zk-script', target, ops: [`create /n${i} x`] };
    nodes.push({ id: `c${i}`, type: 'client', params: { program } });
    edges.push({ id: `c${i}-${target}`, source: `c${i}`, target });
  }
  return { version: 1, title: 'Imported without positions', seed: 3, nodes, edges, playback: { untilMs: 3000 } };
}

/** On-screen boxes of every node card, and the pairs that overlap. */
async function overlapping(page: Page): Promise<{ count: number; pairs: string[] }> {
  const boxes = await page.locator('.react-flow__node').evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { id: el.getAttribute('data-id') ?? '?', x: r.x, y: r.y, w: r.width, h: r.height };
    }),
  );
  const pairs: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h) pairs.push(`${a.id}/${b.id}`);
    }
  }
  return { count: boxes.length, pairs };
}

for (const size of [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
]) {
  test(`a scenario without positions is laid out when opened, readable (${size.name})`, async ({ page }) => {
    await page.setViewportSize(size);
    const sim = await openPlayground(page);
    expect(await sim.load(positionless())).toEqual([]);
    await sim.seek(1500);
    await frames(page, 3);
    const { count, pairs } = await overlapping(page);
    expect(count).toBe(11);
    expect(pairs).toEqual([]);
    // Clients start their links, so they sit before the servers (left of them, or above on a phone).
    const box = async (id: string) => (await page.locator(`.react-flow__node[data-id="${id}"]`).boundingBox())!;
    const [client, redis, replica] = [await box('c0'), await box('r1'), await box('r2')];
    const along = size.name === 'phone' ? 'y' : 'x';
    expect(client[along]).toBeLessThan(redis[along]);
    expect(redis[along]).toBeLessThan(replica[along]);
    await page.screenshot({ path: `${SHOTS}/layout-imported-${size.name}.png` });
  });
}

test('Auto-layout re-arranges the current scenario as an undoable edit', async ({ page }) => {
  const sim = await openPlayground(page, '#scenario=gc-pause-fencing-safe');
  const where = async () => ((await sim.scenario()) as { nodes: { id: string; position: { x: number; y: number } }[] }).nodes.map((n) => `${n.id}@${n.position.x},${n.position.y}`);
  const before = await where();
  await page.getByTestId('auto-layout').click();
  // The layout engine (dagre) is fetched on first use: the edit lands once it has arrived.
  await expect.poll(where).not.toEqual(before);
  const after = await where();
  expect((await overlapping(page)).pairs).toEqual([]);
  await page.getByTestId('undo').click();
  expect(await where()).toEqual(before);
  // The registry's key does the same.
  await page.locator('body').press('l');
  await expect.poll(where).toEqual(after);
});

test('the storage card counts writes and shows the stale write fencing refused (gc-pause-fencing-safe)', async ({ page }) => {
  for (const size of [
    { name: 'desktop', width: 1280, height: 800 },
    { name: 'phone', width: 390, height: 844 },
  ]) {
    await page.setViewportSize(size);
    const sim = await openPlayground(page, '#scenario=gc-pause-fencing-safe');
    const card = page.locator('.react-flow__node[data-id="storage"]');
    await expect(card.getByTestId('storage-state')).toContainText('fencing on');
    await expect(card.getByTestId('storage-rejected')).toHaveCount(0);
    await sim.seek(5000);
    const rejected = card.getByTestId('storage-rejected');
    await expect(rejected).toContainText('c1');
    await expect(rejected).toContainText('token 1');
    await expect(card.getByTestId('storage-state')).toHaveAttribute('data-rejects', '1');
    await expect(card.getByTestId('storage-token')).toContainText('token 2');
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/storage-card-${size.name}.png` });
    // Scrubbing back before c1 woke up: nothing refused yet.
    await sim.seek(2500);
    await expect(rejected).toHaveCount(0);
  }
});

test('a crowded wire is painted on one canvas instead of hundreds of labelled dots', async ({ page }) => {
  const sim = await openPlayground(page);
  expect(await sim.load(bigScenario(3000, 5))).toEqual([]);
  await sim.seek(2500);
  const canvas = page.getByTestId('message-canvas');
  await expect(canvas).toHaveCount(1);
  const inFlight = (await sim.inFlight()).length;
  expect(inFlight).toBeGreaterThan(500);
  // Every message is drawn (the cards are measured by now), none as an HTML dot.
  await expect(canvas).toHaveAttribute('data-drawn', String(inFlight));
  await expect(page.getByTestId('msg-dot')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/crowded-wire.png` });
});

test('zoomed out, cards trade their details for a far view that still reads; zooming in brings the details back', async ({ page }) => {
  const sim = await openPlayground(page);
  expect(await sim.load(bigScenario(3000, 5))).toEqual([]);
  await sim.seek(2500);
  // 100 nodes fit only far out: every card is in its far view, in type large enough to read there.
  const primary = page.getByTestId('node-p0');
  await expect(primary).toHaveAttribute('data-far');
  await expect(primary).toContainText('p0');
  await expect(primary).toContainText('14 keys');
  await expect(page.getByTestId('node-p0r0')).toContainText('replica · 14 keys');
  await expect(page.getByTestId('node-p0c0')).toContainText(/waiting|working|done/);
  await expect(page.getByTestId('redis-key')).toHaveCount(0);
  const label = await primary.getByText('p0', { exact: true }).boundingBox();
  expect(label?.height ?? 0).toBeGreaterThan(8);
  // A crash still shows at a glance.
  await primary.click({ button: 'right' });
  await page.getByTestId('fault-menu').getByTestId('fault-crash').click();
  await expect(primary).toHaveAttribute('data-status', 'crashed');
  await expect(primary).toContainText(/crashed/i);
  await page.screenshot({ path: `${SHOTS}/far-cards.png` });
  // Zoom in past the threshold: the full cards are back, keys and all.
  const zoomIn = page.getByRole('button', { name: /zoom in/i });
  for (let i = 0; i < 4; i++) await zoomIn.click();
  await expect(primary).not.toHaveAttribute('data-far');
  await expect(page.getByTestId('node-p0r0').getByTestId('redis-key').first()).toBeAttached();
});

test('a document of 300 nodes draws the cards in view, and those that come into view as it pans', async ({ page }) => {
  const sim = await openPlayground(page);
  expect(await sim.load(bigScenario(3000))).toEqual([]);
  const cards = page.locator('.react-flow__node');
  await expect.poll(() => cards.count()).toBeGreaterThan(20);
  /** The ids of the cards in the page, after checking each is at least partly in the canvas. */
  const drawn = async () => {
    const pane = (await page.locator('.react-flow__pane').first().boundingBox())!;
    const boxes = await cards.evaluateAll((els) => els.map((e) => ({ id: e.getAttribute('data-id')!, ...e.getBoundingClientRect().toJSON() }) as { id: string; left: number; top: number; right: number; bottom: number }));
    for (const b of boxes) {
      expect(b.right > pane.x && b.left < pane.x + pane.width && b.bottom > pane.y && b.top < pane.y + pane.height, `${b.id} is drawn out of view`).toBe(true);
    }
    return new Set(boxes.map((b) => b.id));
  };
  const first = await drawn();
  expect(first.size).toBeLessThan(300);
  // Pan by dragging the minimap's view: other cards come into view and are drawn, the rest go.
  const mini = (await page.locator('.react-flow__minimap').boundingBox())!;
  await page.mouse.move(mini.x + mini.width * 0.25, mini.y + mini.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(mini.x + mini.width * 0.45, mini.y + mini.height * 0.5, { steps: 8 });
  await page.mouse.up();
  await expect.poll(async () => [...(await drawn())].filter((id) => !first.has(id)).length).toBeGreaterThan(10);
  await page.screenshot({ path: `${SHOTS}/big-panned.png` });
});

test('on a document of 300 nodes, Tab reaches every card: walking by keyboard draws them all, and each comes into view as it takes focus', async ({ page }) => {
  const sim = await openPlayground(page);
  expect(await sim.load(bigScenario(3000))).toEqual([]);
  const cards = page.locator('.react-flow__node');
  await expect.poll(() => cards.count()).toBeGreaterThan(20);
  const inView = new Set(await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')!)));
  expect(inView.size).toBeLessThan(300);
  const focusedCard = () => page.evaluate(() => document.activeElement?.closest('.react-flow__node')?.getAttribute('data-id') ?? null);
  // A click focuses a card without a keyboard walk: still only the cards in view.
  await cards.first().click();
  await frames(page);
  expect(await cards.count()).toBeLessThan(300);
  // Tab from it: the walk begins, and every card is in the page, so Tab goes from card to card.
  await page.keyboard.press('Tab');
  await expect.poll(() => cards.count()).toBe(300);
  const visited = new Set<string>();
  for (let i = 0; i < 30; i++) {
    const id = await focusedCard();
    if (id) visited.add(id);
    await page.keyboard.press('Tab');
  }
  expect(visited.size).toBeGreaterThanOrEqual(29);
  // A card that was out of view takes focus: the canvas pans until it is in view.
  const order = await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')!));
  const far = order.filter((id) => !inView.has(id)).at(-1)!;
  await page.locator(`.react-flow__node[data-id="${far}"]`).focus();
  expect(await focusedCard()).toBe(far);
  const pane = (await page.locator('.react-flow__pane').first().boundingBox())!;
  await expect
    .poll(async () => {
      const b = (await page.locator(`.react-flow__node[data-id="${far}"]`).boundingBox())!;
      return b.x >= pane.x - 1 && b.y >= pane.y - 1 && b.x + b.width <= pane.x + pane.width + 1 && b.y + b.height <= pane.y + pane.height + 1;
    })
    .toBe(true);
  await page.screenshot({ path: `${SHOTS}/big-keyboard-walk.png` });
  // Focus leaves the canvas: it goes back to drawing only what is in view.
  await page.getByRole('button', { name: /gallery/i }).first().focus();
  await expect.poll(() => cards.count()).toBeLessThan(300);
});

/**
 * A screen point on a plain link of the far-link layer where nothing else is (no card, no
 * other element over the pane), at least `from` px right of the canvas's left edge; and the
 * id of the link there, found as the canvas finds it (the nearest within a few pixels).
 */
async function pointOnLayerLink(page: Page, from = 0): Promise<{ x: number; y: number }> {
  const p = await page.getByTestId('far-links').evaluate((svg, minX) => {
    const path = svg.querySelector('path')!;
    const m = path.getScreenCTM()!;
    const total = path.getTotalLength();
    for (let l = total * 0.37; l < total * 1.37; l += 23) {
      const q = path.getPointAtLength(l % total);
      const x = m.a * q.x + m.c * q.y + m.e;
      const y = m.b * q.x + m.d * q.y + m.f;
      if (x < minX) continue;
      // Clear of cards and of anything above the pane, with some room around it.
      const clear = [-8, 0, 8].every((dx) => [-8, 0, 8].every((dy) => document.elementFromPoint(x + dx, y + dy)?.classList.contains('react-flow__pane')));
      if (clear) return { x, y };
    }
    return null;
  }, from);
  expect(p, 'a stretch of link clear of cards').not.toBeNull();
  return p!;
}

/** A screen point on the pane, clear of cards and more than 15 px from any link of the far-link layer. */
async function pointOffLinks(page: Page): Promise<{ x: number; y: number }> {
  const p = await page.getByTestId('far-links').evaluate((svg) => {
    const path = svg.querySelector('path')!;
    const inv = path.getScreenCTM()!.inverse();
    const zoom = path.getScreenCTM()!.a;
    const wide = path.cloneNode() as SVGPathElement;
    wide.style.strokeWidth = String(30 / zoom);
    svg.append(wide);
    const pane = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
    try {
      for (let y = pane.top + 40; y < pane.bottom - 40; y += 17)
        for (let x = pane.left + 40; x < pane.right - 200; x += 17) {
          const q = new DOMPoint(x, y).matrixTransform(inv);
          if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane') && !wide.isPointInStroke(q)) return { x, y };
        }
      return null;
    } finally {
      wide.remove();
    }
  });
  expect(p, 'a spot of pane away from links and cards').not.toBeNull();
  return p!;
}

test('a big document from afar draws its plain links as one layer; a link there is still clicked, right-clicked and panned over', async ({ page }) => {
  const sim = await openPlayground(page);
  // Every link put into the page as React Flow's edge while it opens, even if taken out again
  // within the same task (a removed element keeps its children, so the records still show it);
  // the previous document's own edges, removed as it closes, do not count. And how much of the
  // minimap was there when the first card was.
  await page.evaluate(`window.__edgesDrawn = new Set();
    const before = new Set(document.querySelectorAll('.react-flow__edge'));
    const seen = (e) => { if (!before.has(e)) window.__edgesDrawn.add(e); };
    new MutationObserver((records) => {
      if (window.__minimapAtFirstCard === undefined && document.querySelector('.react-flow__node[data-id^="p"]')) {
        window.__minimapAtFirstCard = document.querySelectorAll('.react-flow__minimap-node').length;
      }
      for (const r of records) for (const n of [...r.addedNodes, ...r.removedNodes]) {
        if (!(n instanceof Element)) continue;
        if (n.matches('.react-flow__edge')) seen(n);
        n.querySelectorAll('.react-flow__edge').forEach(seen);
      }
    }).observe(document.body, { childList: true, subtree: true });`);
  expect(await sim.load(bigScenario(3000))).toEqual([]);
  const layer = page.getByTestId('far-links');
  await expect(layer).toHaveCount(1);
  // Opened far, they went straight into the layer: none was drawn as an edge first, then removed.
  expect(await page.evaluate('window.__edgesDrawn.size')).toBe(0);
  // The minimap, a card per node, came after the cards were shown, and has them all.
  expect(await page.evaluate('window.__minimapAtFirstCard')).toBe(0);
  await expect(page.locator('.react-flow__minimap-node')).toHaveCount(300);
  // Hundreds of links in one layer, none as an edge of its own (nothing on them is selected or cut).
  await expect.poll(async () => Number(await layer.getAttribute('data-links'))).toBeGreaterThan(200);
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/far-links.png` });

  // A click on a link selects it: it becomes an edge of its own, selected, and the inspector shows it.
  const a = await pointOnLayerLink(page, 200);
  await page.mouse.click(a.x, a.y);
  const selected = page.locator('.react-flow__edge.selected');
  await expect(selected).toHaveCount(1);
  const id = (await selected.getAttribute('data-id'))!;
  expect(id).toMatch(/^p\d+/);
  // The link left the layer: one fewer there.
  await expect.poll(async () => Number(await layer.getAttribute('data-links'))).toBe((await sim.scenario() as { edges: unknown[] }).edges.length - 1);
  // A click on the empty pane clears it again, and the link goes back into the layer.
  const off = await pointOffLinks(page);
  await page.mouse.click(off.x, off.y);
  await expect(selected).toHaveCount(0);
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);

  // With the multi-select key a link joins the selection: the card selected before stays so.
  const card = page.locator('.react-flow__node').first();
  await card.click();
  await expect(card).toHaveClass(/selected/);
  const d = await pointOnLayerLink(page, 200);
  await page.keyboard.down('Control');
  await page.mouse.click(d.x, d.y);
  await page.keyboard.up('Control');
  await expect(selected).toHaveCount(1);
  expect(await selected.getAttribute('data-id')).toMatch(/^p\d+/);
  await expect(card).toHaveClass(/selected/);
  await page.mouse.click(off.x, off.y);
  await expect(selected).toHaveCount(0);
  await expect(card).not.toHaveClass(/selected/);
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);

  // A drag that starts on a link pans the canvas (the layer does not take the pointer).
  const viewport = page.locator('.react-flow__viewport');
  const before = await viewport.evaluate((el) => getComputedStyle(el).transform);
  const c = await pointOnLayerLink(page, 300);
  await page.mouse.move(c.x, c.y);
  await page.mouse.down();
  await page.mouse.move(c.x - 150, c.y - 60, { steps: 6 });
  await page.mouse.up();
  await expect.poll(() => viewport.evaluate((el) => getComputedStyle(el).transform)).not.toBe(before);
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);

  // A right-click on a link opens that link's fault menu; cutting it draws it cut, with its label.
  const b = await pointOnLayerLink(page, 200);
  await page.mouse.click(b.x, b.y, { button: 'right' });
  const menu = page.getByTestId('fault-menu');
  await expect(menu).toHaveAccessibleName(/^Faults for p\d+(r|c)?\d* ↔ p\d+(r|c)?\d*$/);
  await menu.getByTestId('fault-partition').click();
  // The cut happens at the cursor: once the run is past it, the link is drawn cut.
  await sim.advance(100);
  const label = page.locator('[data-cut="true"]');
  await expect(label).toHaveCount(1);
  const cut = (await label.getAttribute('data-testid'))!.replace(/^edge-/, '');
  await expect(page.locator(`.react-flow__edge[data-id="${cut}"] path.react-flow__edge-path`)).toHaveCSS('stroke-dasharray', /7/);
  expect(await sim.interventions()).toEqual([expect.objectContaining({ kind: 'partition', edge: cut })]);
});
