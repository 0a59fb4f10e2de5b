import { defineConfig } from 'vitest/config';

// Suites: pure logic, the written content, the built test site (built once per run by the e2e
// project's global setup, then read and driven in Chromium), the real corpus.
export default defineConfig({
  test: {
    projects: [
      // A file's first Markdown render loads Shiki and KaTeX: over 5 s when the machine is busy.
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 30_000 } },
      { test: { name: 'content', include: ['tests/content/**/*.test.ts'] } },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'corpus',
          include: ['tests/corpus/**/*.test.ts'],
          testTimeout: 600_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
