import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    pool: 'forks',
    globalSetup: ['./tests/support/service-cleanup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    reporters: ['default', './tests/support/summary-reporter.ts'],
  },
});
