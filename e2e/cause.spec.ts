import { expect, openPlayground, SHOTS, test } from './fixtures';

test.describe('the cause of a violation is marked', () => {
  test('redis-lock-unsafe-del: c1’s late DEL is the cause; the canvas links c1 to the second holder', async ({ page }) => {
    const sim = await openPlayground(page, '#scenario=redis-lock-unsafe-del');
    await expect(page.getByTestId('cause-link')).toHaveCount(0);
    const v = (await sim.violations())[0];
    expect(v.nodes).not.toContain('c1');
    await sim.seekStep(v.step + 1);
    await expect(page.getByTestId('node-c1').getByTestId('violation-role')).toHaveText('⚡ cause');
    await expect(page.getByTestId('node-c1').getByTestId('violation-role')).toHaveAttribute('data-cause', 'true');
    await expect(page.getByTestId(`node-${v.nodes[0]}`).getByTestId('violation-role')).toHaveText('✖ second holder');
    const link = page.getByTestId('cause-link');
    await expect(link).toHaveAttribute('data-from', 'c1');
    await expect(link).toHaveAttribute('data-to', v.nodes[0]);
    await page.screenshot({ path: `${SHOTS}/desktop-cause-unsafe-del.png` });
    // Back before the violation, nothing is marked.
    await sim.seekStep(v.step);
    await expect(page.getByTestId('cause-link')).toHaveCount(0);
    await expect(page.getByTestId('node-c1').getByTestId('violation-role')).toHaveCount(0);
  });

  for (const shot of [
    { name: 'desktop', viewport: { width: 1280, height: 800 }, dark: false },
    { name: 'phone', viewport: { width: 390, height: 844 }, dark: false },
    { name: 'dark', viewport: { width: 1280, height: 800 }, dark: true },
  ]) {
    test(`gc-pause-fencing: the expiry on redis is the cause (${shot.name})`, async ({ page }) => {
      await page.setViewportSize(shot.viewport);
      if (shot.dark) await page.emulateMedia({ colorScheme: 'dark' });
      const sim = await openPlayground(page, '#scenario=gc-pause-fencing');
      const v = (await sim.violations())[0];
      await sim.seekStep(v.step + 1);
      await expect(page.getByTestId('node-redis').getByTestId('violation-role')).toHaveText('⚡ cause');
      await expect(page.getByTestId('cause-link')).toHaveAttribute('data-from', 'redis');
      await expect(page.getByTestId('cause-link')).toHaveAttribute('data-to', 'c2');
      await page.screenshot({ path: `${SHOTS}/${shot.name}-cause-gc-pause.png` });
    });
  }
});
