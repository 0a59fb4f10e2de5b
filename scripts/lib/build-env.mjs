// The environment `astro build` runs in, shared by scripts/with-node.mjs (every `npm run build`)
// and the scale bench's measured builds. Plain JavaScript: with-node.mjs must run on Node 18.
import fs from 'node:fs';
import path from 'node:path';

/**
 * NODE_OPTIONS with `--max-old-space-size` from package.json's `config.buildHeapMegabytes` added,
 * unless the options already set a cap (the reader's wins).
 * @param {string | undefined} options
 * @param {string} root the project folder, where package.json is
 * @returns {string}
 */
export function withBuildHeap(options, root) {
  if (/--max-old-space-size/.test(options ?? '')) return options ?? '';
  const megabytes = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).config?.buildHeapMegabytes;
  if (!Number.isInteger(megabytes))
    throw new Error('package.json config.buildHeapMegabytes must be a whole number of megabytes');
  return `${options ?? ''} --max-old-space-size=${megabytes}`.trim();
}

/**
 * The build's environment: `env` with the heap cap (withBuildHeap) and with the native memory
 * allocator returning what it frees at once. Vite's bundler (rolldown) and Astro's compiler are
 * Rust, with mimalloc, which by default keeps freed memory a while for reuse: the bundle step's
 * memory then stayed with the process to the end of the build. Returned at once
 * (`MIMALLOC_PURGE_DELAY=0`), a build of the real corpus peaked at 923–960 MB instead of
 * 1,178–1,199 MB, and one of 300 notes at 1,317–1,361 MB instead of 1,491 MB, in the same time.
 * A value the reader set is left alone.
 * @param {Record<string, string | undefined>} env
 * @param {string} root the project folder, where package.json is
 * @returns {Record<string, string | undefined>}
 */
export function buildEnv(env, root) {
  return {
    ...env,
    NODE_OPTIONS: withBuildHeap(env.NODE_OPTIONS, root),
    MIMALLOC_PURGE_DELAY: env.MIMALLOC_PURGE_DELAY ?? '0',
  };
}
