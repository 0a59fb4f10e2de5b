import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A throw-away git repository for tests of history: files written, then committed at set times. */
export interface TestRepo {
  root: string;
  write(rel: string, text: string): void;
  read(rel: string): string;
  /** Commits everything at `at` (seconds since the epoch), so dates and order are what the test says. */
  commit(message: string, at: number): void;
  git(args: string[]): string;
  remove(): void;
}

/** Runs git in `cwd` with a fixed identity and the given commit time (seconds since the epoch). */
export function gitAt(cwd: string, args: string[], at = 1_700_000_000): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.org',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.org',
      GIT_AUTHOR_DATE: `${at} +0000`,
      GIT_COMMITTER_DATE: `${at} +0000`,
    },
  });
}

export function testRepo(prefix = 'repo-'): TestRepo {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  const git = (args: string[], at?: number) => gitAt(root, args, at);
  git(['init', '-q', '-b', 'main']);
  return {
    root,
    write(rel, text) {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    },
    read: (rel) => fs.readFileSync(path.join(root, rel), 'utf8'),
    commit(message, at) {
      git(['add', '-A'], at);
      git(['commit', '-q', '-m', message], at);
    },
    git: (args) => git(args),
    remove: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}
