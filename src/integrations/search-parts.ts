import { createHash } from 'node:crypto';
import type { BuiltPage } from './built-pages';

/**
 * A very large language is indexed as several Pagefind bundles ("parts"), each page in the part
 * its address hashes to, so that no one Pagefind binary holds a whole language: writing a bundle
 * is its peak, about 3.5 times what it holds for the pages (1.4 GB at 1,000 notes a language).
 * Search loads every part of a language and merges their results as it merges two languages'.
 * Each part adds a request per index chunk a query needs, so parts stay few: a rebuild after an
 * edit does not need them, as it indexes the changed pages alone (search-recent.ts).
 */

/**
 * How much built HTML (all of a language's pages, side-by-side views included) one part takes:
 * about 1,900 notes a language. At 1,000 notes (550 MB) a language is one bundle: two parts had
 * made later queries ask for 8 files instead of 6 (median).
 */
export const PART_BYTES = 1024 * 1024 * 1024;

/**
 * The part size a build uses: `SEARCH_PART_BYTES` when set (a smaller value splits a smaller
 * site, as the e2e site is split to test search across parts), else PART_BYTES.
 */
export function partBytesFrom(env: Record<string, string | undefined>): number {
  const raw = env['SEARCH_PART_BYTES'];
  if (raw === undefined || raw === '') return PART_BYTES;
  const bytes = Number(raw);
  if (!Number.isInteger(bytes) || bytes <= 0)
    throw new Error(`SEARCH_PART_BYTES is "${raw}": set it to a whole number of bytes above 0, or leave it unset.`);
  return bytes;
}

/** How many parts a language of these pages is indexed as. */
export function partCount(pages: readonly BuiltPage[], partBytes: number): number {
  const bytes = pages.reduce((sum, page) => sum + page.bytes, 0);
  return Math.max(1, Math.ceil(bytes / partBytes));
}

/** A stable hash of a page's address: a page stays in its part from build to build. */
const addressHash = (url: string) => createHash('sha256').update(url).digest().readUInt32BE(0);

/** The pages of each part, in the order given (Pagefind's output depends on the order). */
export function splitIntoParts(pages: readonly BuiltPage[], count: number): BuiltPage[][] {
  const parts = Array.from({ length: count }, (): BuiltPage[] => []);
  for (const page of pages) parts[addressHash(page.url) % count]!.push(page);
  return parts;
}
