import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Builds a notes folder that should be refused, and returns what the build printed. */
function failingBuild(notesDir: string): { status: number | null; output: string } {
  const r = spawnSync('npx', ['astro', 'build', '--force', '--outDir', `/tmp/notes-bad-${process.pid}`], {
    env: { ...process.env, NOTES_DIR: notesDir },
    encoding: 'utf8',
  });
  // Colours differ between a terminal and CI; compare the words only.
  return { status: r.status, output: `${r.stdout}\n${r.stderr}`.replace(/\x1b\[[0-9;]*m/g, '') };
}

describe('notes with mistakes are refused with the file and the field named', () => {
  it('stops on a lesson without a required field', () => {
    const { status, output } = failingBuild('tests/fixtures/notes-bad-frontmatter');
    expect(status).not.toBe(0);
    expect(output).toContain('tests/fixtures/notes-bad-frontmatter/lessons/en/lesson-9.md');
    expect(output).toMatch(/summary\W+Required/);
  });

  it('stops on a log entry whose date disagrees with its file name', () => {
    const { status, output } = failingBuild('tests/fixtures/notes-bad-date');
    expect(status).not.toBe(0);
    expect(output).toContain('2023-05-26.md: frontmatter "date" is 2023-05-27 but the file name says 2023-05-26');
  });

  it('stops on a {#id} heading in an .mdx note, naming the file, the line and the form to write', () => {
    const { status, output } = failingBuild('tests/fixtures/notes-bad-mdx-id');
    expect(status).not.toBe(0);
    expect(output).toContain('tests/fixtures/notes-bad-mdx-id/lessons/en/lesson-3.mdx:10: ## Alerts {#alerts}');
    expect(output).toContain('write instead: ## Alerts {/* #alerts */}');
    expect(output).not.toContain('Could not parse expression with acorn');
  });
});
