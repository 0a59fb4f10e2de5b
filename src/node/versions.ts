import fs from 'node:fs';
import path from 'node:path';
import { git, shallowCommits } from './history';

/**
 * Versions of one file in git: which commit last changed it (as of a commit or a day), its text
 * then, and whether the working tree holds changes not committed yet. Everything is undefined
 * outside a git checkout, so callers fall back to dates.
 */

/** A commit, as far as a translator needs it. */
export interface Version {
  hash: string;
  date: Date;
}

const dirOf = (file: string) => path.dirname(path.resolve(file));

function version(line: string | undefined): Version | undefined {
  const m = /^([0-9a-f]{40,64}) (\d+)$/.exec(line?.trim() ?? '');
  return m?.[1] && m[2] ? { hash: m[1], date: new Date(Number(m[2]) * 1000) } : undefined;
}

/**
 * The last commit that changed `file`, among the ancestors of `at` (default: the checked-out
 * commit) and, with `before`, no later than that moment.
 * @example lastChange('content/lessons/en/lesson-1.md') // { hash: 'e45d07f…', date: … }
 */
export function lastChange(file: string, options: { at?: string; before?: Date } = {}): Version | undefined {
  const args = ['log', '--format=%H %ct', options.at ?? 'HEAD', '--', path.resolve(file)];
  if (!options.before) args.splice(1, 0, '-1');
  // Newest first; the first at or before the moment (git's own --before reads dates loosely).
  const versions = (git(dirOf(file), args) ?? '').split('\n').map(version);
  const found = versions.find((v) => v && (!options.before || v.date <= options.before));
  return found && !shallowCommits(dirOf(file)).has(found.hash) ? found : undefined;
}

/** The commit a hash (short or full) or other revision names, if this repository has it. */
export function commitOf(ref: string, near: string): Version | undefined {
  if (!/^[\w./^~-]+$/.test(ref)) return undefined;
  const hash = git(dirOf(near), ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])?.trim();
  return hash ? version(git(dirOf(near), ['log', '-1', '--format=%H %ct', hash])) : undefined;
}

/** The text of `file` as it was in a commit; undefined when it did not exist then. */
export function textAt(file: string, hash: string): string | undefined {
  return git(dirOf(file), ['show', `${hash}:./${path.basename(file)}`]);
}

/** Whether the working tree has changes to `file` that are not committed (a new file counts). */
export function hasUncommittedChanges(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  const status = git(dirOf(file), ['status', '--porcelain', '--', path.resolve(file)]);
  return Boolean(status?.trim());
}
