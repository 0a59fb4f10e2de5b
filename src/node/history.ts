import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { notesDir } from './notes-dir';

/**
 * When each content file last changed, from git history. One `git log` over the whole notes
 * folder answers for every file, read once per build. Gives nothing (undefined) when the folder
 * is not in a git checkout, when a file has never been committed, or when a shallow clone cut
 * the file's history off (its last commit there is the clone's boundary, not a real change).
 */
export interface ContentHistory {
  /** The commit date of the last commit touching `filePath` (absolute, or relative to the cwd). */
  lastCommit(filePath: string): Date | undefined;
  /** The commit date of the commit that added `filePath`: how old the file is (which of two is the original). */
  firstCommit(filePath: string): Date | undefined;
}

/** A record separator between commits, so file names (NUL-separated with `-z`) can be anything. */
const RS = '\x1e';

/**
 * Reads `git log --format=%x1e%H %ct --name-only -z` output into the newest commit date per path
 * (or, with `which = 'first'`, the oldest: when the file was added), dropping paths whose dated
 * commit is a shallow-clone boundary. Paths come back absolute, resolved against `repoTop`. Pure,
 * for the tests.
 * @example parseGitLog('\x1eabc 1700000000\0\nnotes/a.md\0', '/repo').get('/repo/notes/a.md') // 2023-11-14T22:13:20Z
 */
export function parseGitLog(
  output: string,
  repoTop: string,
  shallow: ReadonlySet<string> = new Set(),
  which: 'last' | 'first' = 'last',
): Map<string, Date> {
  const dates = new Map<string, Date>();
  const seen = new Set<string>();
  for (const record of output.split(RS)) {
    const [header, ...files] = record.split('\0');
    const m = /^([0-9a-f]{7,64}) (\d+)$/.exec(header?.trim() ?? '');
    if (!m?.[1] || !m[2]) continue;
    const when = new Date(Number(m[2]) * 1000);
    const boundary = shallow.has(m[1]);
    for (const raw of files) {
      const name = raw.replace(/^\n/, '');
      if (!name) continue;
      const file = path.resolve(repoTop, name);
      // git log lists newest first: the first mention of a path is its last change, the last its first.
      if (which === 'last') {
        if (seen.has(file)) continue;
        seen.add(file);
        if (!boundary) dates.set(file, when);
      } else if (boundary) dates.delete(file);
      else dates.set(file, when);
    }
  }
  return dates;
}

/** Output of a git command in `cwd`, or undefined when it fails (not a checkout, no git, an unknown ref). */
export function git(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', ['-c', 'core.quotepath=false', ...args], {
      cwd,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return undefined; // not a checkout, git not installed, or an empty repository
  }
}

/** Resolves symlinks where the path exists, so `/tmp/x` and its real path compare equal. */
function real(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

const shallowCache = new Map<string, ReadonlySet<string>>();

/**
 * The commits where a shallow clone's history stops (none in a full clone), read once per folder:
 * such a commit stands for all the history cut off, not for when a file changed.
 */
export function shallowCommits(dir: string): ReadonlySet<string> {
  let commits = shallowCache.get(dir);
  if (!commits) {
    const file = git(dir, ['rev-parse', '--git-path', 'shallow'])?.trim();
    const shallow = file ? path.resolve(dir, file) : undefined;
    commits = new Set(
      shallow && fs.existsSync(shallow) ? fs.readFileSync(shallow, 'utf8').split(/\s+/).filter(Boolean) : [],
    );
    shallowCache.set(dir, commits);
  }
  return commits;
}

/** Runs the one `git log` for `dir` (uncached): both dates per file, empty when `dir` is not in a checkout. */
function readGitDates(dir: string): { last: Map<string, Date>; first: Map<string, Date> } {
  const none = { last: new Map<string, Date>(), first: new Map<string, Date>() };
  if (!fs.existsSync(dir)) return none;
  const top = git(dir, ['rev-parse', '--show-toplevel'])?.trim();
  if (!top) return none;
  const log = git(dir, ['log', `--format=${RS}%H %ct`, '--name-only', '-z', '--', '.']);
  if (!log) return none;
  const shallow = shallowCommits(dir);
  return { last: parseGitLog(log, real(top), shallow), first: parseGitLog(log, real(top), shallow, 'first') };
}

/** Last commit date per file of `dir` (uncached); an empty map when `dir` is not in a checkout. */
export function readGitHistory(dir: string): Map<string, Date> {
  return readGitDates(dir).last;
}

const cache = new Map<string, ContentHistory>();

/**
 * The history of a notes folder (default: the one being built), read on first use and kept for
 * the rest of the build.
 * @example contentHistory().lastCommit('content/lessons/zh/lesson-1.md') // Date, or undefined
 */
export function contentHistory(root: string = notesDir()): ContentHistory {
  const key = real(root);
  let history = cache.get(key);
  if (!history) {
    const { last, first } = readGitDates(key);
    history = {
      lastCommit: (filePath) => last.get(real(path.resolve(filePath))),
      firstCommit: (filePath) => first.get(real(path.resolve(filePath))),
    };
    cache.set(key, history);
  }
  return history;
}

/** Shorthand for `contentHistory().lastCommit(filePath)` over the notes folder being built. */
export function lastCommitDate(filePath: string): Date | undefined {
  return contentHistory().lastCommit(filePath);
}
