/**
 * What counts as a Chinese character, defined once for search, the content rules and the importer.
 * The unified ideographs with extension A and the compatibility ideographs: every character of the
 * notes' Chinese text, and none of the CJK punctuation, which is not a word and must not be indexed
 * or counted as one. This module has no imports, so the importer can load it under Node's type
 * stripping (`import … from '../lib/cjk'`).
 */

/**
 * The ideograph ranges as the body of a regular-expression character class, for composing patterns.
 * @example new RegExp(`[${CJK_RANGE}]+`, 'g')
 */
export const CJK_RANGE = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';

/**
 * Full-width punctuation and symbols (、。「」，：！ and the ideographic space), which read as part of
 * Chinese text: no space belongs before or after them when joining lines.
 */
export const CJK_PUNCTUATION_RANGE = '\\u3000-\\u303f\\uff00-\\uffef';

const CJK_CHAR = new RegExp(`[${CJK_RANGE}]`);
const CJK_CHARS = new RegExp(`[${CJK_RANGE}]`, 'g');

const ONE_CJK_CHAR = new RegExp(`^[${CJK_RANGE}]$`);

/** Whether `text` is exactly one Chinese character. @example isCjkChar('优') // true; isCjkChar('优化') // false */
export function isCjkChar(text: string): boolean {
  return ONE_CJK_CHAR.test(text);
}

/** @example hasCjk('SGD 优化器') // true */
export function hasCjk(text: string): boolean {
  return CJK_CHAR.test(text);
}

/** @example countCjk('用 SGD 优化，好') // 4 */
export function countCjk(text: string): number {
  return text.match(CJK_CHARS)?.length ?? 0;
}
