import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['engine/**/*.test.ts', 'stores/**/*.test.ts', 'tests/**/*.test.ts', 'conformance/**/*.test.ts'],
    environment: 'node',
    // Node has every kind's behaviour at hand: register it all up front, as the CLI does, so
    // buildSimulation can run synchronously in any test (the browser loads kinds on demand).
    setupFiles: ['engine/registry/register-all.ts', 'engine/scenario/parser-loaded.ts'],
    // Property tests run many simulations; on a loaded 2-core machine they can take seconds.
    // Nothing here asserts a duration, so a generous limit only guards against hangs.
    testTimeout: 60_000,
  },
});
