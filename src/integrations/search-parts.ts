import { createHash } from 'node:crypto';
import type { BuiltPage } from './built-pages';

/**
 * A large language is indexed as several Pagefind bundles ("parts"), each page in the part its
 * address hashes to. Pagefind cannot update a bundle, so editing one note made a build index the
 * whole language again: at 1,000 notes a language, 17 s of a 34 s rebuild. With parts, only the
 * part holding the edited page is indexed again; the others are kept (search-index-cache.ts).
 * Search loads every part of a language and merges their results as it merges two languages'.
 * Each part adds a request per index chunk a query needs, so parts stay few.
 */

/** How much built HTML (all of a language's pages, side-by-side views included) one part takes. */
export const PART_BYTES = 320 * 1024 * 1024;

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
