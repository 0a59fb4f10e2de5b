import { diffChars, diffWordsWithSpace } from 'diff';
import { CJK_RANGE } from '../cjk';
import { headingIdOf } from '../heading-ids';
import type { Locale } from '../locales';
import { alignSections, type OutlineSection } from '../parallel/align';

/**
 * What changed in an original between the version its translation follows and now, section by
 * section. Pure: it sees both versions' sections (outline and source text) and nothing else.
 */

/** A section of one version of a note, with the Markdown it is written in. */
export interface VersionSection extends OutlineSection {
  text: string;
}

/** One piece of a diff: text both versions have, or text only the new (`ins`) or old (`del`) one has. */
export interface DiffPart {
  op: 'same' | 'ins' | 'del';
  text: string;
}

/** A section of the original that the translation has not followed yet. */
export interface SectionChange {
  /** `changed`: its text changed; `new`: it did not exist; `removed`: it is gone from the original. */
  change: 'changed' | 'new' | 'removed';
  /** Its heading as a reader sees it (empty for the intro). */
  title: string;
  /** The id its author wrote, when there is one. */
  id?: string;
  /** Its place in the original's outline now (for `removed`, in the version the translation follows). */
  index: number;
  /** For `changed`: the old text against the new, as a reader reads them. */
  diff?: DiffPart[];
}

const SPACE_BETWEEN_CJK = new RegExp(`([${CJK_RANGE}])\\s+(?=[${CJK_RANGE}])`, 'g');

/**
 * A section's text with what a reader does not see as a change taken out: heading ids, line
 * wrapping and runs of white space (none at all between two Chinese characters, where a line
 * break is only wrapping).
 * @example readableText('## Loss {#loss}\n\nA  long\nline.') // '## Loss A long line.'
 */
export function readableText(markdown: string): string {
  return readableBlocks(markdown).join(' ');
}

/** The section's blocks (split at blank lines), each read as `readableText` reads it: what a diff is shown on. */
function readableBlocks(markdown: string): string[] {
  return markdown
    .split('\n')
    .map((line) => (/^\s{0,3}#{1,6}\s/.test(line) ? headingIdOf(line).text : line))
    .join('\n')
    .split(/\n[ \t]*\n/)
    .map((block) => block.replace(/\s+/g, ' ').replace(SPACE_BETWEEN_CJK, '$1').trim())
    .filter(Boolean);
}

/**
 * Long stretches both versions share, cut to their ends around a `…`, so the changes stand out;
 * the diff's first and last stretches keep only the end next to a change.
 */
export function elideUnchanged(parts: readonly DiffPart[], keep = 80): DiffPart[] {
  return parts.map((p, i) => {
    if (p.op !== 'same' || p.text.length <= 2 * keep + 20) return p;
    const head = i === 0 ? '' : p.text.slice(0, keep);
    const tail = i === parts.length - 1 ? '' : p.text.slice(-keep);
    return { op: 'same', text: `${head}${head ? ' ' : ''}…${tail ? ' ' : ''}${tail}` };
  });
}

/**
 * The difference between two texts of the original's language: by word for English, by character
 * for Chinese (which has no spaces between words).
 */
export function diffText(before: string, after: string, locale: Locale): DiffPart[] {
  const changes = locale === 'zh' ? diffChars(before, after) : diffWordsWithSpace(before, after);
  return changes.map((c) => ({ op: c.added ? 'ins' : c.removed ? 'del' : 'same', text: c.value }));
}

/**
 * The sections of the original that changed, appeared or disappeared between two of its versions.
 * Sections are paired as the side-by-side pages pair languages (ids, then video times, then outline).
 */
export function sectionChanges(
  before: readonly VersionSection[],
  after: readonly VersionSection[],
  locale: Locale,
): SectionChange[] {
  const changes: SectionChange[] = [];
  const about = (s: VersionSection, index: number) => ({ title: s.title, ...(s.id ? { id: s.id } : {}), index });
  for (const row of alignSections(before, after)) {
    if (row.own.length === 0) {
      for (const j of row.other) changes.push({ change: 'new', ...about(after[j]!, j) });
    } else if (row.other.length === 0) {
      for (const i of row.own) changes.push({ change: 'removed', ...about(before[i]!, i) });
    } else {
      const old = row.own.map((i) => before[i]!.text).join('\n\n');
      const now = row.other.map((j) => after[j]!.text).join('\n\n');
      if (readableText(old) === readableText(now)) continue;
      const first = row.other[0]!;
      const diff = diffText(readableBlocks(old).join('\n\n'), readableBlocks(now).join('\n\n'), locale);
      changes.push({ change: 'changed', ...about(after[first]!, first), diff: elideUnchanged(diff) });
    }
  }
  return changes;
}
