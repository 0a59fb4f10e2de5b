import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';

/**
 * What a render thread runs (thread-pipeline.ts: the site's Markdown pipeline, src/markdown/config.ts,
 * and the source files it imports) as one JavaScript module, for the threads to import without a
 * TypeScript loader. Loaded through tsx instead, each thread spent about 0.8 s of CPU transpiling these files and passing every
 * import of Shiki, micromark and KaTeX through tsx's hooks; bundling them once takes about 60 ms.
 * esbuild is the compiler tsx itself uses, so the code the threads run is transformed the same way.
 *
 * Packages stay imports (`packages: 'external'`), so the module is written inside the project,
 * under node_modules/.cache/, where Node resolves them as it would from src/. The file is named by
 * its content: builds of different code never share one, and the same code is written once.
 */
export function bundledPipeline(root: URL): URL {
  const entry = fileURLToPath(new URL('src/markdown/workers/thread-pipeline.ts', root));
  const { outputFiles } = buildSync({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    write: false,
    logLevel: 'silent',
  });
  const code = outputFiles[0]!.text;
  const dir = fileURLToPath(new URL('node_modules/.cache/notes-render/', root));
  const file = path.join(dir, `pipeline-${createHash('sha1').update(code).digest('hex').slice(0, 12)}.mjs`);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    // Written aside and renamed: a build reading it at the same moment sees all of it or none.
    const partial = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(partial, code);
    fs.renameSync(partial, file);
    removeStale(dir, file);
  }
  return pathToFileURL(file);
}

/** An older pipeline a build might still be starting its threads from. */
const STALE_MS = 60 * 60 * 1000;

/** Pipelines of earlier code: one is written each time the Markdown code changes. */
function removeStale(dir: string, keep: string): void {
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    if (file === keep || !name.startsWith('pipeline-')) continue;
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat && Date.now() - stat.mtimeMs > STALE_MS) fs.rmSync(file, { force: true });
  }
}
