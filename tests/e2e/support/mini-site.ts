import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeUntrustedFiles } from '../../support/untrusted-files';
import { buildSite, type BuildResult } from './build';
import { MINI_DIST, MINI_SITE } from './constants';
import { hasOlderNode, olderNodeEnv, olderNodeVersion } from './older-node';

/** What the mini site's tests need to know about its build. */
export interface MiniSite {
  /** The temporary folder that holds the notes (`notes/`) and the file outside them. */
  work: string;
  notes: string;
  output: string;
  /** The older Node whose `npm run build` built it, or '' when it was built directly. */
  builtUnder: string;
}

/** Text that must not reach the built site: it is in a file outside the notes folder. */
export const OUTSIDE_MARKER = 'do-not-publish-7f3a';

/**
 * A copy of tests/fixtures/notes-mini whose English lesson 2 also points outside the folder (a
 * climbing path and a symbolic link) and at files that are not images. Before the site checked
 * them, the build read the outside file and stopped with Astro's NoImageMetadata on the first
 * broken image, naming no note.
 */
function writeNotes(work: string): string {
  const notes = path.join(work, 'notes');
  fs.cpSync('tests/fixtures/notes-mini', notes, { recursive: true });
  fs.writeFileSync(
    path.join(work, 'secret.svg'),
    `<svg xmlns="http://www.w3.org/2000/svg" width="3" height="3"><title>${OUTSIDE_MARKER}</title></svg>`,
  );
  const dir = path.join(notes, 'lessons/en');
  writeUntrustedFiles(dir, path.join(work, 'secret.svg'));
  // Lines 14–20 of the note.
  fs.appendFileSync(
    path.join(dir, 'lesson-2.md'),
    '\n![climb](../../../secret.svg)\n\n![linked](./linked.svg)\n\n![page](./page.png) ![lfs](./lfs.png) ![cut](./cut.jpg)\n\n[the secret](../../../secret.svg)\n',
  );
  return notes;
}

/**
 * Builds the mini site at the root. Where the machine's own Node is older than the project needs,
 * the build is the README's `npm run build` with that Node first on PATH, so the same build shows
 * that the npm scripts fetch and use the pinned Node.
 */
export async function buildMiniSite(): Promise<{ site: MiniSite; result: BuildResult }> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'notes-mini-'));
  const notes = writeNotes(work);
  const env = { NOTES_DIR: notes, BASE_PATH: '/', SITE_URL: MINI_SITE };
  const result = await buildSite(
    MINI_DIST,
    env,
    hasOlderNode ? { command: ['npm', 'run', 'build', '--'], baseEnv: olderNodeEnv() } : {},
  );
  return { site: { work, notes, output: result.output, builtUnder: hasOlderNode ? olderNodeVersion : '' }, result };
}
