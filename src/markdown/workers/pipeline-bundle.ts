import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { keepBundle, nodeBundle } from '../../node/node-bundle';

/**
 * What a render thread runs (thread-pipeline.ts: the site's Markdown pipeline, src/markdown/config.ts,
 * and the source files it imports) as one JavaScript module, for the threads to import without a
 * TypeScript loader (src/node/node-bundle.ts). Loaded through tsx instead, each thread spent about
 * 0.8 s of CPU transpiling these files and passing every import of Shiki, micromark and KaTeX
 * through tsx's hooks; bundling them once takes about 60 ms.
 */
export function bundledPipeline(root: URL): URL {
  const entry = fileURLToPath(new URL('src/markdown/workers/thread-pipeline.ts', root));
  const { outputFiles } = buildSync({ ...nodeBundle, entryPoints: [entry] });
  return keepBundle(root, 'notes-render', outputFiles[0]!.text);
}
