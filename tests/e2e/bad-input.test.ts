import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild, type BuildResult } from './support/build';

// The builds must fail before writing anything; the folder is removed whatever happens.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'notes-bad-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/**
 * Each folder's content sync, side by side: every one of these mistakes stops a build there, before
 * any page is rendered (a full build would stop at the same place, later).
 */
let frontmatter: BuildResult, date: BuildResult, mdxId: BuildResult;
beforeAll(async () => {
  [frontmatter, date, mdxId] = await Promise.all([
    runBuild(path.join(work, 'frontmatter'), { NOTES_DIR: 'tests/fixtures/notes-bad-frontmatter' }, { step: 'sync' }),
    runBuild(path.join(work, 'date'), { NOTES_DIR: 'tests/fixtures/notes-bad-date' }, { step: 'sync' }),
    runBuild(path.join(work, 'mdx-id'), { NOTES_DIR: 'tests/fixtures/notes-bad-mdx-id' }, { step: 'sync' }),
  ]);
});

describe('notes with mistakes are refused with the file and the field named', () => {
  it('stops on a lesson without a required field', () => {
    expect(frontmatter.status).not.toBe(0);
    expect(frontmatter.output).toContain('tests/fixtures/notes-bad-frontmatter/lessons/en/lesson-9.md');
    expect(frontmatter.output).toMatch(/summary\W+Required/);
  });

  it('stops on a log entry whose date disagrees with its file name', () => {
    expect(date.status).not.toBe(0);
    expect(date.output).toContain('2023-05-26.md: frontmatter "date" is 2023-05-27 but the file name says 2023-05-26');
  });

  it('stops on a {#id} heading in an .mdx note, naming the file, the line and the form to write', () => {
    expect(mdxId.status).not.toBe(0);
    expect(mdxId.output).toContain('tests/fixtures/notes-bad-mdx-id/lessons/en/lesson-3.mdx:10: ## Alerts {#alerts}');
    expect(mdxId.output).toContain('write instead: ## Alerts {/* #alerts */}');
    expect(mdxId.output).not.toContain('Could not parse expression with acorn');
  });
});
