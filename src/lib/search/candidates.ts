import { normalizeForMatch, type PreparedQuery } from './cjk';
import { countNormalized, countPhrase, excerptFromPagefind, makeExcerpt, type ExcerptPart } from './excerpt';
import type { Hit, PagefindFragment, PagefindLike, PagefindResult, PagefindSearchOptions } from './types';

/**
 * How often a phrase of `tokens` indexed words occurs, estimated from the positions Pagefind
 * matched for its words: non-overlapping runs of `tokens` consecutive positions. Used for
 * ranking (Pagefind's exact phrase search has already decided that the page has the phrase).
 * @example phraseRuns([3, 4, 5, 9, 10, 11, 12], 3) // 2
 */
export function phraseRuns(words: readonly number[] | undefined, tokens: number): number {
  if (!words?.length) return 0;
  // A Chinese query's candidates number in the hundreds at a thousand notes, each with tens of
  // positions (sorted as Pagefind gives them, else sorted here): one pass, counting a run each time
  // `tokens` consecutive positions are seen, then starting afresh, as runs do not overlap.
  let sorted: ArrayLike<number> = words;
  for (let i = 1; i < words.length; i++)
    if (words[i]! < words[i - 1]!) {
      sorted = Float64Array.from(words).sort();
      break;
    }
  let runs = 0;
  let length = 0;
  let previous = Number.NaN;
  for (let i = 0; i < sorted.length; i++) {
    const position = sorted[i]!;
    if (position === previous) continue;
    length = position === previous + 1 ? length + 1 : 1;
    previous = position;
    if (length === tokens) {
      runs++;
      length = 0;
    }
  }
  return runs;
}

/** A page's text as Pagefind stores it and its normalised form, loaded once per page and kept. */
interface PageText {
  data: PagefindFragment;
  normalized: string;
}
const pageTexts = new Map<string, Promise<PageText>>();
function pageText(lang: string, result: PagefindResult): Promise<PageText> {
  const load = () => result.data().then((data) => ({ data, normalized: normalizeForMatch(data.content) }));
  if (!result.id) return load();
  const key = `${lang}:${result.id}`;
  let text = pageTexts.get(key);
  if (!text) {
    text = load().catch((error: unknown) => {
      pageTexts.delete(key);
      throw error;
    });
    pageTexts.set(key, text);
  }
  return text;
}

export interface Candidate {
  lang: string;
  result: PagefindResult;
  /** Order before the page's text is loaded: Pagefind's score plus how often the phrase occurs. */
  rank: number;
}

/**
 * The candidates of one language bundle, best first. A Chinese query asks Pagefind twice with
 * the same index chunks: an exact phrase search (its characters in order and adjacent) decides
 * which pages match, and, when some do, the ordinary search scores them (title weight,
 * frequency, length).
 */
export async function candidates(
  lang: string,
  pagefind: PagefindLike,
  query: PreparedQuery,
  options: PagefindSearchOptions,
): Promise<Candidate[]> {
  const tokens = query.pagefind.split(' ').length;
  if (!query.phrase || tokens === 1) {
    const found = await pagefind.search(query.pagefind, options);
    return (found?.results ?? []).map((result) => ({ lang, result, rank: result.score }));
  }
  // One after the other: both run on the page's thread anyway, and a phrase no page has needs no
  // scores (the ordinary search of five common characters costs tens of milliseconds).
  const exact = await pagefind.search(`"${query.pagefind}"`, options);
  if (!exact?.results.length) return [];
  const loose = await pagefind.search(query.pagefind, options);
  const scored = new Map((loose?.results ?? []).map((r) => [r.id, r]));
  return exact.results.map((result) => {
    const full = (result.id !== undefined && scored.get(result.id)) || result;
    return { lang, result: full, rank: full.score + Math.log2(1 + phraseRuns(full.words, tokens)) };
  });
}

export async function toHit(candidate: Candidate, query: PreparedQuery): Promise<Hit | undefined> {
  const { lang, result } = candidate;
  const { data, normalized } = query.phrase
    ? await pageText(lang, result)
    : { data: await result.data(), normalized: '' };
  const title = data.meta['title'] ?? data.url;
  let score = candidate.rank;
  let excerpt: ExcerptPart[];
  let highlights = query.highlights;
  if (query.phrase) {
    // Pagefind's positions run across blocks (a heading then a paragraph); the text does not.
    const inTitle = countPhrase(title, query.phrase);
    const inBody = countNormalized(normalized, query.phrase);
    if (inTitle + inBody === 0) return undefined;
    score = inTitle * 10 + Math.log2(1 + inBody) + candidate.rank / 1000;
    excerpt = makeExcerpt(data.content, highlights);
  } else if (data.excerpt?.includes('<mark>')) {
    excerpt = excerptFromPagefind(data.excerpt);
    const words = [
      ...new Set(
        excerpt
          .filter((p) => p.mark)
          .map((p) => p.text.trim())
          .filter(Boolean),
      ),
    ];
    if (words.length) highlights = words;
  } else {
    excerpt = makeExcerpt(data.content, highlights);
  }
  return {
    url: data.url,
    title,
    lang,
    kind: data.meta['kind'] ?? data.filters?.['kind']?.[0] ?? '',
    date: data.meta['date'],
    score,
    excerpt,
    highlights,
  };
}
