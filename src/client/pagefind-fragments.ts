import { FRAGMENT_SIGNATURE } from '../lib/search/bundles';
import { unspaceCjk } from '../lib/search/cjk';
import { excerptAtWords } from '../lib/search/excerpt';
import type { PagefindFragment, PagefindLike, PagefindResult } from '../lib/search/types';

/**
 * A result's `data()` as search needs it, read straight from the bundle's fragment file.
 *
 * Pagefind's own `data()` gunzips the fragment in JavaScript on the page's thread, then makes an
 * excerpt for the page and one for every heading in it (its "sub-results", which search never
 * shows). On a long lesson that is several milliseconds a result, and a query loaded five: at a
 * thousand notes it was most of a later query's time. Here the browser gunzips the file
 * (DecompressionStream) and only the one excerpt is made, when read. The fields search reads
 * (url, content, meta, filters) come out as Pagefind's `data()` gives them; the excerpt is the
 * same kind of text, from the first match (`excerptAtWords`).
 *
 * Anything unexpected (a fragment Pagefind stored in a group file, a server that gunzipped it
 * already, a changed format) falls back to Pagefind's `data()` for this bundle from then on.
 */

/** What a fragment file holds, after Pagefind's signature. */
interface FragmentFile {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
  filters?: Record<string, string[]>;
}

const SIGNATURE = new TextEncoder().encode(FRAGMENT_SIGNATURE);

/**
 * The fragment's JSON, gunzipped by the browser. A server that sent the file already gunzipped
 * (Content-Encoding) makes this throw, and the bundle falls back to Pagefind's reading.
 */
async function readFragment(url: string): Promise<FragmentFile> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`${url}: ${response.status}`);
  const inflated = response.body.pipeThrough(new DecompressionStream('gzip'));
  const bytes = new Uint8Array(await new Response(inflated).arrayBuffer());
  if (!SIGNATURE.every((b, i) => bytes[i] === b)) throw new Error(`${url} is not a Pagefind fragment`);
  return JSON.parse(new TextDecoder().decode(bytes.subarray(SIGNATURE.length))) as FragmentFile;
}

/** Where Pagefind's page URLs start: the folder holding the `pagefind` folder (its default baseUrl). */
function siteBase(basePath: string): string {
  return /^(.*\/)_?pagefind/.exec(basePath)?.[1] ?? '/';
}

/** A page URL as Pagefind's `data()` gives it (its `fullUrl`). */
function fullUrl(base: string, raw: string): string {
  if (/^(https?:)?\/\//.test(raw)) return raw;
  return `${base}/${raw}`.replace(/\/+/g, '/').replace(/^(https?:\/)/, '$1/');
}

/** Wraps one language bundle so its results load their text through `readFragment`. */
export function withFragmentReader(pagefind: PagefindLike, basePath: string): PagefindLike {
  const base = siteBase(basePath);
  const files = new Map<string, Promise<FragmentFile>>();
  let fallBack = false;

  const data = async (result: PagefindResult): Promise<PagefindFragment> => {
    if (fallBack || !result.id) return result.data();
    let file = files.get(result.id);
    if (!file) {
      file = readFragment(`${basePath}fragment/${result.id}.pf_fragment`);
      files.set(result.id, file);
    }
    try {
      const { url, content, meta, filters } = await file;
      let excerpt: string | undefined;
      return {
        url: fullUrl(base, url),
        content: unspaceCjk(content),
        // Made when read: phrase queries make their own from the text and never read it.
        get excerpt() {
          return (excerpt ??= excerptAtWords(content, result.words ?? []));
        },
        meta,
        ...(filters ? { filters } : {}),
      };
    } catch {
      files.delete(result.id);
      fallBack = true;
      return result.data();
    }
  };

  return {
    async search(term, options) {
      const found = await pagefind.search(term, options);
      if (!found) return found;
      return { ...found, results: found.results.map((result) => ({ ...result, data: () => data(result) })) };
    },
  };
}
