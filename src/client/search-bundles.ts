/**
 * The search's language bundles: Pagefind's runtime and each language's index (one bundle, or
 * several parts for a large language), loaded once per language for the dialog (search-ui.ts),
 * and what a first query needs fetched ahead at idle.
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

const languages = new Map<string, Promise<SearchBundle[]>>();

/**
 * Loads one Pagefind bundle with the one runtime file, imported once per bundle
 * (`pagefind.js?zh`, `?zh/part-1/`): each import is a module of its own, and Pagefind keeps its
 * WebAssembly in module state, so two bundles in one module would share one search core. Each
 * language keeps its own query processing (English stemming). Search runs on the page: Pagefind
 * would start its worker from the bundle's folder, and the runtime is shipped once, beside the
 * bundles. The entry Pagefind reads also says what search reads besides (`entry`).
 */
async function loadBundle(
  lang: string,
  basePath: string,
  runtime: Promise<PagefindRuntime>,
  metaCacheTag: string,
  entry: Promise<BundleEntry | undefined>,
): Promise<SearchBundle> {
  // Pagefind asks for its entry file with `?ts=<tag>`: the build's id, so the offline reader's
  // caches answer a page with its own build's index (without a tag Pagefind sends the time).
  const instance = (await runtime).createInstance({
    basePath,
    noWorker: true,
    ...(metaCacheTag ? { metaCacheTag } : {}),
  });
  await instance.init();
  const { commonCharacters, earlier } = (await entry) ?? {};
  return {
    lang,
    pagefind: withFragmentReader(instance, basePath),
    commonCharacters,
    earlier: earlier ? new Map(Object.entries(earlier)) : undefined,
  };
}

const importRuntime = (runtimeUrl: string, module: string) =>
  import(/* @vite-ignore */ `${runtimeUrl}?${module}`) as Promise<PagefindRuntime>;

/** The runtime module's name for a part after the first (`pagefind.js?zh/part-1/`). */
const partModule = (lang: string, folder: string) => `${lang}/${folder}`;

/**
 * Loads one language's bundles, once: its first part at `basePath`, and the other parts its entry
 * names (search-parts.ts), which start loading as soon as the entry is read. The entry is read
 * beside Pagefind, from the address Pagefind reads it at (the idle fetch's copy, or the worker's).
 */
export function languageBundles(
  lang: string,
  basePath: string,
  runtimeUrl: string,
  metaCacheTag: string,
): Promise<SearchBundle[]> {
  let pending = languages.get(lang);
  if (!pending) {
    const read = (path: string) => (metaCacheTag ? readEntry(path, metaCacheTag) : Promise.resolve(undefined));
    const entry = read(basePath);
    const first = loadBundle(lang, basePath, importRuntime(runtimeUrl, lang), metaCacheTag, entry);
    const others = entry.then((e) =>
      Promise.all(
        (e?.parts ?? []).map((folder) =>
          loadBundle(
            lang,
            basePath + folder,
            importRuntime(runtimeUrl, partModule(lang, folder)),
            metaCacheTag,
            read(basePath + folder),
          ),
        ),
      ),
    );
    // A rebuild's recent bundle holds the newer versions of the pages the others must leave out.
    pending = Promise.all([first, others, entry]).then(([bundle, rest, e]) => {
      const hidden = e?.hidden?.length ? new Set(e.hidden) : undefined;
      if (!hidden) return [bundle, ...rest];
      const folders = e?.parts ?? [];
      return [bundle, ...rest].map((b, i) => (i > 0 && folders[i - 1] === e?.recent ? b : { ...b, hidden }));
    });
    languages.set(lang, pending);
    // A bundle that could not load (offline, index not saved) is tried again on the next query.
    pending.catch(() => languages.delete(lang));
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
  if (!page || !cacheTag || languages.has(page.lang)) return;
  const hint = (rel: 'modulepreload' | 'prefetch', href: string) =>
    document.head.append(Object.assign(document.createElement('link'), { rel, href }));
  const setUp = async (basePath: string, module: string) => {
    hint('modulepreload', `${runtimeUrl}?${module}`);
    const entry = await readEntry(basePath, cacheTag);
    for (const language of Object.values(entry?.languages ?? {}))
      for (const file of setupFiles(basePath, language)) hint('prefetch', file);
    return entry;
  };
  const entry = await setUp(page.basePath, page.lang);
  await Promise.all((entry?.parts ?? []).map((folder) => setUp(page.basePath + folder, partModule(page.lang, folder))));
}
