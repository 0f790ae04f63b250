import { test as base, expect, type Page } from '@playwright/test';
import { builtin } from '../engine/scenario/library';
import type { SimTestHook } from '../stores/test-hook';

type HookCall = { [K in keyof SimTestHook]: SimTestHook[K] extends (...a: infer A) => infer R ? (...a: A) => Promise<R> : never };

/** The page's `window.__sim` test hook, called from the test (each call is one page.evaluate). */
export function simOf(page: Page): HookCall {
  const call =
    <K extends keyof SimTestHook>(name: K) =>
    (...args: unknown[]) =>
      page.evaluate(([n, a]) => (window.__sim as unknown as Record<string, (...x: unknown[]) => unknown>)[n](...a), [name, args] as [string, unknown[]]);
  const names: (keyof SimTestHook)[] = [
    'step',
    'stepBack',
    'advance',
    'time',
    'steps',
    'inFlight',
    'play',
    'pause',
    'playing',
    'speed',
    'restart',
    'seek',
    'seekStep',
    'load',
    'interventions',
    'violations',
    'scenario',
  ];
  return Object.fromEntries(names.map((n) => [n, call(n)])) as unknown as HookCall;
}

/**
 * Opens the playground (at `hash`, e.g. `#scenario=zk-basics`) and waits until it is hydrated
 * (the hook is installed by an effect) and, for a gallery link, until the linked scenario is
 * open: the default scenario shows until the library and the linked scenario's kinds arrive.
 */
export async function openPlayground(page: Page, hash = ''): Promise<HookCall> {
  await page.goto(`/${hash}`);
  await page.waitForFunction(() => window.__sim !== undefined);
  const id = new URLSearchParams(hash.replace(/^#/, '')).get('scenario');
  if (id) await page.waitForFunction((want) => (window.__sim?.scenario() as { id?: string } | undefined)?.id === want, id);
  return simOf(page);
}

/** The open scenario with link `edge` carrying datagrams (a cut or a loss drops messages) instead of a TCP connection. */
export async function withDatagramLink(page: Page, edge: string): Promise<Record<string, unknown>> {
  const s = (await simOf(page).scenario()) as Record<string, unknown> & { edges: { id: string; params?: object }[] };
  return { ...s, edges: s.edges.map((e) => (e.id === edge ? { ...e, params: { ...e.params, transport: 'datagram' } } : e)) };
}

/**
 * The redis-basics scenario with the "every message arrives" monitor and a cut datagram link
 * from 950 ms to 2 s: one violation at ~994 ms (on a TCP link the message would only wait).
 */
export async function brokenLinkScenario(page: Page): Promise<unknown> {
  const s = await withDatagramLink(page, 'c1-redis');
  return {
    ...s,
    monitors: ['no-lost-messages'],
    interventions: [
      { at: 950, kind: 'partition', edge: 'c1-redis' },
      { at: 2000, kind: 'heal', edge: 'c1-redis' },
    ],
  };
}

/**
 * Waits until the view stops moving: a refit animates the viewport, and a drag that starts from
 * a handle measured mid-animation misses its target (seen on a loaded 2-core CI machine).
 */
export async function settled(page: Page): Promise<void> {
  const transform = () => page.evaluate(() => getComputedStyle(document.querySelector('.react-flow__viewport')!).transform);
  let last = '';
  await expect
    .poll(async () => {
      const now = await transform();
      const same = now === last;
      last = now;
      return same;
    })
    .toBe(true);
}

/** Screenshots go here (gitignored); the run writes them at both sizes so they can be looked at. */
export const SHOTS = 'e2e/screenshots';

/** Opens built-in `id` from the gallery, as a visitor would, and waits for its title. */
export async function openFromGallery(page: Page, id: string): Promise<void> {
  await page.getByTestId('open-gallery').click();
  await page.locator(`[data-testid="gallery-entry"][data-id="${id}"]`).getByRole('button', { name: /Open/ }).click();
  await expect(page.getByTestId('scenario-title')).toHaveText(builtin(id)!.title);
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
