// The heap cap of `astro build`, shared by scripts/with-node.mjs (every `npm run build`) and the
// scale bench's measured builds. Plain JavaScript: with-node.mjs must run on Node 18.
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
