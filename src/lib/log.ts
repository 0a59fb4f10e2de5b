import type { Locale } from './locales';

export interface LogRef {
  slug: string;
  locale: Locale;
  date: Date;
}

/**
 * Reads the date a log file's name promises: `2023-05-26` or `2023-05-26-2`.
 * @example dateFromLogSlug('2023-05-26-2') // '2023-05-26'
 */
export function dateFromLogSlug(slug: string): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})(?:-\d+)?$/.exec(slug);
  return m?.[1];
}

/** ISO day (UTC) of a date, the form file names and frontmatter use. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * What is wrong with a log entry's date, or undefined: the file name is the entry's day
 * (`2023-05-26.md`, or `2023-05-26-2.md` for a second entry), and its frontmatter must agree.
 * @example logDateProblem('log/en/2023-05-26.md', '2023-05-26', new Date('2023-05-27')) // '…the file name says 2023-05-26…'
 */
export function logDateProblem(file: string, slug: string, date: Date): string | undefined {
  const named = dateFromLogSlug(slug);
  const written = isoDay(date);
  if (named === written) return undefined;
  return named
    ? `${file}: frontmatter "date" is ${written} but the file name says ${named}. Make them agree (rename the file or fix the date).`
    : `${file}: a log entry's file name must be its date, YYYY-MM-DD.md or YYYY-MM-DD-2.md.`;
}

/** Newest first; entries of the same day keep their file-name order reversed (`-2` above `-1`). */
export function sortLogNewestFirst<T extends LogRef>(entries: readonly T[]): T[] {
  return [...entries].sort(
    (a, b) => b.date.getTime() - a.date.getTime() || b.slug.localeCompare(a.slug, 'en', { numeric: true }),
  );
}

/** Groups one locale's entries by calendar month, newest month first. Keys are `YYYY-MM`. */
export function groupByMonth<T extends LogRef>(
  entries: readonly T[],
  locale: Locale,
): { month: string; entries: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const entry of sortLogNewestFirst(entries.filter((e) => e.locale === locale))) {
    const month = isoDay(entry.date).slice(0, 7);
    const list = groups.get(month) ?? [];
    list.push(entry);
    groups.set(month, list);
  }
  return [...groups].map(([month, list]) => ({ month, entries: list }));
}

/** Older and newer entries of the same locale, by date. */
export function logNeighbours<T extends LogRef>(entries: readonly T[], current: LogRef): { older?: T; newer?: T } {
  const mine = sortLogNewestFirst(entries.filter((e) => e.locale === current.locale));
  const i = mine.findIndex((e) => e.slug === current.slug);
  if (i === -1) return {};
  const result: { older?: T; newer?: T } = {};
  const newer = mine[i - 1];
  const older = mine[i + 1];
  if (newer) result.newer = newer;
  if (older) result.older = older;
  return result;
}

/**
 * Every tag one locale's entries use, with those entries newest first; the most used tags come
 * first, ties in name order, so the index reads like a table of contents of the log.
 */
export function tagIndex<T extends LogRef>(
  entries: readonly T[],
  locale: Locale,
  tagsOf: (entry: T) => readonly string[],
): { tag: string; entries: T[] }[] {
  const byTag = new Map<string, T[]>();
  for (const entry of sortLogNewestFirst(entries.filter((e) => e.locale === locale))) {
    for (const tag of new Set(tagsOf(entry))) byTag.set(tag, [...(byTag.get(tag) ?? []), entry]);
  }
  return [...byTag]
    .map(([tag, list]) => ({ tag, entries: list }))
    .sort((a, b) => b.entries.length - a.entries.length || a.tag.localeCompare(b.tag, 'en'));
}

/** Months of one locale's log with their entry counts, grouped by year (newest first), for archive navigation. */
export function archiveYears<T extends LogRef>(
  entries: readonly T[],
  locale: Locale,
): { year: string; months: { month: string; count: number }[] }[] {
  const years = new Map<string, { month: string; count: number }[]>();
  for (const { month, entries: list } of groupByMonth(entries, locale)) {
    const year = month.slice(0, 4);
    years.set(year, [...(years.get(year) ?? []), { month, count: list.length }]);
  }
  return [...years].map(([year, months]) => ({ year, months }));
}
