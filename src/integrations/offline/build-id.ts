import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { BUILD_NAME_LENGTH } from '../../lib/offline/config';
import { notesDir } from '../../node/notes-dir';

/** What a build depends on besides the notes: the site's code, its public files and its locked dependencies. */
const SOURCES = ['src', 'public', 'astro.config.ts', 'package-lock.json'];
/** The variables that change what a build writes (README, "Building for a sub-path"). */
const VARIABLES = ['BASE_PATH', 'SITE_URL', 'REPO_URL', 'REPO_BRANCH', 'STRICT_MATH', 'OFFLINE'];

function addTree(hash: ReturnType<typeof createHash>, root: string, rel: string): void {
  const full = path.join(root, rel);
  const stat = fs.statSync(full, { throwIfNoEntry: false });
  if (!stat) return;
  if (stat.isFile()) {
    hash.update(`${rel}\0`).update(fs.readFileSync(full)).update('\0');
    return;
  }
  if (!stat.isDirectory()) return;
  for (const name of fs.readdirSync(full).sort()) addTree(hash, root, path.join(rel, name));
}

/** The commit the notes are at, when they are in a git checkout: it dates "Last updated". */
function gitHead(cwd: string): string {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return '';
  }
}

/**
 * A short name for this build, the same for the same inputs: a hash of the notes, the site's code
 * and the variables it is built with. It is known before Astro renders a page, so pages can carry
 * it (Pagefind's `metaCacheTag`) and the worker can name its caches by it; hashing the output
 * instead would come too late for the pages that name it.
 */
export function buildId(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): string {
  const hash = createHash('sha256');
  const notes = notesDir(env, cwd);
  addTree(hash, notes, '.');
  for (const source of SOURCES) addTree(hash, cwd, source);
  for (const name of VARIABLES) hash.update(`${name}=${env[name] ?? ''}\0`);
  hash.update(gitHead(notes));
  return hash.digest('hex').slice(0, BUILD_NAME_LENGTH);
}
