/**
 * The search's language bundles: Pagefind's runtime and each language's index, loaded once per
 * language for the dialog (search-ui.ts), and what a first query needs fetched ahead at idle.
 */
import type { PagefindLike, SearchBundle } from '../lib/search/engine';
import { UNSTAMPED } from '../lib/offline/config';
import { entryAddress, setupFiles, type BundleEntry } from '../lib/search/bundles';
import { withFragmentReader } from './pagefind-fragments';

/** What the search uses of Pagefind's module. */
interface PagefindRuntime {
  createInstance(options: {
    basePath: string;
    noWorker: boolean;
    metaCacheTag?: string;
  }): PagefindLike & { init(): Promise<void> };
}

const bundles = new Map<string, Promise<SearchBundle>>();

/**
 * Loads one language's Pagefind bundle with the one runtime file, imported once per language
 * (`pagefind.js?zh`): each import is a module of its own, and Pagefind keeps its WebAssembly in
 * module state, so two languages in one module would share one search core. Each language keeps
 * its own query processing (English stemming). Search runs on the page: Pagefind would start its
 * worker from the bundle's folder, and the runtime is shipped once, beside the bundles.
 */
export function languageBundle(
  lang: string,
  basePath: string,
  runtimeUrl: string,
  metaCacheTag: string,
): Promise<SearchBundle> {
  let pending = bundles.get(lang);
  if (!pending) {
    const runtime = import(/* @vite-ignore */ `${runtimeUrl}?${lang}`) as Promise<PagefindRuntime>;
    // The entry Pagefind reads also names the bundle's common characters, which Pagefind does not
    // hand on: read beside it, from the same address (the idle fetch's copy, or the worker's).
    const entry = metaCacheTag ? readEntry(basePath, metaCacheTag) : undefined;
    pending = runtime.then(async (pf) => {
      // Pagefind asks for its entry file with `?ts=<tag>`: the build's id, so the offline reader's
      // caches answer a page with its own build's index (without a tag Pagefind sends the time).
      const instance = pf.createInstance({ basePath, noWorker: true, ...(metaCacheTag ? { metaCacheTag } : {}) });
      await instance.init();
      return {
        lang,
        pagefind: withFragmentReader(instance, basePath),
        commonCharacters: (await entry)?.commonCharacters,
      };
    });
    bundles.set(lang, pending);
    // A bundle that could not load (offline, index not saved) is tried again on the next query.
    pending.catch(() => bundles.delete(lang));
  }
  return pending;
}

/** A bundle's entry, or nothing when it cannot be read: search then scores a phrase by all its characters. */
async function readEntry(basePath: string, tag: string): Promise<BundleEntry | undefined> {
  try {
    const response = await fetch(entryAddress(basePath, tag));
    return response.ok ? ((await response.json()) as BundleEntry) : undefined;
  } catch {
    return undefined;
  }
}

/** The language bundles the dialog names (page language first), Pagefind's runtime and the build's tag. */
export function bundleSources(dialog: HTMLDialogElement) {
  const sources = (dialog.dataset['bundles'] ?? '')
    .split(' ')
    .filter(Boolean)
    .map((pair) => {
      const i = pair.indexOf('=');
      return { lang: pair.slice(0, i), basePath: pair.slice(i + 1) };
    });
  // Left unstamped by the dev server, which builds no index.
  const tag = dialog.dataset['metaCacheTag'];
  return { sources, runtimeUrl: dialog.dataset['runtime'] ?? '', cacheTag: tag === UNSTAMPED ? '' : (tag ?? '') };
}

/**
 * Fetches what the page language's first search needs before it can look up a word (Pagefind's
 * runtime, the bundle's entry, WebAssembly and metadata) at the addresses Pagefind asks for them,
 * without running any of it: the reader's page does no work for a search they may never make, and
 * a first query no longer waits on four requests in turn, wherever the host lets the browser keep
 * files (GitHub Pages: ten minutes).
 */
export async function prefetch(dialog: HTMLDialogElement): Promise<void> {
  const { sources, runtimeUrl, cacheTag } = bundleSources(dialog);
  const page = sources[0];
  // Without the build's tag (the dev server) Pagefind asks for its entry at a new address each time.
  if (!page || !cacheTag || bundles.has(page.lang)) return;
  const hint = (rel: 'modulepreload' | 'prefetch', href: string) =>
    document.head.append(Object.assign(document.createElement('link'), { rel, href }));
  hint('modulepreload', `${runtimeUrl}?${page.lang}`);
  const entry = await readEntry(page.basePath, cacheTag);
  if (!entry) return;
  for (const language of Object.values(entry.languages))
    for (const file of setupFiles(page.basePath, language)) hint('prefetch', file);
}
