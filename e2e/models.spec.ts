import { expect, openPlayground, test } from './fixtures';

test.describe('live model views', () => {
  test('ZooKeeper card: the ephemeral znode, its session draining after the crash, the watch, and all of it again when scrubbing back', async ({ page }) => {
    const sim = await openPlayground(page, '#scenario=zk-basics');
    const zk = page.locator('.react-flow__node[data-id="zk"]');
    await sim.seek(2000);
    const eph = zk.locator('[data-testid="znode"][data-path^="/workers/w-"]');
    await expect(eph).toHaveCount(1);
    await expect(eph).toContainText('eph');
    await expect(zk.locator('[data-testid="znode"][data-path="/workers"] [data-testid="znode-watch"]')).toContainText('1');
    await expect(zk.locator('[data-testid="zk-session"]')).toHaveCount(2);

    // The worker crashed at 3 s; ZooKeeper still holds its session until the tick after its 4 s timeout.
    await sim.seek(7000);
    await expect(eph).toHaveCount(1);
    const bar = zk.locator('[data-testid="zk-session"]').first().getByRole('progressbar');
    const left = Number(await bar.getAttribute('aria-valuenow'));
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThanOrEqual(1000);
    await expect(page.locator('.react-flow__node[data-id="worker"]')).toContainText(/crashed/i);

    await sim.seek(8100);
    await expect(eph).toHaveCount(0);
    await expect(zk.locator('[data-testid="zk-session"]')).toHaveCount(1);
    // The one-shot watch fired and was used up.
    await expect(zk.locator('[data-testid="znode-watch"]')).toHaveCount(0);

    await sim.seek(2000);
    await expect(eph).toHaveCount(1);
    await expect(zk.locator('[data-testid="zk-session"]')).toHaveCount(2);
    await page.screenshot({ path: 'e2e/screenshots/zk-card.png' });
  });

  test('Redis failover: the promoted replica lacks the write that was still waiting to replicate', async ({ page }) => {
    const sim = await openPlayground(page, '#scenario=redis-failover');
    const replica = page.locator('.react-flow__node[data-id="replica"]');
    await sim.seek(2000);
    await expect(replica.locator('[data-testid="redis-role"]')).toContainText('replica of');
    await sim.seek(5000);
    await expect(replica.locator('[data-testid="redis-role"]')).toHaveCount(0);
    await expect(replica.locator('[data-testid="redis-key"]')).toHaveCount(4);
    await expect(replica.locator('[data-testid="redis-key"][data-key="order:5"]')).toHaveCount(0);
    await expect(page.locator('.react-flow__node[data-id="primary"]')).toContainText(/crashed/i);
  });
});
