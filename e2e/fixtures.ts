import { test as base, expect, type Page } from '@playwright/test';
import type { SimTestHook } from '../stores/test-hook';

type HookCall = { [K in keyof SimTestHook]: SimTestHook[K] extends (...a: infer A) => infer R ? (...a: A) => Promise<R> : never };

/** The page's `window.__sim` test hook, called from the test (each call is one page.evaluate). */
export function simOf(page: Page): HookCall {
  const call =
    <K extends keyof SimTestHook>(name: K) =>
    (...args: unknown[]) =>
      page.evaluate(([n, a]) => (window.__sim as unknown as Record<string, (...x: unknown[]) => unknown>)[n](...a), [name, args] as [string, unknown[]]);
  return {
    step: call('step'),
    advance: call('advance'),
    time: call('time'),
    steps: call('steps'),
    inFlight: call('inFlight'),
    play: call('play'),
    pause: call('pause'),
    playing: call('playing'),
    restart: call('restart'),
    seek: call('seek'),
  } as HookCall;
}

/** Opens the playground and waits until it is hydrated (the hook is installed by an effect). */
export async function openPlayground(page: Page): Promise<HookCall> {
  await page.goto('/');
  await page.waitForFunction(() => window.__sim !== undefined);
  return simOf(page);
}

/** Resolves after the browser has painted `n` more frames: lets a rAF loop run without a wall-clock wait. */
export async function frames(page: Page, n = 2): Promise<void> {
  await page.evaluate(
    (count) =>
      new Promise<void>((resolve) => {
        const next = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => next(left - 1)));
        next(count);
      }),
    n,
  );
}

/** Every test fails on a console error or an uncaught page error. */
export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console: ${m.text()}`);
      });
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      await use(errors);
      expect(errors, 'console errors and page errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
