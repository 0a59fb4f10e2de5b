import { prepareQuery } from './cjk';
import { candidates, toHit, type Candidate } from './candidates';
import type { Hit, PagefindResult, PagefindSearchOptions, SearchBundle, SearchOptions } from './types';

export { phraseRuns } from './candidates';
export type { Hit, PagefindFragment, PagefindLike, PagefindResult, SearchBundle, SearchOptions } from './types';

/**
 * Results are loaded a page at a time: the work per query follows what the reader sees. The
 * dialog shows three results with their excerpts at 1280 × 900 (and the next one's title) and two
 * on a phone, so a query waits for the text of those three; the next three load as soon as the end
 * of the list is in view (at once at 1280 × 900). At a thousand notes a language, later queries
 * showed their results about 5 ms sooner than with five a page (median of the fixed queries, lower
 * in 8 of the 11 alternating runs compared), as the first screen no longer waits for two texts
 * below it.
 */
export const PAGE_SIZE = 3;

/** A query's results, loaded and checked a page at a time. */
export interface ResultList {
  /** How many pages matched, before the text of each was loaded and checked. */
  readonly total: number;
  /** Whether every candidate has been loaded. */
  readonly done: boolean;
  /** The next results (up to `count` that passed the check); [] when none are left. */
  next(count?: number): Promise<Hit[]>;
}

/**
 * Searches one or more language bundles. Only the results asked for are loaded: their text
 * gives the excerpt and confirms the phrase for Chinese queries; each page of results is ranked
 * by where and how often the phrase occurs (title first).
 */
export async function search(bundles: SearchBundle[], raw: string, options: SearchOptions = {}): Promise<ResultList> {
  const query = prepareQuery(raw);
  const pagefindOptions: PagefindSearchOptions = { filters: {} };
  if (options.kind) pagefindOptions.filters!['kind'] = options.kind;
  if (options.part) pagefindOptions.filters!['part'] = options.part;
  const byDate = options.sort === 'date';
  if (byDate) pagefindOptions.sort = { date: 'desc' };
  const lists = query.pagefind
    ? withoutEarlierVersions(
        bundles,
        await Promise.all(bundles.map((bundle) => candidates(bundle, query, pagefindOptions, !byDate))),
      )
    : [];
  // By relevance, one merged order; by date, each bundle is in Pagefind's date order and the
  // heads are merged once their dates are known.
  const queue = byDate ? [] : lists.flat().sort((a, b) => b.rank - a.rank);
  const heads: (Hit | undefined | null)[] = lists.map(() => null);
  const total = lists.reduce((sum, l) => sum + l.length, 0);

  // null: this bundle's next hit is not loaded yet; undefined: the bundle has no more.
  const nextByDate = async (): Promise<Hit | undefined> => {
    await Promise.all(
      lists.map(async (list, i) => {
        while (heads[i] === null && list.length) heads[i] = (await toHit(list.shift()!, query)) ?? null;
        if (heads[i] === null) heads[i] = undefined;
      }),
    );
    let best = -1;
    heads.forEach((h, i) => {
      if (h && (best === -1 || (h.date ?? '') > (heads[best]!.date ?? ''))) best = i;
    });
    if (best === -1) return undefined;
    const hit = heads[best]!;
    heads[best] = null;
    return hit;
  };

  return {
    total,
    get done() {
      return byDate ? lists.every((l) => l.length === 0) && heads.every((h) => !h) : queue.length === 0;
    },
    async next(count = PAGE_SIZE) {
      const hits: Hit[] = [];
      if (byDate) {
        while (hits.length < count) {
          const hit = await nextByDate();
          if (!hit) break;
          hits.push(hit);
        }
        return hits;
      }
      while (hits.length < count && queue.length) {
        const batch = queue.splice(0, count - hits.length);
        for (const hit of await Promise.all(batch.map((c) => toHit(c, query)))) if (hit) hits.push(hit);
      }
      return hits.sort((a, b) => b.score - a.score);
    },
  };
}

/** Whether a bundle's result is shown: not an earlier version a rebuild's recent bundle replaces. */
const shownBy = ({ hidden }: Pick<SearchBundle, 'hidden'>, result: PagefindResult) =>
  result.id === undefined || !hidden?.has(result.id);

/**
 * The candidates without the earlier versions of pages a rebuild indexed again apart (hidden in
 * the whole index), whose newer versions in the recent bundle take their rank: it scores a page
 * against every page of the language, while the recent bundle's own scores weigh its words
 * against a handful of pages (a word in one page of one scores low).
 */
function withoutEarlierVersions(bundles: SearchBundle[], lists: Candidate[][]): Candidate[][] {
  const earlierRank = new Map<string, number>();
  lists.forEach((list, i) => {
    for (const c of list) if (!shownBy(bundles[i]!, c.result)) earlierRank.set(c.result.id!, c.rank);
  });
  return lists.map((list, i) => {
    const { earlier } = bundles[i]!;
    return list
      .filter((c) => shownBy(bundles[i]!, c.result))
      .map((c) => {
        const before = c.result.id === undefined ? undefined : earlier?.get(c.result.id);
        const rank = before === undefined ? undefined : earlierRank.get(before);
        return rank === undefined ? c : { ...c, rank };
      });
  });
}

/**
 * Whether any bundle has the query's words exactly as written, in order. Pagefind's ordinary
 * search is lenient (a word it lacks still matches shorter indexed words such as `a`), so this
 * is how search tells that Latin words match nothing in the Chinese notes.
 */
export async function hasExactMatch(
  bundles: Pick<SearchBundle, 'pagefind' | 'hidden'>[],
  raw: string,
): Promise<boolean> {
  const query = prepareQuery(raw);
  if (!query.pagefind) return false;
  const found = await Promise.all(
    bundles.map(async (bundle) =>
      ((await bundle.pagefind.search(`"${query.pagefind}"`))?.results ?? []).some((r) => shownBy(bundle, r)),
    ),
  );
  return found.some(Boolean);
}
