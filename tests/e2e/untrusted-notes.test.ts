import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { MINI_DIST } from './support/constants';
import { OUTSIDE_MARKER } from './support/mini-site';

/**
 * The mini site's English lesson 2 points outside the notes folder (a climbing path and a symbolic
 * link) and names files that are not images (see support/mini-site.ts): the one build of the mini
 * site, read as files.
 */
const output = inject('miniSite').output;

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
    const page = fs.readFileSync(path.join(MINI_DIST, 'en/lessons/lesson-2/index.html'), 'utf8');
    expect(page.match(/class="missing-image"/g)).toHaveLength(5);
    expect(page).toContain('Image could not be read: ./lfs.png');
    expect(page).toContain('the secret');
    const published = fs
      .readdirSync(MINI_DIST, { recursive: true, encoding: 'utf8' })
      .filter((f) => fs.statSync(path.join(MINI_DIST, f)).isFile());
    expect(published.filter((f) => fs.readFileSync(path.join(MINI_DIST, f)).includes(OUTSIDE_MARKER))).toEqual([]);
  });
});
