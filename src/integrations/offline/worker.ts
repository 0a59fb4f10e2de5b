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
 * script's process took about 0.3 s of each build, more than the bundling. What the worker
 * learns of the build is added after (withBuildData), so the bundling need not wait for it.
 */
export async function bundleWorker(entry: string): Promise<string> {
  const { outputFiles } = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'warning',
    // Serwist's development logging is left out by this.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  });
  const script = outputFiles?.[0]?.text;
  if (!script) throw new Error(`bundling the service worker ${entry} gave no script`);
  return script;
}

/** A bundled worker with `data` as a global of the script's own, `name` (declared in the worker's source). */
export function withBuildData(script: string, name: string, data: unknown): string {
  return `var ${name}=${JSON.stringify(data)};\n${script}`;
}
