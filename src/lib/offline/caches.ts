/**
 * How the offline reader names its caches, shared by the service worker and the pages. Cache
 * Storage belongs to the origin, and project sites on one GitHub Pages origin share it, so every
 * name carries the site's base path; and every name but the reader's saved copies carries the
 * build, so a new deploy's worker can drop what an older build cached without touching what the
 * reader chose to keep.
 */

/** The kinds of cache the worker fills as the reader reads (never a whole language). */
export type RuntimeCache = 'pages' | 'assets' | 'images' | 'search';

/** The start every cache name of the site under `base` shares. */
export const cachePrefix = (base: string) => `fastai-notes@${base}`;

/**
 * The cache the worker of `build` fills with one kind of response.
 * @example runtimeCacheName('/fastai-notes/', 'pages', 'a1b2') // 'fastai-notes@/fastai-notes/:pages:a1b2'
 */
export function runtimeCacheName(base: string, kind: RuntimeCache, build: string): string {
  return `${cachePrefix(base)}:${kind}:${build}`;
}

/** The cache that holds the reader's saved copy of one language, as downloaded from `build`. */
export function savedCacheName(base: string, lang: string, build: string): string {
  return `${cachePrefix(base)}:saved:${lang}:${build}`;
}

/** Serwist's prefix for its precache (the offline pages), so the same rules find it. */
export const precacheId = (base: string) => `${cachePrefix(base)}:precache`;

export interface SavedCacheRef {
  name: string;
  lang: string;
  build: string;
}

/**
 * Reads a saved copy's cache name; undefined for any other cache.
 * @example parseSavedCacheName('/b/', 'fastai-notes@/b/:saved:zh:a1b2') // { name: …, lang: 'zh', build: 'a1b2' }
 */
export function parseSavedCacheName(base: string, name: string): SavedCacheRef | undefined {
  const start = `${cachePrefix(base)}:saved:`;
  if (!name.startsWith(start)) return undefined;
  const [lang, build, ...rest] = name.slice(start.length).split(':');
  return lang && build && rest.length === 0 ? { name, lang, build } : undefined;
}

/**
 * Whether a cache is one the worker of `build` may delete when it takes over: the site's runtime
 * caches of other builds. Saved copies stay until the reader updates or removes them, and Serwist
 * cleans its own precache.
 */
export function isStaleRuntimeCache(base: string, name: string, build: string): boolean {
  const start = `${cachePrefix(base)}:`;
  if (!name.startsWith(start)) return false;
  const [kind, cacheBuild] = name.slice(start.length).split(':');
  return (['pages', 'assets', 'images', 'search'] as string[]).includes(kind ?? '') && cacheBuild !== build;
}

/** Whether a cache belongs to the site under `base` at all (what a worker that removes itself deletes). */
export function isSiteCache(base: string, name: string): boolean {
  return name.startsWith(`${cachePrefix(base)}:`);
}

/** The key, inside a saved copy's cache, of the record of when and from which build it was saved. */
export const savedRecordUrl = (base: string, lang: string) => `${base}offline/${lang}.saved.json`;

/** The build's list of what saving a language downloads (written by the offline integration). */
export const offlineManifestUrl = (base: string, lang: string) => `${base}offline/${lang}.json`;

/** The page shown for a page that is neither online nor cached. */
export const offlinePageUrl = (base: string, lang: string) => `${base}${lang}/offline/`;

/**
 * The header the save control puts on its downloads: the worker lets them through untouched, so a
 * saved file is not also kept a second time in a runtime cache.
 */
export const SAVE_HEADER = 'x-offline-save';

/** What a page tells the worker once it has saved or removed a copy: list the saved copies again. */
export const SAVED_COPIES_CHANGED = 'SAVED_COPIES_CHANGED';
