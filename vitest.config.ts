import { defineConfig } from 'vitest/config';

// Three suites: fast pure-logic tests, browser tests against a built site, and the real-corpus tests.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 300_000, fileParallelism: false } },
      { test: { name: 'corpus', include: ['tests/corpus/**/*.test.ts'], testTimeout: 600_000, hookTimeout: 600_000, fileParallelism: false } },
    ],
  },
});
