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

/** Newest first; entries of the same day keep their file-name order reversed (`-2` above `-1`). */
export function sortLogNewestFirst<T extends LogRef>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => b.date.getTime() - a.date.getTime() || b.slug.localeCompare(a.slug, 'en', { numeric: true }));
}

/** Groups one locale's entries by calendar month, newest month first. Keys are `YYYY-MM`. */
export function groupByMonth<T extends LogRef>(entries: readonly T[], locale: Locale): { month: string; entries: T[] }[] {
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
