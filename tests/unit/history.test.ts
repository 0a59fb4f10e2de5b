import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentHistory, parseGitLog, readGitHistory } from '../../src/node/history';
import { gitAt } from '../support/git-repo';

const temps: string[] = [];
afterAll(() => temps.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'history-test-'));
  temps.push(dir);
  return fs.realpathSync(dir);
}

const git = gitAt;

function write(root: string, rel: string, text: string): string {
  const file = path.join(root, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

const T1 = 1_684_000_000; // 2023-05-13
const T2 = 1_690_000_000; // 2023-07-22
const T3 = 1_700_000_000; // 2023-11-14

/** A repo with the notes in `notes/`, two commits, an untracked and a staged-only file. */
function sampleRepo() {
  const repo = tempDir();
  git(repo, ['init', '-q', '-b', 'main']);
  write(repo, 'notes/lessons/zh/lesson-1.md', 'a');
  write(repo, 'notes/lessons/en/lesson-1.md', 'a');
  write(repo, 'README.md', 'outside the notes');
  git(repo, ['add', '.']);
  git(repo, ['commit', '-q', '-m', 'one'], T1);
  write(repo, 'notes/lessons/zh/lesson-1.md', 'b');
  write(repo, 'notes/log/zh/学习 日志.md', 'log');
  git(repo, ['add', '.']);
  git(repo, ['commit', '-q', '-m', 'two'], T2);
  write(repo, 'notes/lessons/zh/lesson-2.md', 'untracked');
  write(repo, 'notes/lessons/en/lesson-2.md', 'staged, never committed');
  git(repo, ['add', 'notes/lessons/en/lesson-2.md']);
  return { repo, notes: path.join(repo, 'notes') };
}

describe('parseGitLog', () => {
  it('keeps the newest commit per path, resolved against the repository top', () => {
    const out = `\x1eaaaaaaa ${T2}\0\nnotes/a.md\0\x1ebbbbbbb ${T1}\0\nnotes/a.md\0notes/b.md\0`;
    const dates = parseGitLog(out, '/repo');
    expect(dates.get('/repo/notes/a.md')).toEqual(new Date(T2 * 1000));
    expect(dates.get('/repo/notes/b.md')).toEqual(new Date(T1 * 1000));
    expect(dates.size).toBe(2);
  });

  it('knows nothing about files whose newest commit is a shallow-clone boundary', () => {
    const out = `\x1eaaaaaaa ${T2}\0\nnotes/a.md\0\x1ebbbbbbb ${T1}\0\nnotes/a.md\0notes/b.md\0`;
    const dates = parseGitLog(out, '/repo', new Set(['bbbbbbb']));
    expect(dates.get('/repo/notes/a.md')).toEqual(new Date(T2 * 1000));
    expect(dates.has('/repo/notes/b.md')).toBe(false);
  });

  it('keeps the oldest commit per path when asked when each file was added', () => {
    const out = `\x1eaaaaaaa ${T2}\0\nnotes/a.md\0\x1ebbbbbbb ${T1}\0\nnotes/a.md\0notes/b.md\0`;
    const dates = parseGitLog(out, '/repo', new Set(), 'first');
    expect(dates.get('/repo/notes/a.md')).toEqual(new Date(T1 * 1000));
    expect(dates.get('/repo/notes/b.md')).toEqual(new Date(T1 * 1000));
    // A file whose oldest commit here is a shallow boundary may be older still: unknown.
    expect(parseGitLog(out, '/repo', new Set(['bbbbbbb']), 'first').has('/repo/notes/a.md')).toBe(false);
  });

  it('reads nothing from empty or foreign output', () => {
    expect(parseGitLog('', '/repo').size).toBe(0);
    expect(parseGitLog('fatal: not a git repository', '/repo').size).toBe(0);
  });
});

describe('readGitHistory', () => {
  const { repo, notes } = sampleRepo();

  it('dates every committed file in the notes folder by its last commit', () => {
    const dates = readGitHistory(notes);
    expect(dates.get(path.join(notes, 'lessons/zh/lesson-1.md'))).toEqual(new Date(T2 * 1000));
    expect(dates.get(path.join(notes, 'lessons/en/lesson-1.md'))).toEqual(new Date(T1 * 1000));
    expect(dates.get(path.join(notes, 'log/zh/学习 日志.md'))).toEqual(new Date(T2 * 1000));
  });

  it('gives nothing for untracked or never-committed files, or files outside the notes folder', () => {
    const dates = readGitHistory(notes);
    expect(dates.has(path.join(notes, 'lessons/zh/lesson-2.md'))).toBe(false);
    expect(dates.has(path.join(notes, 'lessons/en/lesson-2.md'))).toBe(false);
    expect(dates.has(path.join(repo, 'README.md'))).toBe(false);
  });

  it('gives nothing for a folder that is not a checkout, or does not exist', () => {
    const plain = tempDir();
    write(plain, 'lessons/zh/lesson-1.md', 'a');
    expect(readGitHistory(plain).size).toBe(0);
    expect(readGitHistory(path.join(plain, 'missing')).size).toBe(0);
  });

  it('in a shallow clone, dates only files changed after the cut', () => {
    write(repo, 'notes/lessons/en/lesson-1.md', 'c');
    git(repo, ['add', 'notes/lessons/en/lesson-1.md']);
    git(repo, ['commit', '-q', '-m', 'three'], T3);
    const clone = path.join(tempDir(), 'clone');
    git(repo, ['clone', '-q', '--depth', '1', `file://${repo}`, clone]);
    const dates = readGitHistory(path.join(clone, 'notes'));
    expect(dates.has(path.join(clone, 'notes/lessons/zh/lesson-1.md'))).toBe(false);
    expect(dates.size).toBe(0);
    const deeper = path.join(tempDir(), 'clone');
    git(repo, ['clone', '-q', '--depth', '2', `file://${repo}`, deeper]);
    const more = readGitHistory(path.join(deeper, 'notes'));
    expect(more.get(path.join(deeper, 'notes/lessons/en/lesson-1.md'))).toEqual(new Date(T3 * 1000));
    expect(more.has(path.join(deeper, 'notes/lessons/zh/lesson-1.md'))).toBe(false);
  });
});

describe('contentHistory', () => {
  it('answers for relative and absolute paths and reads git once per folder', () => {
    const { repo, notes } = sampleRepo();
    const history = contentHistory(notes);
    const file = path.join(notes, 'lessons/zh/lesson-1.md');
    expect(history.lastCommit(file)).toEqual(new Date(T2 * 1000));
    expect(history.lastCommit(path.relative(process.cwd(), file))).toEqual(new Date(T2 * 1000));
    expect(history.firstCommit(file)).toEqual(new Date(T1 * 1000));
    expect(history.firstCommit(path.join(notes, 'log/zh/学习 日志.md'))).toEqual(new Date(T2 * 1000));
    write(repo, 'notes/lessons/zh/lesson-1.md', 'later');
    git(repo, ['commit', '-q', '-am', 'later'], T3);
    // Cached for the build: the later commit is not seen by the same folder's history.
    expect(contentHistory(notes).lastCommit(file)).toEqual(new Date(T2 * 1000));
  });

  it('knows nothing about a notes folder outside any checkout', () => {
    const plain = tempDir();
    const file = write(plain, 'lessons/en/lesson-1.md', 'a');
    expect(contentHistory(plain).lastCommit(file)).toBeUndefined();
  });
});
