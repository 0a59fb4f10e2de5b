import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** The worker's sources, browser code like the rest of src/client/. */
export const workerSource = {
  reader: fileURLToPath(new URL('../../client/offline/sw.ts', import.meta.url)),
  off: fileURLToPath(new URL('../../client/offline/sw-off.ts', import.meta.url)),
};

/**
 * Bundles a worker into one classic script (every browser with service workers runs those; module
 * workers are newer) with esbuild, which also bundles the config and the render threads' pipeline
 * for Node (src/node/node-bundle.ts). Vite did it before: loading Vite into the build
 * script's process took about 0.3 s of each build, more than the bundling. `define` replaces names
 * in the source, e.g. the worker's build and precache list.
 */
export async function bundleWorker(entry: string, define: Record<string, unknown> = {}): Promise<string> {
  const { outputFiles } = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'warning',
    define: {
      // Serwist's development logging is left out by this.
      'process.env.NODE_ENV': JSON.stringify('production'),
      ...Object.fromEntries(Object.entries(define).map(([k, v]) => [k, JSON.stringify(v)])),
    },
  });
  const script = outputFiles?.[0]?.text;
  if (!script) throw new Error(`bundling the service worker ${entry} gave no script`);
  return script;
}
