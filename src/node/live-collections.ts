import type { DataStore } from 'astro/loaders';
import { threadShared } from '../lib/thread-shared';

/**
 * `astro dev` only: the collections as the content layer holds them in memory. An edited note is
 * there as soon as its loader has rendered it; Astro writes the whole store to
 * .astro/data-store.json only after a fixed half-second debounce, and the next page then reads all
 * of it back (about 7 MB for our notes), so a page read from here shows an edit about a second
 * sooner. A build never registers a store: pages read `getCollection` as before.
 *
 * The loaders (run by the content layer), the dev server's integration and the pages (run by Vite's
 * module runner in the same process) each load this file through their own module graph, so they
 * meet through threadShared.
 */
interface LiveCollections {
  stores: Map<string, DataStore>;
  /** Changes since the server started; memos made at an older version are stale. */
  version: number;
  /** Set by the dev server's integration: clears route caches and reloads open pages. */
  announce?: (() => void) | undefined;
  announcing: boolean;
}

const live = threadShared<LiveCollections>('live-collections', () => ({
  stores: new Map(),
  version: 0,
  announcing: false,
}));

function changed(): void {
  live.version++;
  // One announcement for the entries a save touches (a lesson and its stored outline, say).
  if (live.announcing || !live.announce) return;
  live.announcing = true;
  setImmediate(() => {
    live.announcing = false;
    live.announce?.();
  });
}

/**
 * Registers a dev loader's store under its collection and returns it with its writes announced.
 * Unchanged entries (`set` returning false) announce nothing.
 */
export function shareLiveStore(collection: string, store: DataStore): DataStore {
  live.stores.set(collection, store);
  return {
    ...store,
    set: (entry) => {
      const stored = store.set(entry);
      if (stored) changed();
      return stored;
    },
    delete: (id) => {
      store.delete(id);
      changed();
    },
    clear: () => {
      store.clear();
      changed();
    },
  };
}

/** The dev server's way to make pages show a change: see `liveContent`. */
export function onLiveChange(announce: () => void): void {
  live.announce = announce;
}

/**
 * A collection's entries as the dev server holds them now, or undefined in a build (and for an entry
 * with image fields, which `getCollection` must resolve).
 */
export function liveEntries(collection: string): ReturnType<DataStore['values']> | undefined {
  const entries = live.stores.get(collection)?.values();
  return entries?.some((e) => e.imageImports?.length) ? undefined : entries;
}

/**
 * Memoises `make` for a build, and in dev until the next change to a collection: what is worked
 * out from the notes is worked out once per version of them.
 */
export function perContentVersion<T>(make: () => T): () => T {
  let made: { version: number; value: T } | undefined;
  return () => {
    if (made?.version !== live.version) made = { version: live.version, value: make() };
    return made.value;
  };
}
