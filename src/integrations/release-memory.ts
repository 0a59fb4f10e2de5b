import { createRequire } from 'node:module';
import path from 'node:path';
import type { AstroIntegration } from 'astro';

/**
 * What a build holds that it no longer needs, let go between its steps. At 1,000 notes this is the
 * difference between a process tree of 2.4 GB and one under 2 GB while Pagefind indexes.
 *
 * - After content sync, Astro's content layer keeps the store it synced (every note's rendered
 *   HTML: about 400 MB of heap at 1,000 notes) until the build ends, though pages read the store
 *   back from the file the sync wrote. Astro exports no way to drop it, so its singleton is taken
 *   from its own module; if an upgrade moves it, nothing is released and the build goes on (the
 *   unit test fails on such an upgrade).
 * - V8 keeps a heap at its high-water mark until a full collection, so with `--expose-gc` (which
 *   `npm run build` passes, scripts/lib/build-env.mjs) one is run once the pages are written:
 *   Pagefind's binary then starts beside a process of ~1.1 GB instead of ~1.5 GB.
 */

/** Astro's content-layer singleton, as `astro/dist/content/instance.js` exports it. */
export interface ContentLayerHolder {
  get(): object | null;
  dispose(): void;
}

/**
 * The module holding the content layer of this build's sync (not among Astro's public exports).
 * Loaded with `require`, which Node answers from the module instance Astro itself loaded: this
 * file runs inside the Vite runner that loads astro.config.ts, whose `import()` would evaluate a
 * second, empty copy.
 */
export function contentLayerHolder(): ContentLayerHolder | undefined {
  try {
    const require = createRequire(import.meta.url);
    const astro = path.dirname(require.resolve('astro/package.json'));
    const module = require(path.join(astro, 'dist/content/instance.js')) as {
      globalContentLayer?: Partial<ContentLayerHolder>;
    };
    const holder = module.globalContentLayer;
    return typeof holder?.get === 'function' && typeof holder.dispose === 'function'
      ? (holder as ContentLayerHolder)
      : undefined;
  } catch {
    return undefined;
  }
}

/** A full garbage collection, when the process was started with `--expose-gc`. */
function collect(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  return Boolean(gc);
}

const megabytes = (bytes: number) => Math.round(bytes / 1048576);

export function releaseBuildMemory(): AstroIntegration {
  return {
    name: 'fastai-notes:release-build-memory',
    hooks: {
      // After content sync, before Vite bundles the pages. Not collected here: the sync's peak
      // (its store write) is already past, and the bundle and the pages would only grow the heap
      // again; V8 reclaims the store when it next needs the room.
      'astro:build:start': ({ logger }) => {
        const holder = contentLayerHolder();
        // `get()` is null when this module is not the one Astro's sync used: nothing to release.
        const released = Boolean(holder?.get());
        if (released) holder!.dispose();
        logger.debug(`content store ${released ? 'released' : 'not found'}`);
      },
      // Listed before the search index: the pages' render is over, Pagefind is about to start.
      'astro:build:done': ({ logger }) => {
        const before = process.memoryUsage().heapUsed;
        if (collect()) logger.debug(`heap ${megabytes(before)} → ${megabytes(process.memoryUsage().heapUsed)} MB`);
      },
    },
  };
}
