import { normalizeForMatch, type PreparedQuery } from './cjk';
import { countNormalized, countPhrase, excerptFromPagefind, makeExcerpt, type ExcerptPart } from './excerpt';
import { rarestCharacter } from './character-frequency';
import type { Hit, PagefindFragment, PagefindResult, PagefindSearchOptions, SearchBundle } from './types';

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
 * which pages match, and, when some do, an ordinary search scores them (title weight, frequency,
 * length). When the bundle names its common characters, that search is of the phrase's rarest
 * character alone, which costs a fraction of the whole phrase's (character-frequency.ts) and
 * ranks about as well: on the real notes' 48 phrases of a sample, the best page (by the score
 * `toHit` gives it) was among the first three as often, 46 times either way.
 * In date order (`scored` false) the exact search's order is the one shown, and nothing is scored.
 */
export async function candidates(
  { lang, pagefind, commonCharacters }: SearchBundle,
  query: PreparedQuery,
  options: PagefindSearchOptions,
  scored = true,
): Promise<Candidate[]> {
  const words = query.pagefind.split(' ');
  if (!query.phrase || words.length === 1) {
    const found = await pagefind.search(query.pagefind, options);
    return (found?.results ?? []).map((result) => ({ lang, result, rank: result.score }));
  }
  // One after the other: both run on the page's thread anyway, and a phrase no page has needs no
  // scores (the ordinary search of five common characters costs tens of milliseconds).
  const exact = (await pagefind.search(`"${query.pagefind}"`, options))?.results ?? [];
  if (!exact.length) return [];
  if (!scored) return exact.map((result) => ({ lang, result, rank: 0 }));
  const rarest = commonCharacters === undefined ? undefined : rarestCharacter(words, commonCharacters);
  const loose = await pagefind.search(rarest ?? query.pagefind, options);
  const byId = new Map((loose?.results ?? []).map((r) => [r.id, r]));
  return exact.map((result) => {
    const full = (result.id !== undefined && byId.get(result.id)) || result;
    const rank = rarest ? full.score : full.score + Math.log2(1 + phraseRuns(full.words, words.length));
    return { lang, result: full, rank };
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
