/**
 * Chinese text has no spaces, and Pagefind's word segmentation (jieba when indexing, the browser's
 * Intl.Segmenter when querying) disagrees often enough that substrings across word boundaries go
 * missing and unrelated pages match. We index every CJK character as its own word and check the
 * exact phrase afterwards, which makes recall and precision independent of segmentation.
 */

import { CJK_RANGE as CJK, hasCjk } from '../cjk';

export { hasCjk };

const CJK_CHAR = new RegExp(`[${CJK}]`);
/** Where a separator goes: between two CJK characters, and where CJK meets a letter or digit. */
const BOUNDARY = new RegExp(`([${CJK}])(?=[${CJK}A-Za-z0-9])|([A-Za-z0-9])(?=[${CJK}])`, 'g');

/**
 * The separator inserted for indexing. Pagefind splits words on it, and it is invisible, so the
 * text Pagefind stores for excerpts still reads as written; removing it restores the original.
 */
export const INDEX_SEPARATOR = '\u200b';

/**
 * Makes each CJK character its own indexed word.
 * @example spaceCjk('用SGD优化器') // '用\u200bSGD\u200b优\u200b化\u200b器'
 */
export function spaceCjk(text: string): string {
  return text.replace(
    BOUNDARY,
    (_m, cjk: string | undefined, latin: string | undefined) => `${cjk ?? latin}${INDEX_SEPARATOR}`,
  );
}

/**
 * `spaceCjk` for one text node of a page: also separates a CJK character at either end, because
 * the neighbouring node (`<code>xxeos</code>一段`, `<strong>仿射</strong>函数`) is indexed as
 * one run of text with it.
 */
export function spaceCjkNode(text: string): string {
  let out = spaceCjk(text);
  if (CJK_CHAR.test(out.charAt(0))) out = INDEX_SEPARATOR + out;
  if (CJK_CHAR.test(out.charAt(out.length - 1))) out += INDEX_SEPARATOR;
  return out;
}

/** A space (white space is folded to one first) before or after a CJK character. */
const SPACE_BY_CJK = new RegExp(` (?=[${CJK}])|(?<=[${CJK}]) `, 'g');

/** Undoes `spaceCjk` (and the zero-width spaces Pagefind adds between blocks) for display. */
export function unspaceCjk(text: string): string {
  return text.replaceAll(INDEX_SEPARATOR, '');
}

/**
 * The form used to compare a query with page text: lower case, white space folded, and spaces
 * next to CJK characters dropped so `SGD 优化器` and `SGD优化器` compare equal.
 */
export function normalizeForMatch(text: string): string {
  return unspaceCjk(text).toLowerCase().replace(/\s+/g, ' ').replace(SPACE_BY_CJK, '').trim();
}

export interface PreparedQuery {
  /** What is sent to Pagefind. */
  pagefind: string;
  /** The phrase every shown result must contain (normalised), when the query has Chinese. */
  phrase: string | undefined;
  /** Words to highlight in excerpts and on the page. */
  highlights: string[];
}

/**
 * @example prepareQuery('简单的') // { pagefind: '简 单 的', phrase: '简单的', highlights: ['简单的'] }
 */
export function prepareQuery(raw: string): PreparedQuery {
  const query = raw.trim().replace(/\s+/g, ' ');
  if (!hasCjk(query)) {
    return { pagefind: query, phrase: undefined, highlights: query.split(' ').filter(Boolean) };
  }
  return {
    pagefind: spaceCjk(query).replaceAll(INDEX_SEPARATOR, ' '),
    phrase: normalizeForMatch(query),
    highlights: [query],
  };
}
