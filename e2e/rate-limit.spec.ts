import type { Page } from '@playwright/test';
import { expect, openPlayground, SHOTS, test } from './fixtures';

const chartTotals = async (page: Page) => {
  const chart = page.getByTestId('rate-chart');
  return {
    node: await chart.getAttribute('data-node'),
    accepted: Number(await chart.getAttribute('data-accepted')),
    rejected: Number(await chart.getAttribute('data-rejected')),
  };
};

test.describe('rate limiting', () => {
  test('the showdown: the chart follows the cursor and changes with the burst', async ({ page }) => {
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    const sim = await openPlayground(page, '#scenario=rate-limit-showdown');
    const chart = page.getByTestId('rate-chart');
    await expect(chart).toBeVisible();
    await expect(chart).toHaveAttribute('data-node', 'fixed');
    const before = await chartTotals(page);
    expect(before.accepted).toBeGreaterThan(0);

    // The cursor line moves with the timeline: its slice (data-x), and where it is drawn over the
    // bars (its left edge, the line's middle, as a share of the chart's width of n slices).
    const cursorX = async () =>
      page.getByTestId('rate-chart-cursor').evaluate((el) => {
        const x = Number(el.getAttribute('data-x'));
        const chart = el.parentElement!.getBoundingClientRect();
        const n = Number(el.closest('[data-testid=rate-chart]')!.querySelector('svg')!.getAttribute('viewBox')!.split(' ')[2]);
        const drawn = ((el.getBoundingClientRect().left + 1 - chart.left) / chart.width) * n;
        return Math.abs(drawn - x) < 0.05 ? x : NaN;
      });
    await sim.advance(2300);
    const t = await sim.time();
    expect(t).toBeGreaterThan(2000);
    await expect.poll(cursorX).toBeCloseTo(t / 100, 1);
    await sim.advance(400);
    const t2 = await sim.time();
    await expect.poll(cursorX).toBeCloseTo(t2 / 100, 1);
    await page.screenshot({ path: `${SHOTS}/desktop-rate-showdown.png` });

    // Another limiter, the same traffic: the sliding log refuses more than the fixed window.
    await page.getByTestId('rate-chart-node').selectOption('log');
    await expect(chart).toHaveAttribute('data-node', 'log');
    const log = await chartTotals(page);
    expect(log.rejected).toBeGreaterThan(before.rejected);
    await page.getByTestId('rate-chart-node').selectOption('fixed');

    // A bigger burst: the run is made again and the chart shows more refused.
    await page.getByTestId('node-burst').click();
    const perSide = page.getByTestId('field-program.shape.perSide');
    await expect(perSide).toHaveValue('8');
    await perSide.fill('15');
    await perSide.press('Enter');
    await expect.poll(async () => (await chartTotals(page)).rejected).toBeGreaterThan(before.rejected);
    await expect(chart).toHaveAttribute('data-node', 'fixed');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${SHOTS}/desktop-rate-showdown-dark.png` });
    expect(errors).toEqual([]);
  });

  test('the fixed window at its boundary: both halves of the burst are highlighted on the chart, not before the violation', async ({ page }) => {
    const sim = await openPlayground(page, '#scenario=rate-limit-fixed-window');
    await sim.seek(900);
    await expect(page.getByTestId('burst-half')).toHaveCount(0);
    await sim.seek(1200);
    await expect(page.getByTestId('burst-half')).toHaveCount(2);
    const legend = page.getByTestId('burst-legend');
    await expect(legend).toContainText('10 before 1000 ms');
    await expect(legend).toContainText('after it, until 1905 ms');
    // The halves sit either side of the boundary at 1,000 ms (the chart's x counts time slices).
    const binMs = Number(await page.getByTestId('rate-chart').getAttribute('data-bin-ms'));
    const [first, second] = await page.getByTestId('burst-half').evaluateAll((rs, ms) => rs.map((r) => [Number(r.getAttribute('x')) * ms, (Number(r.getAttribute('x')) + Number(r.getAttribute('width'))) * ms]), binMs);
    expect(first[0]).toBeCloseTo(905, 0);
    expect(first[1]).toBeLessThanOrEqual(1000);
    expect(second[0]).toBeGreaterThanOrEqual(1000);
    expect(second[1]).toBeCloseTo(1905, 0);
    await page.getByTestId('rate-chart').screenshot({ path: `${SHOTS}/desktop-rate-burst-halves.png` });
  });

  test('the gateway: two gateways share a bucket in Redis and fail open while it is down', async ({ page }) => {
    const sim = await openPlayground(page, '#scenario=rate-limit-gateway');
    await sim.advance(3000);
    await expect(page.getByTestId('node-gw1').getByTestId('limiter-headers')).toBeVisible();
    await sim.advance(1500);
    await expect(page.getByTestId('node-gw1').getByTestId('limiter-headers')).toHaveAttribute('data-remaining', '-1');
    await page.screenshot({ path: `${SHOTS}/desktop-rate-gateway.png` });
  });
});

test.describe('rate limiting on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the token bucket scenario shows its chart and the bucket', async ({ page }) => {
    const sim = await openPlayground(page, '#scenario=rate-limit-token-bucket');
    await sim.advance(1500);
    await expect(page.getByTestId('rate-chart')).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/phone-rate-token-bucket.png` });
  });
});
