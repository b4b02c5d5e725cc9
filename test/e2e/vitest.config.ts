import path from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * Browser tests: `npx vitest run --config test/e2e/vitest.config.ts`. They reuse the main
 * run's globalSetup (one migrated template database) and drive Debian's Chromium.
 */
const root = path.resolve(import.meta.dirname, '../..');

export default defineConfig({
  root,
  test: {
    include: ['test/e2e/**/*.test.ts'],
    exclude: ['node_modules/**'],
    globalSetup: [path.join(root, 'test/global-setup.ts')],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
