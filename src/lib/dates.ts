import { localeInfo, type Locale } from './locales';

/**
 * Formats a day for readers of a locale. Dates in frontmatter are calendar days, so they are
 * formatted in UTC: a reader's time zone must not move 26 May to 25 May.
 * @example formatDay(new Date('2023-05-26'), 'zh') // '2023年5月26日'
 */
export function formatDay(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(localeInfo[locale].htmlLang, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** @example formatMonth('2023-05', 'en') // 'May 2023' */
export function formatMonth(month: string, locale: Locale): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  return new Intl.DateTimeFormat(localeInfo[locale].htmlLang, {
    year: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(date);
}
