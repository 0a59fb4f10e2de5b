/*
 * Side-by-side pages (`/<lang>/<kind>/<slug>/parallel/`) and the translation status page
 * (`/<lang>/status/`). A side-by-side page exists for every entry that has a counterpart; it names
 * the entry's own page as canonical, and its language switch leads to the other side-by-side page.
 */
import { t } from '../i18n/ui';
import { pageUrl, parallelUrl } from '../lib/hrefs';
import { localeInfo, locales, otherLocale, type Locale } from '../lib/locales';
import { hasParallelPage, type ParallelKind, type PairStatus } from '../lib/translation/status';
import { translationStatus, translationStatuses } from '../data/translation';
import type { SectionChange } from '../lib/translation/changes';
import { allLessons, allLogEntries, allLooseNotes } from '../data/entries';
import { entryHasMath, entryOutline, entrySectionIds, type MarkdownEntry } from '../data/rendered';
import type { OutlineSection } from '../lib/parallel/align';
import { sectionPage, type PageData, type RoutedEntry } from './data';
import { alternatesOf, switchTargetOf, translationOf } from './entry-data';
import { entryKinds } from './paths';

type MarkdownRouted = RoutedEntry & { entry: MarkdownEntry };

export interface ParallelPageData<E extends MarkdownRouted = MarkdownRouted> extends PageData {
  kind: ParallelKind;
  /** The page's own entry and its counterpart. */
  own: E;
  other: E;
  /** The entry's title, as its own page shows it. */
  entryTitle: string;
  /** Both notes' sections as their renders stored them: what the rows pair. */
  outlines: { own: OutlineSection[]; other: OutlineSection[] };
  /** Sections of the original that changed since the translation followed it (git only). */
  behind?: { original: Locale; sections: SectionChange[] };
}

async function parallelPathsOf<E extends MarkdownRouted>(
  kind: ParallelKind,
  entries: readonly E[],
  titleOf: (e: E) => string,
) {
  const paths = [];
  const href = (e: E) => parallelUrl(e.locale, kind, e.slug);
  for (const own of entries) {
    const target = otherLocale(own.locale);
    const other = translationOf(entries, own);
    if (!other) continue;
    const entryTitle = titleOf(own);
    const status = await translationStatus(kind, own.slug);
    const sections = status?.stale?.sections;
    const page: ParallelPageData<E> = {
      locale: own.locale,
      kind,
      own,
      other,
      entryTitle,
      title: t(own.locale, 'parallel.title', { title: entryTitle }),
      description: t(own.locale, 'parallel.description', {
        title: entryTitle,
        language: localeInfo[own.locale].nativeName,
        other: localeInfo[target].nativeName,
      }),
      alternates: alternatesOf(own, other, href),
      switchTo: switchTargetOf(other, href, href(other), await entrySectionIds(other.entry)),
      hasMath: (await entryHasMath(own.entry)) || (await entryHasMath(other.entry)),
      canonical: pageUrl(own.locale, kind, own.slug),
      parallel: { href: pageUrl(own.locale, kind, own.slug), current: true },
      outlines: { own: await entryOutline(own.entry), other: await entryOutline(other.entry) },
      ...(sections?.length && status?.original ? { behind: { original: status.original.locale, sections } } : {}),
    };
    paths.push({ params: { lang: own.locale, slug: own.slug }, props: page });
  }
  return paths;
}

export const lessonParallelPaths = async () => parallelPathsOf('lessons', await allLessons(), entryKinds.lessons.title);
export const logParallelPaths = async () => parallelPathsOf('log', await allLogEntries(), entryKinds.log.title);
export const noteParallelPaths = async () => parallelPathsOf('notes', await allLooseNotes(), entryKinds.notes.title);

/** Where each page of a pair lives, and its side-by-side page when it has one. */
export interface StatusLinks {
  pages: Partial<Record<Locale, string>>;
  parallel?: string;
}

export interface StatusPageData extends PageData {
  statuses: { status: PairStatus; links: StatusLinks }[];
}

/** `/<lang>/status/`: every pair, with links to each version and the side-by-side page. */
export async function statusPaths() {
  const statuses = await translationStatuses();
  return locales.map((locale) => ({
    params: { lang: locale },
    props: {
      ...sectionPage(locale, 'status', { title: t(locale, 'status.title'), description: t(locale, 'status.intro') }),
      statuses: statuses.map((status) => {
        const pages = Object.fromEntries(
          locales.filter((l) => status.titles[l] !== undefined).map((l) => [l, pageUrl(l, status.kind, status.slug)]),
        );
        return {
          status,
          links: {
            pages,
            ...(status.missing || !hasParallelPage(status.kind)
              ? {}
              : { parallel: parallelUrl(locale, status.kind, status.slug) }),
          },
        };
      }),
    } satisfies StatusPageData,
  }));
}
