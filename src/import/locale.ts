import { CJK_RANGE } from '../lib/cjk';
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

function counts(markdown: string): { share: number; letters: number } {
  const prose = withoutFences(markdown)
    .replace(/`[^`\n]*`/g, ' ')
    .replace(/\$\$[\s\S]*?\$\$|\$[^$\n]*\$/g, ' ')
    .replace(/\]\([^)\s]*(\s+"[^"]*")?\)/g, ']')
    .replace(/(https?|ftp):\/\/\S+|www\.\S+/g, ' ')
    .replace(/<[^>\n]+>/g, ' ');
  const han = prose.match(HAN)?.length ?? 0;
  const latin = prose.match(LATIN)?.length ?? 0;
  // An English word is ~5 letters, a Chinese word ~1.5 characters: compare words, not characters.
  const words = han / 1.5 + latin / 5;
  return { share: words === 0 ? 0 : han / 1.5 / words, letters: han + latin };
}

function withoutFences(markdown: string): string {
  let fence: string | undefined;
  const kept: string[] = [];
  for (const line of markdown.split('\n')) {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
    } else if (marker) fence = marker;
    else kept.push(line);
  }
  return kept.join('\n');
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
 * Decides a note's language from its text, with the folder as a hint that moves the threshold:
 * without a hint a third of the words must be CJK; a `chinese/` folder needs only a few.
 */
export function detectLocale(markdown: string, hint?: Locale): { locale: Locale; share: number } {
  const { share, letters } = counts(markdown);
  // Nothing to read (an empty file, only code): the folder is all there is to go on.
  if (letters < 20 && hint) return { locale: hint, share };
  const threshold = hint === 'zh' ? 0.05 : hint === 'en' ? 0.6 : 0.3;
  return { locale: share >= threshold ? 'zh' : 'en', share };
}
