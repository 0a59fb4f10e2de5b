import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { groundTruth, sampleTerms, scoreQueries, type Quality } from './search-quality';
import { indexedPages, median, probeSearch } from './search-probe';
import type { StaticServer } from '../lib/serve';

export interface SearchFigures extends Quality {
  pages: number;
  /** All files of both language bundles, including Pagefind's scripts and WebAssembly. */
  indexBytes: number;
  /** Only the search data (index, fragments, filters, metadata) of our bundles… */
  indexDataBytes: number;
  /** …and of what Pagefind's defaults would write for the same pages: the cost of our CJK form. */
  defaultIndexDataBytes: number;
  firstQueryBytes: number;
  medianMs: number;
  p90Ms: number;
  englishStemming: boolean;
  misses: { term: string; missing: string[]; wrong: string[] }[];
}

const isIndexData = (p: string) => /(^|\/)(index|fragment|filter)\//.test(p) || p.endsWith('.pf_meta');

function indexDataBytes(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(
      (e) => e.isFile() && isIndexData(path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/')),
    )
    .reduce((sum, e) => sum + fs.statSync(path.join(e.parentPath, e.name)).size, 0);
}

/** What Pagefind writes for the same built pages with its defaults (no CJK form, one bundle). */
async function defaultIndexDataBytes(dist: string): Promise<number> {
  const pagefind = await import('pagefind');
  const { index } = await pagefind.createIndex({});
  if (!index) return 0;
  await index.addDirectory({ path: dist, glob: '{zh,en}/**/*.html' });
  const { files } = await index.getFiles();
  await index.deleteIndex();
  return files.filter((f) => isIndexData(f.path)).reduce((sum, f) => sum + f.content.length, 0);
}

function dirBytes(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((sum, e) => sum + fs.statSync(path.join(e.parentPath, e.name)).size, 0);
}

/**
 * Measures Chinese search on a built site through its real UI: sampled terms, ground truth by
 * substring, recall/precision/top-1, keystroke-to-results time, and what the index costs
 * (`indexCost: false` leaves out the comparison with Pagefind's default index, which indexes the
 * site a second time: the tests check quality on a small sample, the benches measure).
 */
export async function benchSearch(
  browser: Browser,
  server: StaticServer,
  dist: string,
  base: string,
  count = 120,
  options: { indexCost?: boolean } = {},
): Promise<SearchFigures> {
  const pages = await indexedPages(dist, base);
  const zh = pages.filter((p) => p.lang === 'zh');
  if (zh.length === 0) throw new Error(`no Chinese pages with data-pagefind-body in ${dist}`);
  const start = `${server.origin}${zh[0]!.url}`;
  const terms = sampleTerms(
    zh.map((p) => p.text),
    count,
  );
  const queries = terms.map((term) => ({ term, truth: groundTruth(zh, term) }));

  // Bytes for a first query: everything the server sends from opening search to the first results.
  const before = server.served.length;
  const first = await probeSearch(browser, start, queries.slice(0, 1));
  const firstQueryBytes = server.served
    .slice(before)
    .filter((s) => s.path.includes('/pagefind/') || s.path.includes('search-ui'))
    .reduce((sum, s) => sum + s.bytes, 0);

  const outcomes = [...first, ...(await probeSearch(browser, start, queries.slice(1)))];
  const times = outcomes.slice(1).map((o) => o.ms);
  const sortedTimes = [...times].sort((a, b) => a - b);

  // English stemming: "learning" must find pages that only say "learn"/"learned".
  const en = pages.filter((p) => p.lang === 'en');
  let englishStemming = true;
  const stemPage = en.find((p) => /\blearn\b/i.test(p.text));
  if (stemPage) {
    const [probe] = await probeSearch(browser, `${server.origin}${stemPage.url}`, [{ term: 'learning', truth: [] }]);
    englishStemming = Boolean(probe?.returned.includes(stemPage.url));
  }

  return {
    pages: zh.length,
    ...scoreQueries(outcomes),
    indexBytes: dirBytes(path.join(dist, 'pagefind')),
    indexDataBytes: indexDataBytes(path.join(dist, 'pagefind')),
    // Indexing the site again with Pagefind's defaults is a bench figure, not a quality one.
    defaultIndexDataBytes: options.indexCost === false ? 0 : await defaultIndexDataBytes(dist),
    firstQueryBytes,
    medianMs: median(times),
    p90Ms: sortedTimes[Math.floor(sortedTimes.length * 0.9)] ?? 0,
    englishStemming,
    misses: outcomes
      .map((o) => ({
        term: o.term,
        missing: o.truth.filter((u) => !o.returned.includes(u)),
        wrong: o.returned.filter((u) => !o.truth.includes(u)),
      }))
      .filter((m) => m.missing.length || m.wrong.length)
      .slice(0, 10),
  };
}
