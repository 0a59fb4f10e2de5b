/**
 * The reader's saved copies: one per language, downloaded by the page into a cache named by
 * language and build (lib/offline/caches.ts), which the worker then reads. Downloading from the
 * page, not the worker, keeps progress and cancelling simple, and stops when the reader leaves.
 */
import {
  offlineManifestUrl,
  parseSavedCacheName,
  SAVE_HEADER,
  SAVED_COPIES_CHANGED,
  savedCacheName,
  savedRecordUrl,
  type SavedCacheRef,
} from '../../lib/offline/caches';
import { planUpdate, type OfflineFile, type OfflineManifest, type SavedRecord } from '../../lib/offline/manifest';

export interface SavedCopy {
  ref: SavedCacheRef;
  record: SavedRecord;
}

/** Whether this browser can keep a copy and serve it offline. */
export const canSave = () => 'serviceWorker' in navigator && 'caches' in window;

/** The build's list of what saving `lang` downloads, always from the network: it says which build is live. */
export async function fetchManifest(base: string, lang: string): Promise<OfflineManifest> {
  const response = await fetch(offlineManifestUrl(base, lang), { cache: 'no-cache', headers: { [SAVE_HEADER]: '1' } });
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
  return (await response.json()) as OfflineManifest;
}

/** The complete saved copy of a language, if any (a copy still downloading has no record yet). */
export async function savedCopy(base: string, lang: string): Promise<SavedCopy | undefined> {
  for (const name of await caches.keys()) {
    const ref = parseSavedCacheName(base, name);
    if (ref?.lang !== lang) continue;
    const found = await (await caches.open(name)).match(savedRecordUrl(base, lang));
    if (found) return { ref, record: (await found.json()) as SavedRecord };
  }
  return undefined;
}

/** Deletes every cache of a language's saved copy, complete or not, except `keep`. */
async function dropCopies(base: string, lang: string, keep?: string): Promise<void> {
  for (const name of await caches.keys()) {
    if (parseSavedCacheName(base, name)?.lang === lang && name !== keep) await caches.delete(name);
  }
}

/** The worker keeps a listing of the saved copies for a few seconds (sw.ts): it lists them again now. */
const tellWorker = () => navigator.serviceWorker?.controller?.postMessage({ type: SAVED_COPIES_CHANGED });

export const removeCopy = (base: string, lang: string) => dropCopies(base, lang).finally(tellWorker);

export interface SaveOptions {
  signal?: AbortSignal;
  /** Bytes (over the wire) done and to do. */
  onProgress?: (done: number, total: number) => void;
}

/** Pages and Pagefind's entry file change without changing their names; hashed files never do. */
const mayBeStale = (url: string) => !/\/_astro\/|\.pf_\w+$/.test(url);

async function download(file: OfflineFile, cache: Cache, signal?: AbortSignal): Promise<void> {
  const response = await fetch(file.url, {
    headers: { [SAVE_HEADER]: '1' },
    cache: mayBeStale(file.url) ? 'no-cache' : 'default',
    ...(signal ? { signal } : {}),
  });
  if (!response.ok) throw new Error(`${response.status} ${file.url}`);
  // A response that followed a redirect cannot answer a navigation; keep its body under its own address.
  const body = response.redirected
    ? new Response(await response.blob(), { status: 200, headers: response.headers })
    : response;
  await cache.put(file.url, body);
}

/**
 * Saves, or brings up to date, the copy of one language from a build's manifest: files the old
 * copy holds unchanged are copied across, the rest downloaded a few at a time. The new copy gets
 * its record last, then replaces the old one, so files and pages the build dropped leave with it.
 * A failed or cancelled save leaves the old copy as it was and nothing of the new one.
 */
export async function saveCopy(
  base: string,
  manifest: OfflineManifest,
  options: SaveOptions = {},
): Promise<SavedRecord> {
  const { signal, onProgress } = options;
  const old = await savedCopy(base, manifest.lang);
  const name = savedCacheName(base, manifest.lang, manifest.build);
  const fresh = old?.ref.name !== name;
  const cache = await caches.open(name);
  const plan = planUpdate(old?.record.files ?? [], manifest.files);
  const total = plan.download.reduce((n, f) => n + f.transfer, 0);
  let done = 0;
  onProgress?.(done, total);
  try {
    if (fresh && old) {
      const from = await caches.open(old.ref.name);
      for (const f of plan.keep) {
        const hit = await from.match(f.url);
        if (hit) await cache.put(f.url, hit);
        else plan.download.push(f);
      }
    }
    const queue = [...plan.download];
    const worker = async () => {
      for (let f = queue.shift(); f; f = queue.shift()) {
        signal?.throwIfAborted();
        await download(f, cache, signal);
        done += f.transfer;
        onProgress?.(done, total);
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    const record: SavedRecord = {
      build: manifest.build,
      lang: manifest.lang,
      savedAt: new Date().toISOString(),
      bytes: manifest.bytes,
      pages: manifest.pages,
      files: manifest.files.map((f) => ({ url: f.url, rev: f.rev })),
    };
    await cache.put(savedRecordUrl(base, manifest.lang), new Response(JSON.stringify(record)));
    await dropCopies(base, manifest.lang, name);
    return record;
  } catch (error) {
    if (fresh) await caches.delete(name);
    throw error;
  } finally {
    tellWorker();
  }
}

/** Asks the browser not to evict saved copies when space runs low (it may say no). */
export function keepStorage(): void {
  void navigator.storage?.persist?.().catch(() => false);
}

/**
 * Brings every saved copy up to the live build (the reader accepted a new version): returns how
 * many were updated. A language that cannot be fetched now keeps its copy as it was.
 */
export async function updateCopies(base: string, onProgress?: (done: number, total: number) => void): Promise<number> {
  let updated = 0;
  for (const name of await caches.keys()) {
    const ref = parseSavedCacheName(base, name);
    if (!ref) continue;
    const copy = await savedCopy(base, ref.lang);
    if (!copy || copy.ref.name !== name) continue;
    try {
      const manifest = await fetchManifest(base, ref.lang);
      if (manifest.build === copy.record.build) continue;
      await saveCopy(base, manifest, onProgress ? { onProgress } : {});
      updated++;
    } catch {
      // Offline again, or the deploy is half done: the old copy still reads as it did.
    }
  }
  return updated;
}
