import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { bundleDir, partFolder, RECENT_FOLDER, type BundleEntry } from '../lib/search/bundles';
import { CharacterCounts } from '../lib/search/character-frequency';
import { afterAstro, type StepLogger } from './after-astro';
import { pagesByLanguage, samePages, type BuiltPage } from './built-pages';
import { indexableHtml } from './index-form';
import { onPagesWritten } from './pages-written';
import {
  BundleKey,
  changedSince,
  keepBundle,
  keptBundle,
  keyOfPages,
  restoreBundle,
  resultIds,
} from './search-index-cache';
import { addToEntry, pruneBundle, shareRuntime } from './shipped-bundles';
import { partBytesFrom, partCount, splitIntoParts } from './search-parts';
import { mayTakeRecent, pageChanges } from './search-recent';

export { indexableHtml };

/** How many pages are read and prepared ahead of the one Pagefind is indexing. */
const PAGES_AHEAD = 4;

/**
 * How many pages are sent to Pagefind before the answer for the first of them. Its service reads
 * and decodes messages on a thread of their own and indexes them one at a time in the order sent,
 * so the bundle is the same as one page at a time, while sending and decoding overlap indexing:
 * one language at 1,000 notes, 5.4–6.2 s → 4.8 s.
 */
const PAGES_IN_FLIGHT = 8;

/**
 * Indexes the pages of one language (or one part of it) that mark content to index
 * (data-pagefind-body), writes their bundle to `out` with `entry` and the pages' common characters
 * added to its entry file, and returns how many it indexed. Pages go to Pagefind in order (its
 * output depends on the order: the same site gives the same bundle), a few ahead of its answers,
 * while the next few are read and prepared meanwhile. Nothing is held for all of them (at a
 * thousand pages that was hundreds of megabytes of strings), and Pagefind's binary stops once the
 * bundle is written, so it holds one bundle at a time.
 */
async function indexPart(
  lang: string,
  pages: BuiltPage[],
  out: string,
  key: BundleKey | undefined,
  entry: Partial<BundleEntry>,
): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: lang });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const characters = new CharacterCounts();
  const prepare = async (page: BuiltPage) => {
    const bytes = await fs.readFile(page.file);
    const html = bytes.toString('utf8');
    const content = html.includes('data-pagefind-body') ? indexableHtml(html) : undefined;
    // Counted while Pagefind indexes the pages before it, in its own process.
    if (content !== undefined) characters.add(content);
    return { bytes, content };
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
  const commonCharacters = characters.mostFrequent();
  await addToEntry(out, { ...entry, ...(commonCharacters ? { commonCharacters } : {}) });
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
  /** How much built HTML one part of a language's bundle takes (search-parts.ts). */
  partBytes: number;
}

/**
 * Builds one Pagefind bundle per language (several parts for a large one: search-parts.ts), from
 * the pages that mark their reading content with data-pagefind-body. Separate bundles (rather than
 * one bundle with two languages) let the browser run each language's own query processing, so
 * English stemming keeps working while both languages are searched together.
 */
export async function writeSearchIndex(options: SearchIndexOptions, logger: StepLogger): Promise<void> {
  await indexPages(await pagesByLanguage(options.root), options, logger);
}

async function indexPages(
  byLanguage: Map<string, BuiltPage[]>,
  { root, cacheDir, lockfile, partBytes }: SearchIndexOptions,
  logger: StepLogger,
): Promise<void> {
  try {
    const written: string[] = [];
    for (const [lang, pages] of byLanguage) {
      const parts = splitIntoParts(pages, partCount(pages, partBytes));
      const folders = parts.map((_, i) => partFolder(i));
      const langDir = path.join(root, bundleDir(lang));
      // Pages changed since a kept bundle was made whole, and their earlier versions' ids (search-recent.ts).
      const recent = { pages: [] as BuiltPage[], hidden: [] as string[], earlier: {} as Record<string, string> };
      // The first part is the language's folder and holds the others: it is emptied and written
      // (or restored) first, and kept for the next build before the others are written into it.
      await fs.rm(langDir, { recursive: true, force: true });
      for (const [i, partPages] of parts.entries()) {
        const where = `${bundleDir(lang)}${folders[i]}`;
        const out = path.join(root, where);
        written.push(out);
        const cacheName = i === 0 ? lang : `${lang}.part-${i}`;
        const layout = `part ${i} of ${parts.length}`;
        const kept = cacheDir ? await keptBundle(cacheDir, cacheName) : undefined;
        // Pages are read for the key only when a kept bundle could still answer for them (or for
        // all but a few of them); otherwise indexing reads them, and keys them as it goes.
        const current =
          kept && (!changedSince(kept, partPages) || mayTakeRecent(kept))
            ? await keyOfPages(partPages, lockfile, layout)
            : undefined;
        if (kept && current?.digest() === kept.key) {
          await restoreBundle(cacheDir, cacheName, out);
          logger.info(
            `kept the ${lang} search bundle${i ? `'s ${folders[i]}` : ''}: its pages are the ones it was made from`,
          );
          continue;
        }
        const changes = kept && current ? pageChanges(kept, current) : undefined;
        if (kept && changes) {
          await restoreBundle(cacheDir, cacheName, out);
          const changed = new Set(changes.changed);
          recent.pages.push(...partPages.filter((page) => changed.has(page.url)));
          recent.hidden.push(...changes.hidden);
          Object.assign(recent.earlier, changes.earlier);
          logger.info(
            `kept the ${lang} search bundle${i ? `'s ${folders[i]}` : ''} made before ${changes.changed.length + changes.gone.length} of its pages changed`,
          );
          continue;
        }
        // Without a key of the pages yet, indexing reads them and keys them as it goes.
        const key = current ?? (cacheDir ? await BundleKey.start(lockfile, layout) : undefined);
        const entry = i === 0 && parts.length > 1 ? { parts: folders.slice(1) } : {};
        const indexed = await indexPart(lang, partPages, out, current ? undefined : key, entry);
        await pruneBundle(out);
        if (key) await keepBundle(cacheDir, cacheName, key, out);
        logger.info(`indexed ${indexed} ${lang} pages into ${where}`);
      }
      if (recent.pages.length) {
        const where = `${bundleDir(lang)}${RECENT_FOLDER}`;
        const out = path.join(root, where);
        const indexed = await indexPart(lang, recent.pages, out, undefined, {});
        await pruneBundle(out);
        const ids = await resultIds(out);
        await addToEntry(out, {
          earlier: Object.fromEntries(
            Object.entries(recent.earlier).flatMap(([url, id]) => (ids[url] ? [[ids[url], id]] : [])),
          ),
        });
        written.push(out);
        logger.info(`indexed ${indexed} changed ${lang} pages into ${where}`);
      }
      if (recent.pages.length || recent.hidden.length)
        await addToEntry(langDir, (entry) => ({
          ...(recent.pages.length ? { parts: [...(entry.parts ?? []), RECENT_FOLDER], recent: RECENT_FOLDER } : {}),
          hidden: recent.hidden,
        }));
    }
    await shareRuntime(root, written);
  } finally {
    await pagefind.close();
  }
}

/**
 * A language's pages, in bytes, up to which the index is made while Astro makes the images. Beside
 * Astro's process, Pagefind's binary must not raise the build's peak: it held 62 MB for the real
 * notes' Chinese pages (7.1 MB, side-by-side pages included) but 1.4 GB at 1,000 notes a language.
 */
const BESIDE_ASTRO_MAX_BYTES = 16 * 1024 * 1024;

/**
 * Makes the index once the pages are written, while Astro makes the images, and keeps it as a
 * build keeps its bundles for the next (search-index-cache.ts); returns the pages it indexed, or
 * nothing when it left the index to the step after Astro. When a page was written since, that step
 * keeps each language whose pages are still the ones indexed and indexes any other again, so the
 * site never rests on when this ran. Real notes, four alternating builds each, from the start of the
 * images to the end: 3.4–4.0 s → 3.1–3.5 s (the images take about 0.6 s longer beside it).
 */
export async function indexBesideAstro(
  options: SearchIndexOptions,
  logger: StepLogger,
  maxBytes = BESIDE_ASTRO_MAX_BYTES,
): Promise<Map<string, BuiltPage[]> | undefined> {
  try {
    const byLanguage = await pagesByLanguage(options.root);
    for (const [lang, pages] of byLanguage) {
      const bytes = pages.reduce((sum, page) => sum + page.bytes, 0);
      if (bytes > maxBytes) {
        logger.info(`the search index waits for Astro: the ${lang} pages hold ${(bytes / 1048576).toFixed(1)} MB`);
        return undefined;
      }
    }
    logger.info('indexing search while Astro makes the images');
    await indexPages(byLanguage, options, logger);
    return byLanguage;
  } catch (error) {
    logger.info(`indexing search beside Astro stopped (${String(error)}); it is indexed after Astro instead`);
    return undefined;
  }
}

/**
 * The search index as an integration: after Astro has written the site (after-astro.ts), and
 * before that, while Astro makes the images, when the pages are written and the site is small.
 */
export function searchIndex(): AstroIntegration {
  let cacheDir = '';
  let lockfile = '';
  let outDir = '';
  const partBytes = partBytesFrom(process.env);
  let besideAstro: Promise<Map<string, BuiltPage[]> | undefined> | undefined;
  let stopListening = () => {};
  return {
    name: 'notes-search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
        lockfile = fileURLToPath(new URL('package-lock.json', config.root));
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': ({ logger }) => {
        // Made early, a bundle is kept in the cache folder for the step after Astro to find.
        if (!cacheDir) return;
        stopListening = onPagesWritten(() => {
          besideAstro = indexBesideAstro({ root: outDir, cacheDir, lockfile, partBytes }, logger);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        stopListening();
        const root = fileURLToPath(dir);
        const indexed = await besideAstro;
        if (indexed && samePages(indexed, await pagesByLanguage(root))) {
          logger.info('the search index made while Astro made the images stands: no page was written since');
          return;
        }
        await afterAstro(import.meta.url, writeSearchIndex, { root, cacheDir, lockfile, partBytes }, logger);
      },
    },
  };
}
