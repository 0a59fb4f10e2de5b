import path from 'node:path';

/**
 * The folder the content collections read: `content/` at the top of the project, or the folder
 * named by `NOTES_DIR` (the importer and the corpus tests build other notes folders this way).
 */
export function notesDir(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): string {
  const chosen = env['NOTES_DIR']?.trim();
  return path.resolve(cwd, chosen ? chosen : 'content');
}
