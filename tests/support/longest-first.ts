import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The e2e files that take longest, longest first: the real corpus's (it builds a site of its own),
 * the axe scans and search. Vitest starts the files it has timed before longest first; in a fresh
 * clone (as CI's) it has timed none and starts the largest files first, and these three then began
 * after others, ending the run 1–2 minutes later on two cores.
 */
const LONGEST = ['tests/corpus/import-corpus.test.ts', 'tests/e2e/accessibility.test.ts', 'tests/e2e/search.test.ts'];

/** Vitest's order, with the files of LONGEST first within their project when any of them is untimed. */
export class LongestFirst extends BaseSequencer {
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
