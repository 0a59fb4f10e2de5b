import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBuild } from './support/build';

// The builds must fail before writing anything; the folder is removed whatever happens.
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'notes-bad-'));
afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

describe('notes with mistakes are refused with the file and the field named', () => {
  it('stops on a lesson without a required field', () => {
    const { status, output } = runBuild(outDir, { NOTES_DIR: 'tests/fixtures/notes-bad-frontmatter' });
    expect(status).not.toBe(0);
    expect(output).toContain('tests/fixtures/notes-bad-frontmatter/lessons/en/lesson-9.md');
    expect(output).toMatch(/summary\W+Required/);
  });

  it('stops on a log entry whose date disagrees with its file name', () => {
    const { status, output } = runBuild(outDir, { NOTES_DIR: 'tests/fixtures/notes-bad-date' });
    expect(status).not.toBe(0);
    expect(output).toContain('2023-05-26.md: frontmatter "date" is 2023-05-27 but the file name says 2023-05-26');
  });

  it('stops on a {#id} heading in an .mdx note, naming the file, the line and the form to write', () => {
    const { status, output } = runBuild(outDir, { NOTES_DIR: 'tests/fixtures/notes-bad-mdx-id' });
    expect(status).not.toBe(0);
    expect(output).toContain('tests/fixtures/notes-bad-mdx-id/lessons/en/lesson-3.mdx:10: ## Alerts {#alerts}');
    expect(output).toContain('write instead: ## Alerts {/* #alerts */}');
    expect(output).not.toContain('Could not parse expression with acorn');
  });
});
