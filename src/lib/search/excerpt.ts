import { INDEX_SEPARATOR, normalizeForMatch, unspaceCjk } from './cjk';

export interface ExcerptPart {
  text: string;
  mark: boolean;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A short window of the page text around the first match, split into marked and plain parts so
 * the UI can render it with text nodes (never as HTML from the index).
 * English words match as prefixes, so `learn` marks `learning`, as Pagefind's stemming finds it.
 */
export function makeExcerpt(content: string, highlights: string[], radius = 60): ExcerptPart[] {
  const text = unspaceCjk(content).replace(/\s+/g, ' ').trim();
  const terms = highlights.map((h) => h.trim()).filter(Boolean);
  if (terms.length === 0) return [{ text: text.slice(0, radius * 2), mark: false }];
  const pattern = new RegExp(terms.map((t) => escapeRegExp(t).replace(/\s+/g, '\\s*')).join('|'), 'gi');
  const first = text.search(pattern);
  let start = first === -1 ? 0 : Math.max(0, first - radius);
  // Start at a word boundary in Latin text rather than mid-word.
  const space = text.indexOf(' ', start);
  if (start > 0 && space !== -1 && space < (first === -1 ? start + 15 : Math.min(first, start + 15))) start = space + 1;
  const end = Math.min(text.length, (first === -1 ? 0 : first) + radius * 2);
  const window = text.slice(start, end);
  const parts: ExcerptPart[] = [];
  if (start > 0) parts.push({ text: '…', mark: false });
  let last = 0;
  for (const m of window.matchAll(pattern)) {
    if (m.index > last) parts.push({ text: window.slice(last, m.index), mark: false });
    parts.push({ text: m[0], mark: true });
    last = m.index + m[0].length;
  }
  if (last < window.length) parts.push({ text: window.slice(last), mark: false });
  if (end < text.length) parts.push({ text: '…', mark: false });
  return parts;
}

/** How often a normalised phrase occurs in a text (non-overlapping). */
export function countPhrase(text: string, phrase: string): number {
  return countNormalized(normalizeForMatch(text), phrase);
}

/** `countPhrase` on text that is already normalised (pages are normalised once and kept). */
export function countNormalized(haystack: string, phrase: string): number {
  if (!phrase) return 0;
  let count = 0;
  for (let i = haystack.indexOf(phrase); i !== -1; i = haystack.indexOf(phrase, i + phrase.length)) count++;
  return count;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", nbsp: ' ' };

/**
 * Reads Pagefind's own excerpt (escaped text with <mark> around matches, stemming-aware) into
 * parts. Used for queries without Chinese, where Pagefind's matching is what we want shown.
 */
export function excerptFromPagefind(html: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  const decode = (t: string) => unspaceCjk(t.replace(/&(#?\w+);/g, (m, e: string) => entities[e] ?? m));
  html.split(/(<mark>[\s\S]*?<\/mark>)/).forEach((chunk) => {
    if (!chunk) return;
    const marked = /^<mark>([\s\S]*)<\/mark>$/.exec(chunk);
    const text = decode((marked ? marked[1]! : chunk).replace(/<[^>]*>/g, ''));
    if (text) parts.push({ text, mark: Boolean(marked) });
  });
  return parts;
}

/** Pagefind's word separator when a page's text has no zero-width spaces (white space but U+FEFF). */
const PAGEFIND_WORD_SEPARATORS = /[^\S\uFEFF]+/;

/**
 * The excerpt Pagefind's `data()` gives a result, made from the positions of its matched words:
 * `length` words from a little before the first of them, the matched words in `<mark>`, the text
 * escaped as Pagefind escapes it (`<` and `>`). Text that Pagefind split into words with
 * zero-width spaces (Chinese, in our index form) is split and joined the same way. Pagefind
 * centres on the stretch where its weighted matches are densest; its weights (titles and
 * headings count several times a paragraph's words) do not reach the page, and the first match,
 * mostly in the title or the opening, is where they put it too.
 * @example excerptAtWords('a b c d e', [3], 3) // 'b c <mark>d</mark>'
 */
export function excerptAtWords(content: string, locations: readonly number[], length = 30): string {
  const zws = content.includes(INDEX_SEPARATOR);
  const separator = zws ? new RegExp(INDEX_SEPARATOR, 'g') : new RegExp(PAGEFIND_WORD_SEPARATORS, 'g');
  const marked = new Set(locations.filter((l) => l >= 0));
  const first = marked.size ? Math.min(...marked) : 0;
  const from = Math.max(0, first - Math.floor(length / 6));
  // Only the words up to the end of the window are cut out (a lesson is tens of thousands).
  const words: string[] = [];
  let at = 0;
  while (words.length < from + length) {
    const match = separator.exec(content);
    words.push(content.slice(at, match ? match.index : content.length));
    if (!match) break;
    at = match.index + match[0].length;
  }
  const start = Math.max(0, Math.min(from, words.length - length));
  return words
    .slice(start, start + length)
    .map((word, i) => {
      const escaped = word.replace(/</g, '&lt;').replace(/>/g, '&gt;');
      return marked.has(start + i) ? `<mark>${escaped}</mark>` : escaped;
    })
    .join(zws ? '' : ' ')
    .trim();
}
