import type { Locale } from './locales';
import { localizedPath, withBase, type Section } from './urls';

/** The base path this build was made for; every link on a page goes through the helpers below. */
const base = import.meta.env.BASE_URL;

/** URL of a page, base path included, with an optional section anchor. */
export function pageUrl(locale: Locale, section: Section, slug?: string, hash?: string): string {
  return withBase(localizedPath(locale, section, slug), base) + (hash ? `#${hash}` : '');
}

/** URL of a file served from the site root (public/ or a build asset). */
export function siteUrl(path: string): string {
  return withBase(path, base);
}
