import path from 'node:path';
import { contentHistory, type ContentHistory } from './history';

/**
 * Where a page's text comes from, for the two lines under it: "Edit this page" (a link to the file
 * in the repository's web editor) and "Last updated" (the last commit touching the file, else the
 * note's own `updated` date). Either is left out when the information is not there.
 */

/** The repository the site is built from, as `REPO_URL` (and `REPO_BRANCH`) give it. */
export interface Repository {
  /** Its web address, e.g. `https://github.com/you/fastai-notes`. */
  url: string;
  /** The branch edits are proposed against. */
  branch: string;
}

/**
 * Reads `REPO_URL` / `REPO_BRANCH` (default `main`). The Pages workflow fills both in from the
 * repository it runs in; unset, there is no edit link.
 * @example repository({ REPO_URL: 'https://github.com/you/notes/' }) // { url: 'https://github.com/you/notes', branch: 'main' }
 */
export function repository(env: Record<string, string | undefined> = process.env): Repository | undefined {
  const raw = env['REPO_URL']?.trim();
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    url = new URL('invalid:');
  }
  if (!/^https?:$/.test(url.protocol) || url.pathname.split('/').filter(Boolean).length < 2) {
    throw new Error(
      `REPO_URL is "${raw}": give the repository's web address, e.g. https://github.com/you/fastai-notes, or leave it unset for no edit links.`,
    );
  }
  const branch = env['REPO_BRANCH']?.trim() || 'main';
  return { url: raw.replace(/\/+$/, '').replace(/\.git$/, ''), branch };
}

/**
 * The web editor's address for a file of the checkout (GitHub's `/edit/<branch>/<path>`), or
 * undefined when the file lies outside the project (a NOTES_DIR elsewhere is not in the repository).
 * @example editUrl({ url: 'https://github.com/you/notes', branch: 'main' }, 'content/lessons/zh/lesson-1.md', '/repo')
 * // 'https://github.com/you/notes/edit/main/content/lessons/zh/lesson-1.md'
 */
export function editUrl(repo: Repository, filePath: string, root: string = process.cwd()): string | undefined {
  const rel = path.relative(root, path.resolve(root, filePath));
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  const segments = rel.split(path.sep).map(encodeURIComponent).join('/');
  return `${repo.url}/edit/${encodeURIComponent(repo.branch)}/${segments}`;
}

/** The two facts shown under a page; a missing one is simply absent. */
export interface PageSource {
  editUrl?: string;
  lastUpdated?: Date;
}

export interface PageSourceOptions {
  /** Where REPO_URL and REPO_BRANCH are read; default `process.env`. */
  env?: Record<string, string | undefined>;
  /** The project root that `filePath` is relative to; default the working directory. */
  root?: string;
  /** Git history of the notes folder; default the one being built. */
  history?: ContentHistory;
}

/**
 * Edit link and last-updated date for a content file (`entry.filePath`, relative to the project).
 * @example pageSource('content/lessons/en/lesson-1.md', undefined) // { lastUpdated: <last commit> }
 */
export function pageSource(
  filePath: string | undefined,
  updated: Date | undefined,
  options: PageSourceOptions = {},
): PageSource {
  const { env = process.env, root = process.cwd(), history = contentHistory() } = options;
  const out: PageSource = {};
  const lastUpdated = (filePath && history.lastCommit(path.resolve(root, filePath))) || updated;
  if (lastUpdated) out.lastUpdated = lastUpdated;
  const repo = repository(env);
  const edit = repo && filePath ? editUrl(repo, filePath, root) : undefined;
  if (edit) out.editUrl = edit;
  return out;
}
