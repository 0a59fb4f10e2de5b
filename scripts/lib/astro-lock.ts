import fs from 'node:fs';
import path from 'node:path';

/**
 * One Astro at a time in this project folder, across processes. A build or `astro check` writes
 * the project's `.astro/` folder at content sync (the list of content modules among it) and a
 * build bundles that list later: a second one with another notes folder rewriting it in between
 * left the first one's .mdx notes in an "empty" collection. The test sites and `astro check` run
 * side by side otherwise, so each holds this lock while it runs.
 *
 * Plain TypeScript with no imports but Node's.
 */
const projectLock = path.resolve(import.meta.dirname, '../../.cache/astro.lock');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pid written in a lock folder, or 0 while its holder has not written it yet. */
function owner(lockDir: string): number {
  try {
    return Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8')) || 0;
  } catch {
    return 0;
  }
}

/**
 * Whether the lock's holder is gone: its process no longer runs, or it never wrote its pid (a
 * holder writes it right after making the folder, so ten seconds without one means it died).
 */
function abandoned(lockDir: string): boolean {
  const holder = owner(lockDir);
  if (holder) return !alive(holder);
  try {
    return Date.now() - fs.statSync(lockDir).mtimeMs > 10_000;
  } catch {
    return false;
  }
}

/**
 * Removes a lock folder by first renaming it to a name of this process's own. Removing it in
 * place raced with a waiter: between emptying the folder and removing it, another process could
 * find it and look inside, and the removal failed with ENOTEMPTY (a CI run stopped on it). After
 * the rename no one else looks at that name. Returns false when another process removed it first.
 */
function remove(lockDir: string): boolean {
  const gone = `${lockDir}.gone-${process.pid}-${Math.random().toString(36).slice(2)}`;
  try {
    fs.renameSync(lockDir, gone);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  fs.rmSync(gone, { recursive: true, force: true });
  return true;
}

/**
 * Runs `work` while holding the lock (the project's, or the folder `lockDir`); waits for it, and
 * takes over one left by a process that died. A waiter only reads the lock folder, never writes
 * into it.
 */
export async function withAstroLock<T>(work: () => Promise<T>, lockDir = projectLock): Promise<T> {
  fs.mkdirSync(path.dirname(lockDir), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (!(abandoned(lockDir) && remove(lockDir))) await new Promise((done) => setTimeout(done, 200));
    }
  }
  fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
  try {
    return await work();
  } finally {
    remove(lockDir);
  }
}
