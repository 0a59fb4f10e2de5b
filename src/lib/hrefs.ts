import type { Locale } from './locales';
import { feedPath, localizedPath, parallelPath, tagPath, withBase, type Section } from './urls';

/**
 * The hrefs of this build: every link a template writes goes through these two helpers, which
 * apply the base path the site was built for. The base-agnostic spelling they rely on lives in
 * `urls.ts`, which markdown plugins and scripts use with a base they are given.
 */
const base = import.meta.env.BASE_URL;

/** URL of a page, base path included, with an optional section anchor. */
export function pageUrl(locale: Locale, section: Section, slug?: string, hash?: string): string {
  return withBase(localizedPath(locale, section, slug), base) + (hash ? `#${hash}` : '');
}

/** URL of a file served from the site root (public/ or a build asset). */
export function siteUrl(path: string): string {
  return withBase(path, base);
}

/** URL of an entry's side-by-side page (the entry beside its translation). */
export function parallelUrl(locale: Locale, section: Section, slug: string): string {
  return withBase(parallelPath(locale, section, slug), base);
}

/** URL of a locale's study-log RSS feed. */
export function feedUrl(locale: Locale): string {
  return withBase(feedPath(locale), base);
}

/** URL of the tag index of a locale's study log, or of the page listing one tag's entries. */
export function tagUrl(locale: Locale, tag?: string): string {
  return withBase(tagPath(locale, tag), base);
}
