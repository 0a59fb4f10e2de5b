/*
 * The study log's tag pages: `/<lang>/log/tags/` (every tag with its count) and
 * `/<lang>/log/tags/<tag>/` (the entries with one tag). Tag names are shared by both languages,
 * so a tag page's counterpart is the same tag in the other language, when that language uses it.
 */
import { allLogEntries, type LogEntry } from '../data/entries';
import { t, tagLabel } from '../i18n/ui';
import { tagUrl } from '../lib/hrefs';
import { tagIndex } from '../lib/log';
import { locales, otherLocale, type Locale } from '../lib/locales';
import type { PageData } from './data';

const tagsOf = (e: LogEntry) => e.entry.data.tags;

export interface TagIndexPageData extends PageData {
  /** Every tag of the page's locale with its entries, most used first. */
  tags: { tag: string; entries: LogEntry[] }[];
}

/** `/<lang>/log/tags/`. */
export async function tagIndexPaths() {
  const entries = await allLogEntries();
  return locales.map((locale) => {
    const target = otherLocale(locale);
    const page: TagIndexPageData = {
      locale,
      title: t(locale, 'tags.title'),
      description: t(locale, 'tags.intro'),
      alternates: [
        { locale, href: tagUrl(locale) },
        { locale: target, href: tagUrl(target) },
      ],
      switchTo: { href: tagUrl(target), exists: true },
      hasMath: false,
      tags: tagIndex(entries, locale, tagsOf),
    };
    return { params: { lang: locale }, props: page };
  });
}

export interface TagPageData extends PageData {
  tag: string;
  /** The page's locale's entries with this tag, newest first. */
  entries: LogEntry[];
}

/** `/<lang>/log/tags/<tag>/`, for every tag a locale uses. */
export async function tagPaths() {
  const entries = await allLogEntries();
  const byLocale = new Map(
    locales.map((l) => [l, new Map(tagIndex(entries, l, tagsOf).map((g) => [g.tag, g.entries]))] as const),
  );
  return locales.flatMap((locale: Locale) => {
    const target = otherLocale(locale);
    return [...byLocale.get(locale)!].map(([tag, list]) => {
      const inOther = byLocale.get(target)!.has(tag);
      const label = tagLabel(locale, tag);
      const page: TagPageData = {
        locale,
        title: t(locale, 'tag.title', { tag: label }),
        description: t(locale, 'tag.intro', { tag: label }),
        alternates: [
          { locale, href: tagUrl(locale, tag) },
          ...(inOther ? [{ locale: target, href: tagUrl(target, tag) }] : []),
        ],
        switchTo: inOther ? { href: tagUrl(target, tag), exists: true } : { href: tagUrl(target), exists: false },
        hasMath: false,
        tag,
        entries: list,
      };
      return { params: { lang: locale, tag }, props: page };
    });
  });
}
