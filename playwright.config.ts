import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4173);
const baseURL = `http://127.0.0.1:${PORT}`;

/**
 * End-to-end tests run against the built static site (`next build` writes `out/`) on the
 * system's Chromium; Playwright's own browser download is never used.
 */
export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  // On CI (a noisy 2-core machine, `.ci/run` sets CI=1) one worker, and a test that fails once
  // from load is run again and reported as flaky by the list reporter; locally every failure counts.
  retries: process.env.CI ? 1 : 0,
  workers: process.env.CI ? 1 : 2,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    browserName: 'chromium',
    baseURL,
    headless: true,
    viewport: { width: 1280, height: 800 },
    // The playground follows the browser's language: pin it, so a machine set to Chinese runs the same tests.
    locale: 'en-US',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    // The headers a real host should send (hosting/serve.json, see the README): every e2e run checks the app works under that CSP.
    command: `npx serve out -l ${PORT} --no-clipboard -c ../hosting/serve.json`,
    url: baseURL,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
