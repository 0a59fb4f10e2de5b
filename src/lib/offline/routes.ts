/**
 * The offline reader's static routes (the Service Worker Static Routing API): requests the browser
 * answers from Cache Storage, or else the network, without starting the worker's script.
 *
 * Search asks for a few index chunks, then a few page texts, for every query. Through the worker's
 * fetch handler each of those took about 12 ms on a local server (median of 279, a thousand notes
 * a language), routed about 7 ms, and without any worker about 5 ms. A worker the browser stopped
 * while the reader read would first have to start again. Only Pagefind's hashed files are routed:
 * their names change with their content, so any cache that has one (this build's runtime cache or
 * a saved copy from any build) has the right bytes, and a saved language is still never fetched
 * again. Its entry file (`?ts=` the build), runtime and WebAssembly keep their names from build to
 * build and stay with the fetch handler, which answers them from this build's caches.
 *
 * A routed file that no cache had comes from the network and bypasses the worker, so the page hands
 * it over afterwards (client/offline/keep-routed.ts) and search still answers offline with what it
 * used. Browsers without static routing send every request to the fetch handler, as before.
 */
import { bundleRoot } from '../search/bundles';

/** A rule as `InstallEvent.addRoutes` takes it (the part used here). */
export interface StaticRoute {
  condition: { urlPattern: { pathname: string } };
  source: 'cache';
}

/** A site path as a URLPattern pathname: its pattern syntax characters escaped. */
const literalPathPattern = (path: string) => path.replace(/[:*?+(){}\\]/g, '\\$&');

/**
 * @example searchFileRoutes('/fastai-notes/') // [{ condition: { urlPattern: { pathname: '/fastai-notes/pagefind/*.pf_*' } }, source: 'cache' }]
 */
export function searchFileRoutes(base: string): StaticRoute[] {
  return [
    { condition: { urlPattern: { pathname: `${literalPathPattern(`${base}${bundleRoot}`)}*.pf_*` } }, source: 'cache' },
  ];
}
