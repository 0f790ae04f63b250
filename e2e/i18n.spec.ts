import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { builtin } from '../engine/scenario/library';
import { LIBRARY_ZH } from '../engine/scenario/library/zh';
import { parseScenario } from '../engine/scenario/parse';
import { shareHash } from '../engine/scenario/share';
import { expect, openPlayground, SHOTS, simOf, test } from './fixtures';

/** Han characters: text that is Chinese. */
const HAN = /[\u4e00-\u9fff]/;

async function serious(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

async function chooseChinese(page: Page): Promise<void> {
  await page.getByTestId('lang-switch').selectOption('zh');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
}

test.describe('languages', () => {
  test('switching to Chinese changes the gallery, the narration, a violation and the inspector, and survives a reload', async ({ page }) => {
    // Two axe passes and a reload: slower than most tests on a loaded 2-core machine.
    test.setTimeout(90_000);
    const sim = await openPlayground(page, '#scenario=redis-lock-unsafe-del');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await sim.step();
    await expect(page.getByTestId('caption-line').first()).not.toHaveText(HAN);

    await chooseChinese(page);
    // A narration line: the step on screen is read again in Chinese.
    await expect(page.getByTestId('caption-line').first()).toHaveText(HAN);
    // A violation sentence: the run's mutual-exclusion violation, in the log and the caption.
    const until = builtin('redis-lock-unsafe-del')!.scenario.playback!.untilMs ?? 6000;
    await sim.seek(until);
    const violation = page.locator('[data-testid="log-entry"][data-type="invariant.violation"]').first();
    await expect(violation).toContainText('临界区');
    // The inspector: a node's parameters are labelled in Chinese.
    await page.locator('.react-flow__node[data-id="c1"]').click();
    await expect(page.getByTestId('inspector')).toHaveText(HAN);
    // The gallery: topics and built-ins in Chinese.
    await page.getByTestId('open-gallery').click();
    const entry = page.locator('[data-testid="gallery-entry"][data-id="zk-lock"]');
    await expect(entry).toContainText(LIBRARY_ZH['zk-lock'].title);
    await expect(page.getByRole('dialog')).toContainText('分布式锁');
    expect(await serious(page)).toEqual([]);
    await page.keyboard.press('Escape');

    await page.reload();
    await page.waitForFunction(() => window.__sim !== undefined);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByTestId('lang-switch')).toHaveValue('zh');
    expect(await serious(page)).toEqual([]);

    // And back: English is remembered the same way.
    await page.getByTestId('lang-switch').selectOption('en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByTestId('open-gallery')).toContainText('Gallery');
  });

  test('a share link with lang=zh opens in Chinese without changing the remembered choice', async ({ page }) => {
    const parsed = parseScenario(builtin('redis-lock-unsafe-del')!.scenario);
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    await page.goto(`/#${shareHash(parsed.scenario, 1500)}&lang=zh`);
    await page.waitForFunction(() => window.__sim !== undefined);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByTestId('caption-line').first()).toHaveText(HAN);
    expect(await simOf(page).time()).toBeCloseTo(1500, 0);
    expect(await page.evaluate(() => localStorage.getItem('dp.lang'))).toBeNull();
    await page.goto('/');
    await page.waitForFunction(() => window.__sim !== undefined);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });

  test('a Chinese browser gets Chinese; a bad lang= is named and English shown', async ({ browser }) => {
    const zh = await browser.newContext({ locale: 'zh-CN' });
    const page = await zh.newPage();
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await page.goto('/#lang=xx');
    await page.reload();
    await expect(page.getByText('“xx”')).toBeVisible();
    await zh.close();
  });

  test('a built-in’s nodes are named in Chinese on the cards, in the narration and the inspector, and the scenario keeps its own labels', async ({ page }) => {
    const sim = await openPlayground(page, '#scenario=tcc');
    const card = page.locator('.react-flow__node[data-id="tc"]');
    await expect(card).toContainText('order service');
    await chooseChinese(page);
    await expect(card).toContainText('订单服务');
    await expect(page.locator('.react-flow__node[data-id="pay"]')).toContainText('服务 A');
    await sim.seek(300);
    await expect(page.locator('[data-testid="log-entry"]').filter({ hasText: '订单服务' }).first()).toBeVisible();
    await card.click();
    await expect(page.getByTestId('inspector-label')).toHaveValue('订单服务');
    // Looking is not editing: the scenario still says what its author wrote.
    await page.getByTestId('inspector-label').focus();
    await page.getByTestId('inspector-label').blur();
    expect(await page.evaluate(() => (window.__sim!.scenario() as { nodes: { id: string; label?: string }[] }).nodes.find((n) => n.id === 'tc')?.label)).toBe('order service');
    await page.getByTestId('lang-switch').selectOption('en');
    await expect(card).toContainText('order service');
    await expect(page.getByTestId('inspector-label')).toHaveValue('order service');
  });

  test('an embed with lang=zh opens in Chinese and passes axe', async ({ page }) => {
    await page.goto('/embed#scenario=redis-lock-unsafe-del&lang=zh&t=2000');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByTestId('caption')).toHaveText(HAN);
    expect(await serious(page)).toEqual([]);
  });

  for (const [name, size] of [
    ['desktop', { width: 1280, height: 800 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    test(`screenshots in both languages, ${name}`, async ({ page }) => {
      await page.setViewportSize(size);
      const sim = await openPlayground(page, '#scenario=redis-lock-unsafe-del');
      await sim.seek(2000);
      await page.screenshot({ path: `${SHOTS}/i18n-en-${name}.png` });
      await chooseChinese(page);
      await expect(page.getByTestId('caption-line').first()).toHaveText(HAN);
      await page.screenshot({ path: `${SHOTS}/i18n-zh-${name}.png` });
      expect(await serious(page)).toEqual([]);
    });
  }
});
