/// <reference lib="webworker" />
/**
 * The offline reader's service worker, bundled with Serwist by the offline integration at the end
 * of the build (`sw.js` at the base path). It keeps what the reader opens, never a whole language
 * unasked:
 * - pages: network first, so a reader online always gets the live site, and the last copy offline;
 * - hashed assets (`_astro/`: styles, scripts, KaTeX fonts, figures), images and Pagefind's hashed
 *   chunks: cache first, as their names change with their content (the chunks by a static route
 *   where the browser has them, lib/offline/routes.ts);
 * - Pagefind's entry file is asked for with the build as `metaCacheTag`, so the index a page
 *   searches is always its own build's.
 * Every cache but the saved copies is named by the build and dropped when another build's worker
 * takes over. The reader's saved copies (downloaded by the page, see saved-copy.ts) answer any
 * request the runtime caches cannot; a page found nowhere gets the offline page of its language.
 */
import {
  CacheFirst,
  NetworkFirst,
  NetworkOnly,
  Serwist,
  setCacheNameDetails,
  type PrecacheEntry,
  type SerwistPlugin,
} from 'serwist';
import {
  isStaleRuntimeCache,
  offlinePageUrl,
  parseSavedCacheName,
  precacheId,
  runtimeCacheName,
  SAVE_HEADER,
  SAVED_COPIES_CHANGED,
  type RuntimeCache,
} from '../../lib/offline/caches';
import { searchFileRoutes, type StaticRoute } from '../../lib/offline/routes';
import { BUNDLE_ENTRY, bundleRoot } from '../../lib/search/bundles';

declare const self: ServiceWorkerGlobalScope;
/** Written by the offline integration (src/integrations/offline/worker.ts). */
declare const __OFFLINE__: { base: string; build: string; langs: string[]; precache: PrecacheEntry[] };
const { base, build, langs, precache } = __OFFLINE__;

const cacheName = (kind: RuntimeCache) => runtimeCacheName(base, kind, build);

const inScope = (url: URL) => url.origin === self.location.origin && url.pathname.startsWith(base);

/** Which runtime cache a site path belongs in. */
function kindOf(pathname: string): RuntimeCache {
  if (pathname.startsWith(`${base}_astro/`)) return 'assets';
  if (pathname.startsWith(`${base}${bundleRoot}`)) return 'search';
  if (/\.(png|jpe?g|gif|svg|webp|avif|ico)$/i.test(pathname)) return 'images';
  return 'pages';
}

/** How long a listing of the reader's saved copies is used before the caches are listed again. */
const SAVED_LISTING_MS = 3000;
let savedListing: { names: Promise<string[]>; at: number } | undefined;

/**
 * The reader's saved copies (whichever build each was saved from), listed again when a page says
 * it saved or removed one (saved-copy.ts), and at the latest after a few seconds: listing the
 * caches for each file a page fetched cost each of them time (three search fragments fetched at
 * once through the worker at a thousand notes: 11.4–15.6 ms, 9.8–13.4 ms listed once; 4.6 ms
 * without a worker), and most readers have no saved copy.
 */
function savedCaches(): Promise<string[]> {
  if (!savedListing || Date.now() - savedListing.at > SAVED_LISTING_MS)
    savedListing = {
      at: Date.now(),
      names: caches.keys().then((keys) => keys.filter((key) => parseSavedCacheName(base, key))),
    };
  return savedListing.names;
}

/** A request in the reader's saved copies. */
async function fromSaved(request: Request, options?: CacheQueryOptions): Promise<Response | undefined> {
  for (const name of await savedCaches()) {
    const hit = await (await caches.open(name)).match(request, options);
    if (hit) return hit;
  }
  return undefined;
}

/** After the runtime cache, the saved copies: an asset a saved language has is never fetched again. */
const savedCopies = (options?: CacheQueryOptions): SerwistPlugin => ({
  cachedResponseWillBeUsed: async ({ cachedResponse, request }) =>
    cachedResponse ?? (await fromSaved(request, options)) ?? null,
});

/** `/zh/…` answers with the Chinese offline page; the landing page and anything else with the first language's. */
function offlineLang(pathname: string): string {
  const first = pathname.slice(base.length).split('/')[0] ?? '';
  return langs.includes(first) ? first : langs[0]!;
}

const isDocument = (request: Request) => request.mode === 'navigate' || request.destination === 'document';

/**
 * Pages are asked for past the browser's HTTP cache (revalidated; GitHub Pages allows ten
 * minutes of reuse), so a reader online reads the live build, not the one cached before a deploy.
 * `redirect: 'manual'` as a navigation has: a followed redirect could not answer one.
 */
const revalidate: SerwistPlugin = {
  requestWillFetch: ({ request }) =>
    new Request(request.url, {
      cache: 'no-cache',
      credentials: 'same-origin',
      headers: request.headers,
      redirect: 'manual',
    }),
};

// Query strings on pages (`?highlight=…` from search) do not make another page.
const pageMatch: CacheQueryOptions = { ignoreSearch: true };
/**
 * Files are looked up by their whole address unless it has a query (`pagefind.js?zh`): a lookup
 * that ignores queries reads every entry of the cache (1,500 entries: 3.5 ms, against 0.1 ms),
 * and search keeps hundreds of them.
 */
const fileMatch = (url: URL): CacheQueryOptions | undefined => (url.search ? pageMatch : undefined);

// Before Serwist makes its precache strategy, which takes the cache name then; the name carries
// the base path like every other cache of the site, so a worker that removes itself finds it.
setCacheNameDetails({ prefix: precacheId(base) });

const serwist = new Serwist({
  precacheEntries: precache,
  precacheOptions: { cleanupOutdatedCaches: true },
  // A new build waits until the reader accepts it (the update notice), so one page never mixes builds.
  skipWaiting: false,
  // The first worker takes the page it was registered from, so that page is kept too.
  clientsClaim: true,
  // No navigation preload: its request would skip the revalidation pages get (see `revalidate`).
  navigationPreload: false,
  runtimeCaching: [
    {
      // The save control's own downloads go to the saved copy only.
      matcher: ({ request, url }) => inScope(url) && request.headers.has(SAVE_HEADER),
      handler: new NetworkOnly(),
    },
    {
      matcher: ({ url }) => inScope(url) && url.pathname.endsWith(`/${BUNDLE_ENTRY}`),
      handler: new NetworkFirst({ cacheName: cacheName('search'), plugins: [savedCopies()] }),
    },
    {
      // Queries do not change these files: the search dialog imports Pagefind's runtime as
      // `pagefind.js?zh` and `?en` to get one instance per language from the one file.
      matcher: ({ url }) => inScope(url) && ['assets', 'search', 'images'].includes(kindOf(url.pathname)),
      handler: ({ request, url, event }) => {
        const match = fileMatch(url);
        return new CacheFirst({
          cacheName: cacheName(kindOf(url.pathname)),
          ...(match ? { matchOptions: match } : {}),
          plugins: [savedCopies(match)],
        }).handle({ request, event });
      },
    },
    {
      matcher: ({ request, url }) => inScope(url) && isDocument(request),
      handler: new NetworkFirst({
        cacheName: cacheName('pages'),
        matchOptions: pageMatch,
        plugins: [revalidate, savedCopies(pageMatch)],
      }),
    },
    {
      matcher: ({ url }) => inScope(url),
      handler: new NetworkFirst({ cacheName: cacheName('pages'), plugins: [savedCopies()] }),
    },
  ],
  fallbacks: {
    entries: langs.map((lang) => ({
      url: offlinePageUrl(base, lang),
      matcher: ({ request }) => isDocument(request) && offlineLang(new URL(request.url).pathname) === lang,
    })),
  },
});

/**
 * Keeps what a page loaded before this worker controlled it (the first page a reader opens), from
 * the browser's HTTP cache where it still is, so keeping it costs no second download.
 */
async function keep(urls: string[]): Promise<void> {
  await Promise.all(
    urls.map(async (href) => {
      const url = new URL(href, self.location.href);
      if (!inScope(url) || url.pathname === `${base}sw.js`) return;
      url.hash = '';
      const cache = await caches.open(cacheName(kindOf(url.pathname)));
      if (await cache.match(url.href)) return;
      try {
        const response = await fetch(url.href, { cache: 'force-cache', credentials: 'same-origin' });
        if (response.ok && !response.redirected) await cache.put(url.href, response);
      } catch {
        // Offline already, or the file is gone: nothing to keep.
      }
    }),
  );
}

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const data = event.data as { type?: string; urls?: unknown } | null;
  if (data?.type === 'SKIP_WAITING') void self.skipWaiting();
  if (data?.type === SAVED_COPIES_CHANGED) savedListing = undefined;
  if (data?.type === 'KEEP' && Array.isArray(data.urls))
    event.waitUntil(keep(data.urls.filter((u): u is string => typeof u === 'string')));
});

/** Static routing, where the browser has it (Chromium 123 on); not yet in TypeScript's library. */
type RoutingInstallEvent = ExtendableEvent & { addRoutes?: (rules: StaticRoute[]) => Promise<void> };

self.addEventListener('install', (event: RoutingInstallEvent) => {
  // Rules the browser refuses leave every request with the fetch handler, as without the API.
  if (event.addRoutes) event.waitUntil(event.addRoutes(searchFileRoutes(base)).catch(() => {}));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => isStaleRuntimeCache(base, k, build)).map((k) => caches.delete(k))),
      ),
  );
});

serwist.addEventListeners();
