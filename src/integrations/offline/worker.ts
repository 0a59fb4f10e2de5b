import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';

/** The worker's sources, browser code like the rest of src/client/. */
export const workerSource = {
  reader: fileURLToPath(new URL('../../client/offline/sw.ts', import.meta.url)),
  off: fileURLToPath(new URL('../../client/offline/sw-off.ts', import.meta.url)),
};

/**
 * Bundles a worker into one classic script (every browser with service workers runs those; module
 * workers are newer) with Vite, the bundler Astro already brings, so the worker needs no tool of
 * its own. `define` replaces names in the source, e.g. the worker's build and precache list.
 */
export async function bundleWorker(entry: string, define: Record<string, unknown> = {}): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    define: {
      // Serwist's development logging is left out by this.
      'process.env.NODE_ENV': JSON.stringify('production'),
      ...Object.fromEntries(Object.entries(define).map(([k, v]) => [k, JSON.stringify(v)])),
    },
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      emptyOutDir: false,
      copyPublicDir: false,
      lib: { entry, formats: ['iife'], name: 'offlineWorker', fileName: () => 'sw.js' },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunk = outputs.flatMap((o) => o.output).find((o): o is Rolldown.OutputChunk => o.type === 'chunk');
  if (!chunk) throw new Error(`bundling the service worker ${entry} gave no script`);
  return chunk.code;
}
