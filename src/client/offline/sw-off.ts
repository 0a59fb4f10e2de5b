/// <reference lib="webworker" />
/**
 * The worker a build with the offline reader turned off (`OFFLINE=0`) ships at the same address:
 * a reader whose browser still runs an earlier build's worker gets this one on the next visit. It
 * takes over at once, deletes every cache of the site and unregisters itself, and has no fetch
 * handler, so from then on every request goes to the live site.
 */
import { isSiteCache } from '../../lib/offline/caches';

declare const self: ServiceWorkerGlobalScope;

self.addEventListener('install', () => void self.skipWaiting());

self.addEventListener('activate', (event) => {
  const base = new URL(self.registration.scope).pathname;
  event.waitUntil(
    (async () => {
      const keys = await caches.keys();
      await Promise.all(keys.filter((k) => isSiteCache(base, k)).map((k) => caches.delete(k)));
      await self.registration.unregister();
    })(),
  );
});
