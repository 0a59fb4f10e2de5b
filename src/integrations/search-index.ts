import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { BUNDLE_ENTRY, bundleDir, pagefindRuntime, wasmFile, type BundleEntry } from '../lib/search/bundles';
import { afterAstro, type StepLogger } from './after-astro';
import { indexableHtml } from './index-form';
import { BundleKey, keepBundle, keptKey, keyOfPages, restoreBundle } from './search-index-cache';

export { indexableHtml };

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/**
 * Whether a top-level file of a bundle is loaded by our pages: Pagefind's core script (moved out
 * to one copy for all bundles), the WebAssembly of the bundle's language (`wasm` from
 * pagefind-entry.json) and the data. Pagefind's ready-made UIs and highlighter (about 420 KB a
 * language) and its worker (search runs on the page, see search-ui.ts) are never loaded.
 * @example isShipped('pagefind-ui.js', ['unknown']) // false
 */
export function isShipped(file: string, wasmLanguages: (string | null)[]): boolean {
  if (/^pagefind-(ui|component-ui|modular-ui|highlight|worker)\./.test(file)) return false;
  return /^wasm\..+\.pagefind$/.test(file) ? wasmLanguages.some((wasm) => wasmFile(wasm) === file) : true;
}

async function pruneBundle(dir: string): Promise<void> {
  const entry = JSON.parse(await fs.readFile(path.join(dir, BUNDLE_ENTRY), 'utf8')) as BundleEntry;
  const wasm = Object.values(entry.languages).map((l) => l.wasm);
  for (const file of await fs.readdir(dir)) {
    if (!isShipped(file, wasm)) await fs.rm(path.join(dir, file));
  }
}

/**
 * Keeps one copy of Pagefind's core script, at `pagefind/pagefind.js`, for every bundle: each
 * bundle's copy is the same file (the same Pagefind wrote them), and the search dialog loads each
 * bundle into an instance of that one runtime.
 */
async function shareRuntime(root: string, bundles: string[]): Promise<void> {
  const copies = await Promise.all(bundles.map((dir) => fs.readFile(path.join(dir, 'pagefind.js'))));
  const [first] = copies;
  if (!first) return;
  if (copies.some((c) => !c.equals(first))) {
    throw new Error(`The Pagefind bundles in ${bundles.join(', ')} carry different runtimes; rebuild from clean.`);
  }
  await fs.writeFile(path.join(root, pagefindRuntime), first);
  await Promise.all(bundles.map((dir) => fs.rm(path.join(dir, 'pagefind.js'))));
}

/** Reads `<html lang="zh-CN">` as `zh`. */
export function pageLanguage(html: string): string | undefined {
  return /<html[^>]*\blang="([a-zA-Z]+)/.exec(html)?.[1]?.toLowerCase();
}

/** How many pages are read and prepared ahead of the one Pagefind is indexing. */
const PAGES_AHEAD = 4;

/**
 * How many pages are sent to Pagefind before the answer for the first of them. Its service reads
 * and decodes messages on a thread of their own and indexes them one at a time in the order sent,
 * so the bundle is the same as one page at a time, while sending and decoding overlap indexing:
 * one language at 1,000 notes, 5.4–6.2 s → 4.8 s.
 */
const PAGES_IN_FLIGHT = 8;

/** The start of a page, where Astro writes `<html lang>`. */
async function pageHead(file: string): Promise<string> {
  const handle = await fs.open(file);
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(1024), 0, 1024, 0);
    return buffer.toString('utf8', 0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The built pages by language (`<html lang>`), languages in order; only their start is read here. */
async function pagesByLanguage(root: string): Promise<Map<string, { file: string; url: string }[]>> {
  const byLang = new Map<string, { file: string; url: string }[]>();
  for (const file of await htmlFiles(root)) {
    const lang = pageLanguage(await pageHead(file));
    if (!lang) continue;
    const rel = path.relative(root, file).split(path.sep).join('/');
    byLang.set(lang, [...(byLang.get(lang) ?? []), { file, url: '/' + rel.replace(/index\.html$/, '') }]);
  }
  return new Map([...byLang].sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * Indexes one language's pages that mark content to index (data-pagefind-body), writes its bundle
 * to `out` and returns how many it indexed. Pages go to Pagefind in order (its output depends on
 * the order: the same site gives the same bundle), a few ahead of its answers, while the next few
 * are read and prepared meanwhile. Nothing is held for all of them (at a thousand pages that was
 * hundreds of megabytes of strings), and Pagefind's binary stops once the bundle is written, so it
 * holds one language at a time.
 */
async function indexLanguage(
  lang: string,
  pages: { file: string; url: string }[],
  out: string,
  key?: BundleKey,
): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: lang });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const prepare = async (page: { file: string; url: string }) => {
    const bytes = await fs.readFile(page.file);
    const html = bytes.toString('utf8');
    return { bytes, content: html.includes('data-pagefind-body') ? indexableHtml(html) : undefined };
  };
  const prepared = pages.slice(0, PAGES_AHEAD).map(prepare);
  let indexed = 0;
  let failure: Error | undefined;
  const inFlight: Promise<void>[] = [];
  const add = (url: string, content: string) =>
    index.addHTMLFile({ url, content }).then(
      (res) => {
        if (res.errors.length) failure ??= new Error(`Pagefind could not index ${url}: ${res.errors.join('; ')}`);
        else indexed++;
      },
      (error: unknown) => void (failure ??= error instanceof Error ? error : new Error(String(error))),
    );
  for (const [i, page] of pages.entries()) {
    const { bytes, content } = await prepared[i]!;
    // In page order, as the key was made from the files when it was kept.
    key?.page(page.url, bytes);
    const ahead = pages[i + PAGES_AHEAD];
    if (ahead) prepared.push(prepare(ahead));
    delete prepared[i];
    if (content === undefined) continue;
    inFlight.push(add(page.url, content));
    if (inFlight.length >= PAGES_IN_FLIGHT) await inFlight.shift();
    if (failure) break;
  }
  await Promise.all(inFlight);
  if (failure) throw failure;
  const result = await index.writeFiles({ outputPath: out });
  if (result.errors.length) throw new Error(`Pagefind could not write ${out}: ${result.errors.join('; ')}`);
  await index.deleteIndex();
  // Pagefind's binary keeps much of what it freed, and the next language's writing (its peak:
  // about 3.5 times what the pages alone hold) then started above it, up to 1.8 GB at 1,000 notes
  // a language instead of 1.4 GB: each language gets a binary of its own.
  await pagefind.close();
  return indexed;
}

/** What the search index needs to know of the build: plain data, so it may run after Astro's process. */
export interface SearchIndexOptions {
  /** The built site. */
  root: string;
  /** Astro's cache folder, where each language's bundle is kept for the next build ('' for no reuse). */
  cacheDir: string;
  lockfile: string;
}

/**
 * Builds one Pagefind bundle per language, from the pages that mark their reading content with
 * data-pagefind-body. Separate bundles (rather than one bundle with two languages) let the browser
 * run each language's own query processing, so English stemming keeps working while both
 * languages are searched together.
 */
export async function writeSearchIndex({ root, cacheDir, lockfile }: SearchIndexOptions, logger: StepLogger) {
  try {
    const written: string[] = [];
    for (const [lang, pages] of await pagesByLanguage(root)) {
      const out = path.join(root, bundleDir(lang));
      written.push(out);
      // Pages are read for the key only when a kept bundle could answer it; otherwise
      // indexing reads them, and keys them as it goes.
      const kept = cacheDir ? await keptKey(cacheDir, lang) : undefined;
      const current = kept ? await keyOfPages(pages, lockfile) : undefined;
      if (kept && kept === current) {
        await restoreBundle(cacheDir, lang, out);
        logger.info(`kept the ${lang} search bundle of the last build: none of its pages changed`);
        continue;
      }
      const key = cacheDir && !current ? await BundleKey.start(lockfile) : undefined;
      const indexed = await indexLanguage(lang, pages, out, key);
      await pruneBundle(out);
      const made = current ?? key?.digest();
      if (made) await keepBundle(cacheDir, lang, made, out);
      logger.info(`indexed ${indexed} ${lang} pages into ${bundleDir(lang)}`);
    }
    await shareRuntime(root, written);
  } finally {
    await pagefind.close();
  }
}

/** The search index as an integration: after Astro has written the site (after-astro.ts). */
export function searchIndex(): AstroIntegration {
  let cacheDir = '';
  let lockfile = '';
  return {
    name: 'notes-search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
        lockfile = fileURLToPath(new URL('package-lock.json', config.root));
      },
      'astro:build:done': ({ dir, logger }) =>
        afterAstro(import.meta.url, writeSearchIndex, { root: fileURLToPath(dir), cacheDir, lockfile }, logger),
    },
  };
}
