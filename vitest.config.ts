import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// Here rather than in a file of its own: Vite 8 warns about a config that imports a relative module
// without its extension, and the project writes imports without `.ts`.

/**
 * The e2e files that take longest, longest first: the real corpus's (it builds a site of its own),
 * the axe scans and search. Vitest starts the files it has timed before longest first; in a fresh
 * clone (as CI's) it has timed none and starts the largest files first, and these three then began
 * after others, ending the run 1–2 minutes later on two cores.
 */
const LONGEST = ['tests/corpus/import-corpus.test.ts', 'tests/e2e/accessibility.test.ts', 'tests/e2e/search.test.ts'];

/** Vitest's order, with the files of LONGEST first within their project when any of them is untimed. */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification) => {
      const i = LONGEST.findIndex((file) => spec.moduleId.replaceAll('\\', '/').endsWith(file));
      return i === -1 ? LONGEST.length : i;
    };
    const listed = sorted.filter((spec) => rank(spec) < LONGEST.length);
    if (listed.every((spec) => this.ctx.cache.getTestSpecificationResult(spec))) return sorted;
    // Vitest keeps each project's files together; the listed ones move to the front of theirs.
    const projects = [...new Set(sorted.map((spec) => spec.project.name))];
    return projects.flatMap((name) => {
      const own = sorted.filter((spec) => spec.project.name === name);
      return [
        ...own.filter((s) => rank(s) < LONGEST.length).sort((a, b) => rank(a) - rank(b)),
        ...own.filter((s) => rank(s) === LONGEST.length),
      ];
    });
  }
}

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
