import fs from 'node:fs';
import path from 'node:path';
import { testRepo, type TestRepo } from '../../support/git-repo';
import { buildSite, type BuildResult } from './build';
import { CHANGES_DIST, e2eBuildEnv } from './constants';

/** The two sections of the English lesson 2 edited after its translation, and what each edit inserts. */
export const EDITS = [
  {
    id: 'train-bear-classifier',
    title: 'Training the bear classifier',
    from: 'carries over unchanged',
    to: 'carries over almost unchanged',
    inserted: 'almost',
  },
  {
    id: 'export-and-load',
    title: 'Exporting and loading',
    from: 'A trained model is two things',
    to: 'A trained model is really two things',
    inserted: 'really',
  },
] as const;

const DAY = 86_400;

/**
 * Our lesson 2 in a repository of its own: the English original committed on day 0, its Chinese
 * translation on day 1, two sections of the original edited on day 2.
 */
function writeHistory(repo: TestRepo): void {
  const en = fs.readFileSync('content/lessons/en/lesson-2.md', 'utf8');
  for (const figure of fs.readdirSync('content/lessons/figures').filter((f) => f.startsWith('lesson-2'))) {
    repo.write(`lessons/figures/${figure}`, fs.readFileSync(path.join('content/lessons/figures', figure), 'utf8'));
  }
  repo.write('lessons/en/lesson-2.md', en);
  repo.commit('The English notes of lesson 2', 1_750_000_000);
  repo.write('lessons/zh/lesson-2.md', fs.readFileSync('content/lessons/zh/lesson-2.md', 'utf8'));
  repo.commit('Translate lesson 2', 1_750_000_000 + DAY);
  let edited = en;
  for (const edit of EDITS) {
    if (!edited.includes(edit.from)) throw new Error(`content/lessons/en/lesson-2.md no longer says "${edit.from}"`);
    edited = edited.replace(edit.from, edit.to);
  }
  repo.write('lessons/en/lesson-2.md', edited);
  repo.commit('Two corrections to lesson 2', 1_750_000_000 + 2 * DAY);
}

/**
 * Writes the history and builds it into CHANGES_DIST; asynchronous, so the other e2e files run
 * meanwhile (Astro builds one at a time: astro-lock.ts). Returns the repository, which is also the
 * notes folder; the caller removes it.
 */
export async function buildChangesSite(): Promise<{ repo: TestRepo; result: BuildResult }> {
  const repo = testRepo('notes-changes-');
  writeHistory(repo);
  const result = await buildSite(CHANGES_DIST, { ...e2eBuildEnv, NOTES_DIR: repo.root });
  return { repo, result };
}
