import { t, type UiKey } from '../../i18n/ui';
import type { Collection } from '../collections';
import { formatDay } from '../dates';
import { localeInfo, locales, otherLocale, type Locale } from '../locales';
import type { SectionChange } from './changes';
import type { PairStatus } from './status';

/**
 * What the translation status says about a page, in a reader's language: the one wording of the
 * status page and of `npm run status` (which speaks English with ISO dates).
 */

/** One finding about a page; `state` names it for styles and filters. */
export interface StatusLine {
  state: 'missing' | 'stale' | 'sections' | 'complete';
  text: string;
}

/** The name of each kind of page, as the site's navigation says it. */
export const kindKey: Record<Collection, UiKey> = {
  lessons: 'nav.lessons',
  log: 'nav.log',
  notes: 'nav.notes',
  notebooks: 'nav.notebooks',
};

const nativeName = (l: Locale) => localeInfo[l].nativeName;
const separator = (locale: Locale) => (locale === 'zh' ? '、' : ', ');

/**
 * @example statusLines(status, 'en') // [{ state: 'stale', text: '中文 version behind: the English version changed on …' }]
 */
export function statusLines(
  s: PairStatus,
  locale: Locale,
  day: (date: Date) => string = (date) => formatDay(date, locale),
): StatusLine[] {
  if (s.missing) return [{ state: 'missing', text: t(locale, 'status.missing', { language: nativeName(s.missing) }) }];
  const out: StatusLine[] = [];
  if (s.stale) {
    const text = t(locale, 'status.stale', {
      language: nativeName(s.stale.behind),
      other: nativeName(otherLocale(s.stale.behind)),
      date: day(s.stale.changed),
      since: day(s.stale.since),
    });
    out.push({ state: 'stale', text });
    const changed = s.stale.sections;
    if (changed?.length) {
      const items = changed.map(
        (c) =>
          `${c.title ? `“${c.title}”` : t(locale, 'status.intro.section')} (${t(locale, `status.change.${c.change}`)})`,
      );
      const other = nativeName(otherLocale(s.stale.behind));
      out.push({
        state: 'stale',
        text: t(locale, 'status.changedSections', { other, list: items.join(separator(locale)) }),
      });
    } else if (s.stale.by === 'date') out.push({ state: 'stale', text: t(locale, 'status.noDiff') });
  }
  for (const l of locales) {
    const titles = s.onlyIn[l];
    if (titles?.length)
      out.push({
        state: 'sections',
        text: t(locale, 'status.sectionsOnly', { language: nativeName(l), list: titleList(titles, locale) }),
      });
  }
  return out.length ? out : [{ state: 'complete', text: t(locale, 'status.complete') }];
}

/**
 * Section titles as a reader's language lists them, the intro named as such.
 * @example titleList(['Loss', ''], 'en') // '“Loss”, the introduction'
 */
export function titleList(titles: readonly string[], locale: Locale): string {
  return titles.map((x) => (x ? `“${x}”` : t(locale, 'status.intro.section'))).join(separator(locale));
}

/** Changed sections with what happened to each: `“Loss” (changed), “Licences” (new)`. */
export function changeList(changes: readonly SectionChange[], locale: Locale): string {
  return changes
    .map((c) => `${titleList([c.title], locale)} (${t(locale, `status.change.${c.change}`)})`)
    .join(separator(locale));
}

/** How many pages are complete, in one language only, lacking sections or out of date. */
export function statusSummary(statuses: readonly PairStatus[], locale: Locale): string {
  const count = (f: (s: PairStatus) => boolean) => statuses.filter(f).length;
  return t(locale, 'status.summary', {
    pages: statuses.length,
    complete: count((s) => s.complete),
    missing: count((s) => Boolean(s.missing)),
    sections: count((s) => Object.keys(s.onlyIn).length > 0),
    stale: count((s) => Boolean(s.stale)),
  });
}
