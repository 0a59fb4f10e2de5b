import type { SectionChange } from './changes';
import { alignSections, type OutlineSection } from '../parallel/align';
import {
  collections,
  isMarkdownCollection,
  markdownCollections,
  type Collection,
  type MarkdownCollection,
} from '../collections';
import { locales, type Locale } from '../locales';

/**
 * Translation status of every page that exists in one language or both: what is missing, which
 * sections one side lacks, and whether the translation fell behind its original. Pure: the
 * status page and `npm run status` feed it what they read (collections or files, git or not).
 */

/** The kinds of page that come in two languages: every collection. */
export type PairKind = Collection;
export const pairKinds = collections;

/** The kinds with a side-by-side page; a notebook's code and outputs are the same in both languages. */
export type ParallelKind = MarkdownCollection;
export const parallelKinds = markdownCollections;
export const hasParallelPage = (kind: PairKind): kind is ParallelKind => isMarkdownCollection(kind);

/** One language's version of a page, as far as status needs it. */
export interface TranslationSide {
  locale: Locale;
  title: string;
  /** The source file, as shown to the author (relative to the project when possible). */
  file: string;
  outline: OutlineSection[];
  /** Last commit touching the file, when the notes are in a git checkout. */
  lastCommit?: Date | undefined;
  /** When the file was added to git: the older of two files is the original. */
  firstCommit?: Date | undefined;
  /** `updated` from the frontmatter, used when git cannot tell. */
  updated?: Date | undefined;
  /** `translationOf` from the frontmatter: the author says this side translates that language. */
  translationOf?: Locale | undefined;
  /** `translatedFrom` from the frontmatter: the version of the original this side follows (a commit or a day). */
  translatedFrom?: string | Date | undefined;
  /** The source (without frontmatter), to compare its versions section by section. */
  body?: string | undefined;
}

/** The version of the original a translation follows, and how that was decided. */
export interface FollowedVersion {
  hash: string;
  date: Date;
  /** `translatedFrom` in the translation's frontmatter, or the original as of the translation's last commit. */
  by: 'translatedFrom' | 'history';
}

/** What changed in the original since the version its translation follows. */
export interface OriginalChanges {
  follows: FollowedVersion;
  /** The translation's last commit, when it has one. */
  translated?: Date | undefined;
  /** The original's last commit now, when it has one (an uncommitted original has none). */
  now?: { hash: string; date: Date } | undefined;
  sections: SectionChange[];
}

export interface TranslationPair {
  kind: PairKind;
  slug: string;
  sides: Partial<Record<Locale, TranslationSide>>;
}

export interface PairStatus {
  kind: PairKind;
  slug: string;
  titles: Partial<Record<Locale, string>>;
  files: Partial<Record<Locale, string>>;
  /** The language with no version of this page. */
  missing?: Locale;
  /** The original, when known, and how it was decided. */
  original?: { locale: Locale; by: 'frontmatter' | 'history' };
  /**
   * The side that fell behind: the other side changed after it. With git, `sections` says which
   * sections of the original changed since the version the translation follows (`follows`); by
   * dates alone there is no such list.
   */
  stale?: {
    behind: Locale;
    by: 'git' | 'date';
    changed: Date;
    since: Date;
    follows?: FollowedVersion;
    sections?: SectionChange[];
  };
  /** Titles of the sections found in one language only (the intro shows as an empty title). */
  onlyIn: Partial<Record<Locale, string[]>>;
  /** Sections paired across languages, out of all rows. */
  rows: { shared: number; total: number };
  complete: boolean;
}

const other = (l: Locale): Locale => (l === 'zh' ? 'en' : 'zh');

/** Which side is the original: the author's `translationOf`, else the file added first. */
function originalOf(a: TranslationSide, b: TranslationSide): PairStatus['original'] {
  if (a.translationOf === b.locale) return { locale: b.locale, by: 'frontmatter' };
  if (b.translationOf === a.locale) return { locale: a.locale, by: 'frontmatter' };
  if (a.firstCommit && b.firstCommit && a.firstCommit.getTime() !== b.firstCommit.getTime()) {
    return { locale: a.firstCommit < b.firstCommit ? a.locale : b.locale, by: 'history' };
  }
  return undefined;
}

/**
 * When the two sides last changed, by git when both files have history, else by `updated`.
 */
function changes(a: TranslationSide, b: TranslationSide): { by: 'git' | 'date'; a: Date; b: Date } | undefined {
  if (a.lastCommit && b.lastCommit) return { by: 'git', a: a.lastCommit, b: b.lastCommit };
  if (a.updated && b.updated) return { by: 'date', a: a.updated, b: b.updated };
  return undefined;
}

/**
 * The status of one page. Stale means the original changed after the translation; when neither
 * the author nor git says which side is the original, whichever side changed later is taken as
 * ahead and the other as behind.
 * @example pairStatus({ kind: 'lessons', slug: 'lesson-8', sides: { zh } }).missing // 'en'
 */
export function pairStatus(pair: TranslationPair): PairStatus {
  const present = locales.filter((l) => pair.sides[l]);
  const titles = Object.fromEntries(present.map((l) => [l, pair.sides[l]!.title]));
  const files = Object.fromEntries(present.map((l) => [l, pair.sides[l]!.file]));
  const base = { kind: pair.kind, slug: pair.slug, titles, files, onlyIn: {} };
  const [first] = present;
  if (present.length < 2 || !first) {
    return { ...base, ...(first ? { missing: other(first) } : {}), rows: { shared: 0, total: 0 }, complete: false };
  }
  const a = pair.sides[first]!;
  const b = pair.sides[other(first)]!;
  const rows = alignSections(a.outline, b.outline);
  const onlyIn: PairStatus['onlyIn'] = {};
  const onlyA = rows.filter((r) => r.other.length === 0).flatMap((r) => r.own.map((k) => a.outline[k]!.title));
  const onlyB = rows.filter((r) => r.own.length === 0).flatMap((r) => r.other.map((k) => b.outline[k]!.title));
  if (onlyA.length) onlyIn[a.locale] = onlyA;
  if (onlyB.length) onlyIn[b.locale] = onlyB;

  const original = originalOf(a, b);
  const when = changes(a, b);
  let stale: PairStatus['stale'];
  if (when && when.a.getTime() !== when.b.getTime()) {
    const [ahead, behind] = original
      ? original.locale === a.locale
        ? [when.a, when.b]
        : [when.b, when.a]
      : [new Date(Math.max(+when.a, +when.b)), new Date(Math.min(+when.a, +when.b))];
    const behindLocale = original ? other(original.locale) : when.a < when.b ? a.locale : b.locale;
    if (ahead > behind) stale = { behind: behindLocale, by: when.by, changed: ahead, since: behind };
  }
  const shared = rows.filter((r) => r.own.length && r.other.length).length;
  return {
    ...base,
    ...(original ? { original } : {}),
    ...(stale ? { stale } : {}),
    onlyIn,
    rows: { shared, total: rows.length },
    complete: !stale && onlyA.length === 0 && onlyB.length === 0,
  };
}

/**
 * A page's status once the original's versions are known: behind exactly when a section of the
 * original changed, appeared or disappeared since the version the translation follows (a change of
 * white space or line wrapping is no change), whatever the dates say.
 */
export function withOriginalChanges(status: PairStatus, changes: OriginalChanges): PairStatus {
  const { stale: _byDate, ...rest } = status;
  const complete = Object.keys(status.onlyIn).length === 0;
  if (!status.original || changes.sections.length === 0) return { ...rest, complete };
  const stale = {
    behind: other(status.original.locale),
    by: 'git' as const,
    changed: changes.now?.date ?? changes.follows.date,
    since: changes.translated ?? changes.follows.date,
    follows: changes.follows,
    sections: changes.sections,
  };
  return { ...rest, stale, complete: false };
}

/** Groups sides into pages by kind and slug, in a stable order (kind, then slug). */
export function pairUp(sides: readonly (TranslationSide & { kind: PairKind; slug: string })[]): TranslationPair[] {
  const pairs = new Map<string, TranslationPair>();
  for (const { kind, slug, ...side } of sides) {
    const key = `${kind}\0${slug}`;
    const pair = pairs.get(key) ?? { kind, slug, sides: {} };
    pair.sides[side.locale] = side;
    pairs.set(key, pair);
  }
  const order = (k: PairKind) => pairKinds.indexOf(k);
  return [...pairs.values()].sort(
    (x, y) => order(x.kind) - order(y.kind) || x.slug.localeCompare(y.slug, 'en', { numeric: true }),
  );
}

/** True when anything is missing or out of date: what `npm run status --strict` fails on. */
export function needsWork(status: PairStatus): boolean {
  return !status.complete;
}
