import type { BundleKey, KeptBundle } from './search-index-cache';

/**
 * A rebuild's changed pages, indexed apart. Pagefind cannot update a bundle, so a rebuild after
 * editing one note indexed its whole language (or part) again: at 1,000 notes a language, 17 s of a
 * 34 s rebuild. Instead, while few of a large bundle's pages have changed since it was indexed
 * whole, the rebuild keeps that bundle as it was, indexes the changed pages alone into a small
 * bundle beside it (`recent/`, named in the language's entry as one more part), and lists the ids
 * of their earlier versions for search to leave out (`hidden`). Every rebuild compares the pages
 * with the last whole index, so the recent bundle holds every page changed since; once they are
 * too many, the language is indexed whole again. A clean build never has one.
 *
 * This is what keeps a thousand notes in one bundle a language: a split language (search-parts.ts)
 * also spared rebuilds, but every query asked each part for its index chunks.
 */

/** A bundle smaller than this is indexed whole again on a change: it takes about a second. */
export const RECENT_FROM_PAGES = 200;

/** How many changed pages, of a bundle's indexed pages, the recent bundle takes at most. */
export function recentLimit(indexedPages: number): number {
  return indexedPages < RECENT_FROM_PAGES ? 0 : Math.max(8, Math.floor(indexedPages / 20));
}

/** Whether a kept bundle can take a recent bundle beside it: worth reading every page to find out. */
export function mayTakeRecent(kept: KeptBundle): boolean {
  return !!kept.pages && !!kept.ids && recentLimit(Object.keys(kept.pages).length) > 0;
}

export interface PageChanges {
  /** Indexed pages that are new or changed since the kept bundle was made. */
  changed: string[];
  /** Pages the kept bundle indexed that are no longer indexed. */
  gone: string[];
  /** The kept bundle's ids of the changed and gone pages: what search leaves out of it. */
  hidden: string[];
  /** The kept bundle's id of each changed page it had, by address. */
  earlier: Record<string, string>;
}

/**
 * What changed between the pages a kept bundle was made from and the pages now, when the recent
 * bundle can take it: the same indexing code and layout, and few enough pages.
 */
export function pageChanges(kept: KeptBundle, now: Pick<BundleKey, 'code' | 'pages'>): PageChanges | undefined {
  if (!kept.pages || !kept.ids || kept.code !== now.code) return undefined;
  const before = kept.pages;
  const changed = Object.keys(now.pages).filter((url) => before[url] !== now.pages[url]);
  const gone = Object.keys(before).filter((url) => !(url in now.pages));
  if (changed.length + gone.length > recentLimit(Object.keys(before).length)) return undefined;
  const ids = kept.ids;
  const hidden = [...changed, ...gone].flatMap((url) => (ids[url] ? [ids[url]] : []));
  const earlier = Object.fromEntries(changed.flatMap((url) => (ids[url] ? [[url, ids[url]]] : [])));
  return { changed, gone, hidden, earlier };
}
