import { normalizeForMatch, prepareQuery } from './cjk';
import { countNormalized, countPhrase, excerptFromPagefind, makeExcerpt, type ExcerptPart } from './excerpt';

/** The part of Pagefind's browser API the search uses (so tests can pass a stand-in). */
export interface PagefindFragment {
  url: string;
  content: string;
  /** Pagefind's excerpt: escaped text with <mark> around matched words. */
  excerpt?: string;
  meta: Record<string, string | undefined>;
  filters?: Record<string, string[]>;
}
export interface PagefindResult {
  /** Pagefind's id of the page's text (its fragment). */
  id?: string;
  score: number;
  /** Positions of the matched words in the page, when Pagefind reports them. */
  words?: number[];
  data(): Promise<PagefindFragment>;
}
export interface PagefindLike {
  search(term: string, options?: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] } | null>;
}

export interface SearchOptions {
  kind?: string | undefined;
  part?: string | undefined;
  sort?: 'relevance' | 'date';
}

export interface Hit {
  url: string;
  title: string;
  lang: string;
  kind: string;
  date: string | undefined;
  score: number;
  excerpt: ExcerptPart[];
  /** The words as they appear on the page (for marking them there), e.g. `learning` for `learn`. */
  highlights: string[];
}

function shown(data: PagefindFragment, pagefindExcerpt: string | undefined, highlights: string[]): Pick<Hit, 'excerpt' | 'highlights'> {
  if (pagefindExcerpt && pagefindExcerpt.includes('<mark>')) {
    const excerpt = excerptFromPagefind(pagefindExcerpt);
    const words = [...new Set(excerpt.filter((p) => p.mark).map((p) => p.text.trim()).filter(Boolean))];
    return { excerpt, highlights: words.length ? words : highlights };
  }
  return { excerpt: makeExcerpt(data.content, highlights), highlights };
}

/**
 * Every character of a Chinese query is its own indexed word, so a page can only contain the
 * phrase if it has a run of as many consecutive matched word positions. Checking that first saves
 * loading the page text of most candidates; the exact check still follows.
 */
export function mayHavePhrase(words: number[] | undefined, tokens: number): boolean {
  if (!words || words.length === 0 || tokens <= 1) return true;
  const positions = new Set(words);
  for (const start of positions) {
    let run = 1;
    while (run < tokens && positions.has(start + run)) run++;
    if (run === tokens) return true;
  }
  return false;
}

/**
 * A page's text as Pagefind stores it, and its normalised form for phrase checks, loaded once per
 * page: the text does not change between queries, and a reader types many in a row.
 */
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
    text = load();
    pageTexts.set(key, text);
  }
  return text;
}

/** How many non-Chinese results are loaded; Chinese queries load every candidate to check it. */
const ENGLISH_LIMIT = 30;

/**
 * Searches one or more language bundles and merges the results. For a query with Chinese, every
 * candidate must contain the exact phrase (Pagefind matched its characters anywhere); results are
 * ranked by how often and where the phrase occurs, so the first hit is the most relevant page.
 */
export async function runSearch(bundles: { lang: string; pagefind: PagefindLike }[], raw: string, options: SearchOptions = {}): Promise<Hit[]> {
  const query = prepareQuery(raw);
  if (!query.pagefind) return [];
  const filters: Record<string, string> = {};
  if (options.kind) filters['kind'] = options.kind;
  if (options.part) filters['part'] = options.part;

  const perBundle = await Promise.all(
    bundles.map(async ({ lang, pagefind }) => {
      const found = await pagefind.search(query.pagefind, { filters });
      const tokens = query.pagefind.split(' ').length;
      const candidates = query.phrase
        ? (found?.results ?? []).filter((r) => mayHavePhrase(r.words, tokens))
        : (found?.results ?? []).slice(0, ENGLISH_LIMIT);
      // Chinese queries only need the page text, which does not change between queries: keep it.
      const loaded = await Promise.all(
        candidates.map(async (r) => (query.phrase ? { score: r.score, ...(await pageText(lang, r)) } : { score: r.score, data: await r.data(), normalized: '' })),
      );
      return loaded.flatMap(({ score, data, normalized }): Hit[] => {
        const title = data.meta['title'] ?? data.url;
        let rank = score;
        if (query.phrase) {
          const inTitle = countPhrase(title, query.phrase);
          const inBody = countNormalized(normalized, query.phrase);
          if (inTitle + inBody === 0) return [];
          rank = inTitle * 10 + Math.log2(1 + inBody) + score / 1000;
        }
        return [{
          url: data.url,
          title,
          lang,
          kind: data.meta['kind'] ?? data.filters?.['kind']?.[0] ?? '',
          date: data.meta['date'],
          score: rank,
          ...shown(data, query.phrase ? undefined : data.excerpt, query.highlights),
        }];
      });
    }),
  );
  const hits = perBundle.flat();
  if (options.sort === 'date') {
    return hits.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || b.score - a.score);
  }
  return hits.sort((a, b) => b.score - a.score);
}
