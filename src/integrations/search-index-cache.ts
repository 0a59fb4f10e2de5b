import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { FRAGMENT_SIGNATURE } from '../lib/search/bundles';
import { withoutBuildName } from './offline/page-stamp';

/**
 * Search bundles, one per language or per part of a split language (search-parts.ts), kept in
 * Astro's cache folder with the key of what they were built from, each page's hash and each page's
 * result id. Pagefind has no incremental indexing, and indexing a language's pages was the largest
 * part of a rebuild once Astro reuses unchanged pages: a rebuild copies a bundle whose pages are
 * unchanged, and, while few of them changed, copies it too and indexes those apart
 * (search-recent.ts). A build that indexed while Astro made its images (search-index.ts) finds
 * that bundle here after Astro, as long as its pages are unchanged.
 */

/**
 * What decides a bundle besides the pages: the code that prepares pages for Pagefind, with what it
 * imports (index-form.ts reads lib/search and lib/html), and the lockfile, for Pagefind's version.
 */
const INDEXING_CODE = [
  './search-index.ts',
  './search-parts.ts',
  './search-recent.ts',
  './built-pages.ts',
  './shipped-bundles.ts',
  './index-form.ts',
  ...['../lib/search/', '../lib/html/'].flatMap((dir) => sourcesIn(new URL(dir, import.meta.url))),
].map((f) => fileURLToPath(new URL(f, import.meta.url)));

function sourcesIn(dir: URL): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith('.ts'))
      .sort()
      .map((name) => new URL(name, dir).href);
  } catch {
    return [];
  }
}

/** Only pages Pagefind indexes count. */
const INDEXED = Buffer.from('data-pagefind-body');

/**
 * The key of a language's bundle, fed page by page: its indexed pages (address and bytes as
 * written), the indexing code and the locked dependencies. Indexing feeds it the pages it reads
 * anyway, so a build with nothing cached reads each page once. Pages are hashed as bytes: decoding
 * each to text, cutting the build's name out with a pattern and encoding it again for the hash
 * took most of a rebuild's check that a language's pages had not changed. Each page's own hash is
 * kept beside the key, so that a rebuild can tell which pages changed (search-recent.ts).
 */
export class BundleKey {
  readonly #hash = createHash('sha256');
  /** Each indexed page's size as hashed, kept beside the key (`changedSince`). */
  readonly sizes: Record<string, number> = {};
  /** Each indexed page's own hash. */
  readonly pages: Record<string, string> = {};
  /** The hash of the code, the lockfile and the layout alone: bundles with another one cannot be mixed. */
  code = '';

  /** @param layout which part of how many the bundle is (search-parts.ts): pages change parts with their number. */
  static async start(lockfile: string, layout: string): Promise<BundleKey> {
    const key = new BundleKey();
    const code = createHash('sha256');
    for (const file of [...INDEXING_CODE, lockfile])
      code.update(await fs.readFile(file).catch(() => Buffer.from(file)));
    code.update(`${layout}\0`);
    key.code = code.digest('hex');
    key.#hash.update(key.code);
    return key;
  }

  page(url: string, html: Buffer): void {
    // Only pages Pagefind indexes: a side-by-side page shows the other language's note but is
    // not searched, and editing that note must not re-index this language.
    if (html.indexOf(INDEXED) < 0) return;
    this.sizes[url] = html.length;
    const page = createHash('sha256');
    // The build's name on a page is written after indexing and changes with every build.
    for (const piece of withoutBuildName(html)) page.update(piece);
    this.pages[url] = page.digest('hex');
    this.#hash.update(`${url}\0${this.pages[url]}\0`);
  }

  #digest: string | undefined;

  digest(): string {
    return (this.#digest ??= this.#hash.digest('hex'));
  }
}

/** How many pages are read ahead of the one being hashed. */
const READ_AHEAD = 8;

/** The key of a language's pages as they are on disk now. */
export async function keyOfPages(
  pages: { file: string; url: string }[],
  lockfile: string,
  layout: string,
): Promise<BundleKey> {
  const key = await BundleKey.start(lockfile, layout);
  const reads = pages.slice(0, READ_AHEAD).map((p) => fs.readFile(p.file));
  for (const [i, page] of pages.entries()) {
    const next = pages[i + READ_AHEAD];
    if (next) reads.push(fs.readFile(next.file));
    key.page(page.url, await reads[i]!);
    delete reads[i];
  }
  return key;
}

const cachedBundle = (cacheDir: string, name: string) => path.join(cacheDir, 'search-index', name);
const KEY_FILE = '.key';

/**
 * What the last build kept of a language's bundle: its key, the sizes of the pages it indexed,
 * and, for search-recent.ts, the hash of its code, each page's hash and each page's result id.
 */
export interface KeptBundle {
  key: string;
  sizes: Record<string, number>;
  code?: string;
  pages?: Record<string, string>;
  ids?: Record<string, string>;
}

/** The kept bundle named `name` (a language, `zh`, or one of its parts, `zh.part-1`), if any. */
export async function keptBundle(cacheDir: string, name: string): Promise<KeptBundle | undefined> {
  const text = await fs.readFile(path.join(cachedBundle(cacheDir, name), KEY_FILE), 'utf8').catch(() => undefined);
  try {
    const kept = text === undefined ? undefined : (JSON.parse(text) as Partial<KeptBundle>);
    return typeof kept?.key === 'string' && typeof kept.sizes === 'object' ? (kept as KeptBundle) : undefined;
  } catch {
    // A key kept by an earlier version of this step: that bundle is made again.
    return undefined;
  }
}

/**
 * Whether the pages certainly differ from those the kept bundle was made from, told from their
 * sizes alone: a page it indexed is gone or has another size. Reading and hashing a language's
 * pages to find out took about 2 s at a thousand notes, before the same pages were read again
 * to index them. Equal sizes prove nothing: the key decides then.
 */
export function changedSince(kept: KeptBundle, pages: readonly { url: string; bytes: number }[]): boolean {
  const now = new Map(pages.map((page) => [page.url, page.bytes]));
  return Object.entries(kept.sizes).some(([url, bytes]) => now.get(url) !== bytes);
}

/** Copies the kept bundle `name` to `out`. */
export async function restoreBundle(cacheDir: string, name: string, out: string): Promise<void> {
  await fs.rm(out, { recursive: true, force: true });
  await fs.cp(cachedBundle(cacheDir, name), out, { recursive: true, filter: (src) => path.basename(src) !== KEY_FILE });
}

/** Keeps a freshly written bundle for the next build, its key written last so a half copy never matches. */
export async function keepBundle(cacheDir: string, name: string, key: BundleKey, out: string): Promise<void> {
  const dir = cachedBundle(cacheDir, name);
  await fs.rm(dir, { recursive: true, force: true });
  await fs.cp(out, dir, { recursive: true });
  const kept: KeptBundle = {
    key: key.digest(),
    sizes: key.sizes,
    code: key.code,
    pages: key.pages,
    ids: await resultIds(out),
  };
  await fs.writeFile(path.join(dir, KEY_FILE), JSON.stringify(kept));
}

/**
 * The id search gives each page of a written bundle: its fragment file's name (Pagefind writes one
 * per page, gzipped JSON after a signature, naming the page's address). Read a few dozen at a time:
 * 511 fragments took 200–256 ms so, against 337–395 ms one by one.
 */
export async function resultIds(bundle: string): Promise<Record<string, string>> {
  const dir = path.join(bundle, 'fragment');
  const names = (await fs.readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith(FRAGMENT_FILE));
  const ids: Record<string, string> = {};
  for (let i = 0; i < names.length; i += FRAGMENTS_AT_ONCE)
    await Promise.all(
      names.slice(i, i + FRAGMENTS_AT_ONCE).map(async (name) => {
        const bytes = await gunzip(await fs.readFile(path.join(dir, name)));
        const { url } = JSON.parse(bytes.subarray(FRAGMENT_SIGNATURE.length).toString('utf8')) as { url: string };
        ids[url] = name.slice(0, -FRAGMENT_FILE.length);
      }),
    );
  return ids;
}

const FRAGMENT_FILE = '.pf_fragment';
const FRAGMENTS_AT_ONCE = 32;
const gunzip = promisify(zlib.gunzip);
