import fs from 'node:fs';
import path from 'node:path';

/**
 * The folder the content collections read: `content/` at the top of the project, or the folder
 * named by `NOTES_DIR` (the importer and the corpus tests build other notes folders this way).
 */
export function notesDir(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): string {
  const chosen = env['NOTES_DIR']?.trim();
  return path.resolve(cwd, chosen ? chosen : 'content');
}

/**
 * Whether a path a note names really leads outside the notes folder, symbolic links followed:
 * `../../../../tmp/x.png`, or a file inside the folder that links out of it. The one test of "inside
 * the notes folder" for everything a build reads or publishes on a note's word (lesson images and
 * links, images in notebook cells): nothing outside the folder is read or published.
 */
export function outsideNotesFolder(file: string, notesRoot: string): boolean {
  const real = (p: string) => {
    try {
      return fs.realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  const rel = path.relative(real(notesRoot), real(file));
  return rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);
}
