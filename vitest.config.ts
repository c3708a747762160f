/**
 * The whole suite: `pnpm test`. Unit tests beside the code; integration tests (`*.int.test.ts`)
 * on a real database (PGlite, or PostgreSQL when DATABASE_URL is set); end-to-end tests in
 * `test/` against started servers and Chromium.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // One graphql instance: Pothos and Apollo must not see the ESM and CJS builds side by side.
    alias: { graphql: 'graphql/index.js' },
  },
  test: {
    setupFiles: ['./test/support/fail-on-console-error.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Two cores: servers started by tests need a core of their own.
    maxWorkers: 2,
    minWorkers: 1,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['api/src/**/*.test.ts', 'ops/src/**/*.test.ts', 'web/app/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['api/src/**/*.int.test.ts', 'ops/src/**/*.int.test.ts'],
          globalSetup: ['./test/support/global/database-template.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/**/*.test.ts'],
          exclude: ['**/node_modules/**'],
          // Prepared once per run, and only when a test of the project is queued.
          globalSetup: ['./test/support/global/database-template.ts', './test/support/global/web-build.ts'],
        },
      },
    ],
  },
});
