import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from './support/build';

/**
 * A whole build of a notes folder whose note points outside it and names files that are not images.
 * Before the site checked them, the build read the outside file and stopped with Astro's
 * NoImageMetadata on the first broken image, naming no note.
 */
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'untrusted-notes-'));
const notes = path.join(work, 'notes');
const dist = path.join(work, 'dist');
const marker = 'do-not-publish-7f3a';
let output = '';

beforeAll(() => {
  fs.cpSync('tests/fixtures/notes-mini', notes, { recursive: true });
  fs.writeFileSync(
    path.join(work, 'secret.svg'),
    `<svg xmlns="http://www.w3.org/2000/svg" width="3" height="3"><title>${marker}</title></svg>`,
  );
  const dir = path.join(notes, 'lessons/en');
  fs.symlinkSync(path.join(work, 'secret.svg'), path.join(dir, 'linked.svg'));
  fs.writeFileSync(
    path.join(dir, 'page.png'),
    '<!DOCTYPE html>\n<html><body>Sign in to see this image</body></html>\n',
  );
  fs.writeFileSync(
    path.join(dir, 'lfs.png'),
    'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a2146\nsize 48213\n',
  );
  fs.writeFileSync(
    path.join(dir, 'cut.jpg'),
    Buffer.from([
      0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xda, 0, 8, 1, 1, 0, 0,
      0x3f, 0, 0x12,
    ]),
  );
  const lesson = path.join(dir, 'lesson-2.md');
  // Lines 14–19 of the note.
  fs.appendFileSync(
    lesson,
    '\n![climb](../../../secret.svg)\n\n![linked](./linked.svg)\n\n![page](./page.png) ![lfs](./lfs.png) ![cut](./cut.jpg)\n\n[the secret](../../../secret.svg)\n',
  );
  output = buildSite(dist, { NOTES_DIR: notes }).replace(/\x1b\[[0-9;]*m/g, '');
}, 300_000);
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('a build of notes that point outside their folder or at broken images', () => {
  it('completes, warning with the note and line for each refused file', () => {
    const at = (line: number) => `lessons/en/lesson-2.md:${line}: `;
    expect(output).toContain(`${at(14)}image "../../../secret.svg" is outside the notes folder`);
    expect(output).toContain(`${at(16)}image "./linked.svg" is outside the notes folder`);
    expect(output).toContain(`${at(18)}image "./page.png" is an HTML page, not an image`);
    expect(output).toContain(`${at(18)}image "./lfs.png" is a Git LFS pointer`);
    expect(output).toContain(`${at(18)}image "./cut.jpg" is a truncated JPEG`);
    expect(output).toContain(`${at(20)}link to "../../../secret.svg" leads outside the notes folder`);
    expect(output).not.toContain('NoImageMetadata');
  });

  it('shows placeholders on the page and publishes nothing from outside the folder', () => {
    const page = fs.readFileSync(path.join(dist, 'en/lessons/lesson-2/index.html'), 'utf8');
    expect(page.match(/class="missing-image"/g)).toHaveLength(5);
    expect(page).toContain('Image could not be read: ./lfs.png');
    expect(page).toContain('the secret');
    const published = fs
      .readdirSync(dist, { recursive: true, encoding: 'utf8' })
      .filter((f) => fs.statSync(path.join(dist, f)).isFile());
    expect(published.filter((f) => fs.readFileSync(path.join(dist, f)).includes(marker))).toEqual([]);
  });
});
