import { createHash } from 'node:crypto';
import { withoutHtmlFile } from '../lib/stored-html';

/**
 * Cache keys for Astro's incremental builds (`experimental.incrementalBuild`): a page whose key and
 * code did not change since the last build is copied from it instead of rendered again. A page's
 * key is its route data (the props `getStaticPaths` hands it: everything a page shows) and the
 * shape of the site (which notes exist, for the header).
 *
 * The notes a page renders are its props `entry`, `own` and `other` (routing/data.ts,
 * routing/parallel.ts); they count with their whole content. Astro means to track rendered notes
 * itself, but does not see ours, which threads render: a page kept its old paragraph (the bench's
 * rebuild check). A note that a page merely lists or links counts with its front matter and what
 * its render stored (headings, outline, math), not its text: editing a paragraph re-renders the
 * pages that show the paragraph, not every page whose navigation names the note.
 */

export interface Path {
  params: Record<string, string | undefined>;
  props?: unknown;
}

/** A content-layer entry, as `getCollection` returns it. */
interface StoredEntry {
  collection: string;
  id: string;
  data: unknown;
  body?: string;
  /** Astro's digest of the note's file, when its loader gives one. */
  digest?: string;
  rendered?: { html?: string; metadata?: unknown };
}

function isStoredEntry(value: unknown): value is StoredEntry {
  const v = value as Partial<StoredEntry> | null;
  return (
    typeof v === 'object' && v !== null && typeof v.collection === 'string' && typeof v.id === 'string' && 'data' in v
  );
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** Entries summarised once each: a site's pages list the same notes many times over. */
const summaries = new WeakMap<object, string>();

function summary(entry: StoredEntry): string {
  let s = summaries.get(entry);
  if (s === undefined) {
    // Not where the note's HTML is kept: that file changes with every edit of its text.
    const stored = withoutHtmlFile(entry.rendered?.metadata as Record<string, unknown> | undefined);
    s = `${entry.collection}/${entry.id}#${sha(stableJson({ data: entry.data, stored }))}`;
    summaries.set(entry, s);
  }
  return s;
}

/** What a rendered note's page shows of it: all of it. */
function content(entry: StoredEntry): string {
  return entry.digest ?? sha(`${entry.body ?? ''}\0${entry.rendered?.html ?? ''}`);
}

/**
 * JSON of route data, with entries summarised (the `rendered` ones with their content) and maps,
 * sets and dates written out in full.
 */
function stableJson(value: unknown, rendered: ReadonlySet<unknown> = new Set()): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Map) return [...v];
    if (v instanceof Set) return [...v];
    if (isStoredEntry(v)) return rendered.has(v) ? `${summary(v)}@${content(v)}` : summary(v);
    return v;
  });
}

/** The notes a page renders: its props `entry`, `own` and `other`, each a stored entry or a routed one holding it. */
function renderedEntries(props: unknown): Set<unknown> {
  const found = new Set<unknown>();
  if (typeof props !== 'object' || props === null) return found;
  for (const key of ['entry', 'own', 'other']) {
    const value = (props as Record<string, unknown>)[key];
    const inner = typeof value === 'object' && value !== null ? (value as { entry?: unknown }).entry : undefined;
    for (const candidate of [value, inner]) if (isStoredEntry(candidate)) found.add(candidate);
  }
  return found;
}

/** The key of one page: its route data and the site's shape. */
export function cacheKeyOf(props: unknown, siteShape: string): string {
  return sha(`${siteShape}\0${stableJson(props ?? null, renderedEntries(props))}`);
}

/**
 * `getStaticPaths` with a cache key on every path, from the paths function of the page's route
 * data and the site's shape (all notes' collections and ids).
 */
export function withCacheKeys<P extends Path>(
  paths: () => P[] | Promise<P[]>,
  siteShape: () => Promise<string>,
): () => Promise<(P & { cacheKey: string })[]> {
  return async () => {
    const shape = await siteShape();
    return (await paths()).map((path) => ({ ...path, cacheKey: cacheKeyOf(path.props, shape) }));
  };
}
