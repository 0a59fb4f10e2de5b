import { describe, expect, it } from 'vitest';
import { editUrl, pageSource, repository } from '../../src/node/page-source';

const repo = { url: 'https://github.com/you/fastai-notes', branch: 'main' };
const noHistory = { lastCommit: () => undefined, firstCommit: () => undefined };

describe('edit links', () => {
  it('reads REPO_URL and REPO_BRANCH, tidying the address', () => {
    expect(repository({})).toBeUndefined();
    expect(repository({ REPO_URL: '  ' })).toBeUndefined();
    expect(repository({ REPO_URL: 'https://github.com/you/fastai-notes/' })).toEqual(repo);
    expect(repository({ REPO_URL: 'https://github.com/you/fastai-notes.git', REPO_BRANCH: 'trunk' })).toEqual({
      ...repo,
      branch: 'trunk',
    });
  });

  it('refuses an address that is not a repository page, saying what to write', () => {
    expect(() => repository({ REPO_URL: 'git@github.com:you/notes.git' })).toThrow(
      /REPO_URL is "git@github.com:you\/notes.git": give the repository's web address/,
    );
    expect(() => repository({ REPO_URL: 'https://github.com/' })).toThrow(/REPO_URL/);
  });

  it("links a file of the project to GitHub's editor, encoding the path", () => {
    expect(editUrl(repo, 'content/lessons/zh/lesson-1.md', '/p')).toBe(
      'https://github.com/you/fastai-notes/edit/main/content/lessons/zh/lesson-1.md',
    );
    expect(editUrl(repo, '/p/content/notes/zh/学习 笔记.md', '/p')).toBe(
      'https://github.com/you/fastai-notes/edit/main/content/notes/zh/%E5%AD%A6%E4%B9%A0%20%E7%AC%94%E8%AE%B0.md',
    );
  });

  it('gives no link for a notes folder outside the project', () => {
    expect(editUrl(repo, '../elsewhere/lessons/en/lesson-1.md', '/p')).toBeUndefined();
    expect(editUrl(repo, '/tmp/notes/lessons/en/lesson-1.md', '/p')).toBeUndefined();
  });
});

describe('page source', () => {
  const updated = new Date('2026-11-25');
  const committed = new Date('2026-11-28T10:00:00Z');

  it('prefers the last commit, then the frontmatter date, and shows nothing without either', () => {
    const history = { ...noHistory, lastCommit: (f: string) => (f === '/p/content/a.md' ? committed : undefined) };
    expect(pageSource('content/a.md', updated, { env: {}, root: '/p', history })).toEqual({ lastUpdated: committed });
    expect(pageSource('content/b.md', updated, { env: {}, root: '/p', history })).toEqual({ lastUpdated: updated });
    expect(pageSource('content/b.md', undefined, { env: {}, root: '/p', history })).toEqual({});
  });

  it('adds the edit link only when REPO_URL is set', () => {
    const env = { REPO_URL: 'https://github.com/you/fastai-notes' };
    expect(pageSource('content/a.md', undefined, { env, root: '/p', history: noHistory })).toEqual({
      editUrl: 'https://github.com/you/fastai-notes/edit/main/content/a.md',
    });
    expect(pageSource(undefined, undefined, { env, root: '/p', history: noHistory })).toEqual({});
  });
});
