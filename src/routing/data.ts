/**
 * Route data: what a page needs besides its own template, computed once in `getStaticPaths` and
 * handed to the page as props. Layouts and components only read it.
 *
 * - `PageData` — every page: locale, `<title>`, description, hreflang alternates, the language
 *   switch's target and whether KaTeX's stylesheet is needed.
 * - `EntryPageData<E>` — a page showing one content entry: adds the entry, the pager and the
 *   notice shown when the entry has no translation.
 *
 * To add a page kind (a side-by-side lesson, a notebook, a tag page, a status page):
 * 1. write its paths function in `paths.ts` (or a module beside it) returning
 *    `{ params, props }` where props extend `PageData` — `sectionPage()` for a page every locale
 *    has once, `entryPage()` for one page per entry;
 * 2. add `src/pages/[lang]/<kind>/….astro` with `export const getStaticPaths = yourPaths` and a
 *    template that renders `<BaseLayout page={Astro.props}>`, or `<ReadingLayout page={Astro.props}>`
 *    for a readable entry (course sidebar and table of contents are optional slots/props).
 * Nothing else has to change: hreflang, the language switch, the pager and KaTeX follow the data.
 */
import type { CollectionEntry, CollectionKey } from 'astro:content';
import { t, type UiKey } from '../i18n/ui';
import { entryHasMath, entrySectionIds, isMarkdownEntry } from '../data/rendered';
import { translationStatus } from '../data/translation';
import { pageUrl, parallelUrl } from '../lib/hrefs';
import { otherLocale, type Locale } from '../lib/locales';
import { pageSource, type PageSource } from '../node/page-source';
import type { Section } from '../lib/urls';
import { translationNotice, type TranslationNoticeData } from '../lib/translation/notice';
import { hasParallelPage, pairKinds } from '../lib/translation/status';
import {
  alternatesOf,
  missingTranslationOf,
  pagerOf,
  switchTargetOf,
  translationOf,
  type Alternate,
  type PagerData,
  type PagerKind,
  type SwitchTarget,
} from './entry-data';

export type { Alternate, PagerData, PagerLink, SwitchTarget } from './entry-data';

/** How a link to the page looks when it is shared: Open Graph and Twitter card fields. */
export interface ShareMeta {
  /** `article` for dated log entries, `website` for everything else. */
  type?: 'website' | 'article';
  /** ISO date-time a log entry was written (`article:published_time`). */
  publishedTime?: string | undefined;
  /** Tags of a log entry (`article:tag`). */
  tags?: readonly string[] | undefined;
}

/** What every page gets. */
export interface PageData {
  locale: Locale;
  /** The page's own title; the layout appends the site title. */
  title: string;
  description: string;
  /** The same page in each language that exists, this one included. */
  alternates: Alternate[];
  switchTo: SwitchTarget;
  /** Load KaTeX's stylesheet only where math is typeset. */
  hasMath: boolean;
  /** How a shared link to the page is previewed (`article` for log entries). */
  share?: ShareMeta;
  /** The canonical URL when it is another page: a side-by-side page names its entry's own page. */
  canonical?: string;
  /** The "Side by side" control beside the language switch: where it leads, and whether this is that page. */
  parallel?: { href: string; current: boolean };
}

/** What a page showing one content entry gets. */
export interface EntryPageData<E> extends PageData {
  entry: E;
  pager?: PagerData;
  /** Set when the entry has no translation: where the reader can go instead and how to say so. */
  missingTranslation?: { href: string; linkKey: UiKey };
  /** The entry's "Edit this page" link and last-updated date, when known (see lib/page-source.ts). */
  source?: PageSource;
  /** Set when the entry is out of date or lacks sections its translation has (see `npm run status`). */
  translationNotice?: TranslationNoticeData;
}

/** The minimum an entry needs to get route data. */
export interface RoutedEntry {
  slug: string;
  locale: Locale;
  entry: CollectionEntry<CollectionKey>;
}

/** Data for a page every locale has once (home, lesson list, log timeline, notes list). */
export function sectionPage(
  locale: Locale,
  section: Section,
  page: { title: string; description?: string | undefined; hasMath?: boolean },
): PageData {
  const target = otherLocale(locale);
  return {
    locale,
    title: page.title,
    description: page.description ?? t(locale, 'site.description'),
    alternates: [
      { locale, href: pageUrl(locale, section) },
      { locale: target, href: pageUrl(target, section) },
    ],
    switchTo: { href: pageUrl(target, section), exists: true },
    hasMath: page.hasMath ?? false,
  };
}

/** How one kind of entry page is titled, paged and announced when untranslated. */
export interface EntryKind<E extends RoutedEntry> {
  section: Section;
  title(entry: E): string;
  description?(entry: E): string | undefined;
  /** The neighbours of an entry among all entries (both locales) and the pager's words. */
  pager?: PagerKind<E>;
  /** The link text of the "not translated" notice, pointing at the other language's list. */
  missingLinkKey: UiKey;
  /** How a shared link to the entry is previewed. */
  share?(entry: E): ShareMeta;
  /** Whether the page typesets math; Markdown entries are read with `entryHasMath`. */
  hasMath?(entry: E): Promise<boolean>;
  /** Section ids of a counterpart, so the language switch keeps the reader's place. */
  sectionIds?(entry: E): Promise<string[]>;
}

/** Route data for one entry among all entries of its kind. */
export async function entryPage<E extends RoutedEntry>(
  kind: EntryKind<E>,
  entries: readonly E[],
  entry: E,
): Promise<EntryPageData<E>> {
  const { locale, slug } = entry;
  const sectionIdsOf = async (e: E) =>
    kind.sectionIds ? kind.sectionIds(e) : isMarkdownEntry(e.entry) ? entrySectionIds(e.entry) : [];
  const other = translationOf(entries, entry);
  const href = (e: E) => pageUrl(e.locale, kind.section, e.slug);
  const list = pageUrl(otherLocale(locale), kind.section);
  const page: EntryPageData<E> = {
    locale,
    entry,
    title: kind.title(entry),
    description: kind.description?.(entry) ?? t(locale, 'site.description'),
    alternates: alternatesOf(entry, other, href),
    switchTo: switchTargetOf(other, href, list, other && (await sectionIdsOf(other))),
    hasMath: kind.hasMath
      ? await kind.hasMath(entry)
      : isMarkdownEntry(entry.entry) && (await entryHasMath(entry.entry)),
  };
  if (kind.share) page.share = kind.share(entry);
  const updated = (entry.entry.data as { updated?: unknown }).updated;
  const source = pageSource(entry.entry.filePath, updated instanceof Date ? updated : undefined);
  if (source.editUrl || source.lastUpdated) page.source = source;
  if (!other) page.missingTranslation = missingTranslationOf(kind.section, entry, kind.missingLinkKey);
  const pairKind = pairKinds.find((k) => k === kind.section);
  if (other && pairKind) {
    const parallelHref = hasParallelPage(pairKind) ? parallelUrl(locale, pairKind, slug) : undefined;
    if (parallelHref) page.parallel = { href: parallelHref, current: false };
    const status = await translationStatus(pairKind, slug);
    const otherHref = page.switchTo.href;
    const notice = status && translationNotice(status, locale, { otherHref, parallelHref });
    if (notice) page.translationNotice = notice;
  }
  const pager = kind.pager && pagerOf(kind.section, kind.pager, entries, entry);
  if (pager) page.pager = pager;
  return page;
}
