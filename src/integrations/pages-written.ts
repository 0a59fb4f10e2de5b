import { threadShared } from '../lib/thread-shared';

/**
 * The moment a build has written every page: Astro makes the build's images only after its pages
 * (astro/dist/core/build/generate.js), and the build's image service (image-service.ts) says so on
 * its first transform. A step that needs only the pages, the search index, starts then, while
 * Astro makes its images, instead of after Astro's process. A build without images to make never
 * says so; its steps run after Astro as before.
 *
 * The listeners are shared by every copy of this module (lib/thread-shared.ts): Vite bundles the
 * image service apart from the config and integrations that listen.
 */
const listening = () => threadShared('pages-written', () => ({ listeners: [] as (() => void)[] }));

/**
 * Calls `listener` once the build has written its pages (build only: the dev server never does).
 * Returns what stops listening, for a build that ends without saying so.
 */
export function onPagesWritten(listener: () => void): () => void {
  const state = listening();
  state.listeners.push(listener);
  return () => {
    state.listeners = state.listeners.filter((l) => l !== listener);
  };
}

/** Says the pages are written: each listener is called once, on the first call. */
export function pagesWritten(): void {
  const state = listening();
  const { listeners } = state;
  state.listeners = [];
  for (const listener of listeners) listener();
}
