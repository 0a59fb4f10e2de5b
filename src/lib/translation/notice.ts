import type { Locale } from '../locales';
import type { SectionChange } from './changes';
import type { PairStatus } from './status';

/** What the notice on one language's page says; absent when the page is complete. */
export interface TranslationNoticeData {
  /** The other version changed after this one; with git, the sections of it that changed. */
  stale?: { changed: Date; since: Date; sections?: SectionChange[] | undefined };
  /** Sections the other version has and this one lacks (titles in the other language). */
  missingHere: string[];
  /** Sections only this version has. */
  onlyHere: string[];
  otherHref: string;
  /** The side-by-side page, for the kinds that have one. */
  parallelHref?: string | undefined;
}

/**
 * The notice for `locale`'s page of a pair, or undefined when there is nothing to say: the page
 * is current and has every section the other version has (or the pair is one-sided, which the
 * "no translation" notice covers).
 */
export function translationNotice(
  status: PairStatus,
  locale: Locale,
  links: { otherHref: string; parallelHref?: string | undefined },
): TranslationNoticeData | undefined {
  if (status.missing) return undefined;
  const there = locale === 'zh' ? 'en' : 'zh';
  const stale =
    status.stale?.behind === locale
      ? { changed: status.stale.changed, since: status.stale.since, sections: status.stale.sections }
      : undefined;
  const missingHere = status.onlyIn[there] ?? [];
  const onlyHere = status.onlyIn[locale] ?? [];
  if (!stale && missingHere.length === 0 && onlyHere.length === 0) return undefined;
  return { ...(stale ? { stale } : {}), missingHere, onlyHere, ...links };
}
