import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'addin/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
    // PGlite needs ~2 s to start and the e2e tests drive a browser: generous, but bounded.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
