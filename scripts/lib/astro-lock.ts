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

/**
 * Runs `work` while holding the lock (the project's, or the folder `lockDir`); waits for it, and
 * takes over one left by a process that died.
 */
export async function withAstroLock<T>(work: () => Promise<T>, lockDir = projectLock): Promise<T> {
  fs.mkdirSync(path.dirname(lockDir), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(fs.readFileSync(path.join(lockDir, 'pid'), { encoding: 'utf8', flag: 'a+' }) || 0);
      if (owner && !alive(owner)) fs.rmSync(lockDir, { recursive: true, force: true });
      else await new Promise((done) => setTimeout(done, 200));
    }
  }
  fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
  try {
    return await work();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}
