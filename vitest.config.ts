import { defineConfig } from 'vitest/config';
import { LongestFirst } from './tests/support/longest-first';

// Suites: pure logic, the written content, and the built sites. The e2e project's global setup
// launches the run's one Chromium and builds the test sites once per run; its files (the real
// corpus's among them) then run side by side, each reading the sites and opening its own contexts.
export default defineConfig({
  test: {
    // Vitest's default leaves one core free: one worker on a 2-core machine. The e2e files mostly
    // wait on Chromium and on builds in other processes, so three keep both cores busy.
    maxWorkers: 3,
    sequence: { sequencer: LongestFirst },
    projects: [
      // Pure logic and the written content share their workers' module caches across files (no
      // isolation): each file importing the Markdown pipeline, Shiki and KaTeX afresh doubled the
      // suite's CPU time. A test that mocks or changes module state undoes it after itself.
      // A file's first Markdown render loads Shiki and KaTeX: over 5 s when the machine is busy.
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 30_000, isolate: false } },
      { test: { name: 'content', include: ['tests/content/**/*.test.ts'], isolate: false } },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts', 'tests/corpus/**/*.test.ts'],
          globalSetup: ['tests/e2e/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
          // The files share two cores with builds and each other: what a page does after a key
          // press can take seconds, not the one second expect.poll waits by default.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
