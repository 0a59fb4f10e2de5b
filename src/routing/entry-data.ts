/*
 * The pieces of an entry page's route data, as small pure functions over the entries of one kind
 * (both locales): where its translation is, where the language switch leads, its pager, what to
 * say when it has no translation. `entryPage` (data.ts) and the side-by-side pages put them
 * together; tests call them on a made-up collection.
 */
import { t, type UiKey } from '../i18n/ui';
import { counterpart } from '../lib/course';
import { pageUrl } from '../lib/hrefs';
import { otherLocale, type Locale } from '../lib/locales';
import type { Section } from '../lib/urls';

/** The same page in one language, for `<link rel="alternate" hreflang>`. */
export interface Alternate {
  locale: Locale;
  href: string;
}

/** Where the language switch leads. */
export interface SwitchTarget {
  /** The counterpart page, or the other language's list when there is none. */
  href: string;
  exists: boolean;
  /** Section ids the counterpart has, so the switch can keep the reader's place. */
  sectionIds?: string[];
}

/** One side of the pager: the neighbouring page and the word that leads there. */
export interface PagerLink {
  href: string;
  title: string;
  /** "Previous", "Older"… in the page's language. */
  label: string;
}

/** Previous/next links under an entry (lessons in course order, log entries by date). */
export interface PagerData {
  /** The pager's accessible name. */
  label: string;
  prev?: PagerLink;
  next?: PagerLink;
}

/** What an entry needs to be routed: its slug and language (the collection entry rides along). */
export interface Routed {
  slug: string;
  locale: Locale;
}

/** How a kind of entry is paged. */
export interface PagerKind<E extends Routed> {
  label: UiKey;
  neighbours(entries: readonly E[], entry: E): { prev?: E | undefined; next?: E | undefined };
  prevLabel: UiKey;
  nextLabel: UiKey;
  linkTitle(entry: E): string;
}

/** The entry's translation among all entries of its kind, if there is one. */
export function translationOf<E extends Routed>(entries: readonly E[], entry: E): E | undefined {
  return counterpart(entries, entry, otherLocale(entry.locale));
}

/**
 * The entry's page in each language that has it, its own first; `href` spells a page's URL.
 * @example alternatesOf(zhLesson1, enLesson1, lessonHref) // [{ locale: 'zh', href: '/zh/lessons/lesson-1/' }, { locale: 'en', … }]
 */
export function alternatesOf<E extends Routed>(
  entry: E,
  translation: E | undefined,
  href: (e: E) => string,
): Alternate[] {
  const own = { locale: entry.locale, href: href(entry) };
  return translation ? [own, { locale: translation.locale, href: href(translation) }] : [own];
}

/** The translation's page, or `list` (the other language's list of this kind) when there is none. */
export function switchTargetOf<E extends Routed>(
  translation: E | undefined,
  href: (e: E) => string,
  list: string,
  sectionIds?: string[],
): SwitchTarget {
  if (!translation) return { href: list, exists: false };
  return { href: href(translation), exists: true, ...(sectionIds ? { sectionIds } : {}) };
}

/** Previous and next entries in the kind's order, labelled in the entry's language; none when it has no neighbours. */
export function pagerOf<E extends Routed>(
  section: Section,
  kind: PagerKind<E>,
  entries: readonly E[],
  entry: E,
): PagerData | undefined {
  const { prev, next } = kind.neighbours(entries, entry);
  if (!prev && !next) return undefined;
  const link = (e: E, word: UiKey): PagerLink => ({
    href: pageUrl(e.locale, section, e.slug),
    title: kind.linkTitle(e),
    label: t(entry.locale, word),
  });
  return {
    label: t(entry.locale, kind.label),
    ...(prev ? { prev: link(prev, kind.prevLabel) } : {}),
    ...(next ? { next: link(next, kind.nextLabel) } : {}),
  };
}

/** For an entry without a translation: the other language's list of its kind, and the words that lead there. */
export function missingTranslationOf(
  section: Section,
  entry: Routed,
  linkKey: UiKey,
): { href: string; linkKey: UiKey } {
  return { href: pageUrl(otherLocale(entry.locale), section), linkKey };
}
