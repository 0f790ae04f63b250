import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['engine/**/*.test.ts', 'stores/**/*.test.ts', 'tests/**/*.test.ts', 'conformance/**/*.test.ts'],
    environment: 'node',
  },
});
