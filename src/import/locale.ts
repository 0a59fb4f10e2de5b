import type { Root } from 'mdast';
import { CJK_RANGE } from '../lib/cjk';
import { parse } from '../lib/markdown/parse';
import { proseOf } from '../lib/markdown/prose';
import type { Locale } from './types';

const HAN = new RegExp(`[${CJK_RANGE}]`, 'g');
const LATIN = /[A-Za-z]/g;

/**
 * Share of CJK characters among the letters of the prose. Code, URLs, math and HTML are left out:
 * a Chinese note full of Python, or an English one quoting 中文, must not change language.
 */
export function cjkShare(markdown: string): number {
  return counts(markdown).share;
}

function counts(source: string | Root): { share: number; letters: number } {
  const prose = proseOf(typeof source === 'string' ? parse(source) : source);
  const han = prose.match(HAN)?.length ?? 0;
  const latin = prose.match(LATIN)?.length ?? 0;
  // An English word is ~5 letters, a Chinese word ~1.5 characters: compare words, not characters.
  const words = han / 1.5 + latin / 5;
  return { share: words === 0 ? 0 : han / 1.5 / words, letters: han + latin };
}

/** A folder name that says which language its notes are in (`chinese/`, `zh-CN/`, `english/`…). */
export function folderHint(relPath: string): Locale | undefined {
  const folders = relPath
    .split('/')
    .slice(0, -1)
    .map((s) => s.toLowerCase());
  for (const f of folders.reverse()) {
    if (/^(zh|cn|zh[-_](cn|hans|hant|tw|hk)|chinese|中文|汉语|漢語|简体|繁體)$/.test(f)) return 'zh';
    if (/^(en|en[-_](us|gb)|english|英文)$/.test(f)) return 'en';
  }
  return undefined;
}

/**
 * Decides a note's language from its text (or the text's parse, when the caller has it), with the
 * folder as a hint that moves the threshold: without a hint a third of the words must be CJK; a
 * `chinese/` folder needs only a few.
 */
export function detectLocale(source: string | Root, hint?: Locale): { locale: Locale; share: number } {
  const { share, letters } = counts(source);
  // Nothing to read (an empty file, only code): the folder is all there is to go on.
  if (letters < 20 && hint) return { locale: hint, share };
  const threshold = hint === 'zh' ? 0.05 : hint === 'en' ? 0.6 : 0.3;
  return { locale: share >= threshold ? 'zh' : 'en', share };
}
