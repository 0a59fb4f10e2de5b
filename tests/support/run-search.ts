import { search, type Hit, type SearchBundle, type SearchOptions } from '../../src/lib/search/engine';

/** Every result of a query, loaded (the search dialog loads five at a time). */
export async function runSearch(bundles: SearchBundle[], raw: string, options: SearchOptions = {}): Promise<Hit[]> {
  const list = await search(bundles, raw, options);
  const hits: Hit[] = [];
  while (!list.done) hits.push(...(await list.next(50)));
  return hits;
}
