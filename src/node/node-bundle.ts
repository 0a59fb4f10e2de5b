import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BuildOptions, Plugin } from 'esbuild';

/**
 * Project TypeScript bundled by esbuild into one ES module that Node imports as it is, for code
 * that would otherwise go through a TypeScript loader file by file: the render threads' Markdown
 * pipeline (src/markdown/workers/pipeline-bundle.ts) and the Astro config of `npm run build`
 * (scripts/build.ts). esbuild is the compiler tsx itself uses, so the code runs as transformed
 * the same way. Packages stay imports, resolved by Node from where the bundle is kept.
 */
export const nodeBundle = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  packages: 'external',
  write: false,
  logLevel: 'silent',
} as const satisfies BuildOptions;

/**
 * Each project file keeps its own `import.meta.url` (and `dirname`, `filename`) in a bundle: the
 * config and integrations find files beside their sources and name their module to the build
 * script (src/integrations/after-astro.ts), as when they are loaded one by one.
 */
export const ownImportMeta: Plugin = {
  name: 'own-import-meta',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?[jt]s$/ }, async ({ path: file }) => {
      if (file.split(path.sep).includes('node_modules')) return undefined;
      const contents = (await fs.promises.readFile(file, 'utf8'))
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(file).href))
        .replaceAll('import.meta.dirname', JSON.stringify(path.dirname(file)))
        .replaceAll('import.meta.filename', JSON.stringify(file));
      return { contents, loader: /\.[cm]?ts$/.test(file) ? 'ts' : 'js' };
    });
  },
};

/** A bundle of earlier code a build might still be starting from. */
const STALE_MS = 60 * 60 * 1000;

/**
 * Keeps a bundle under node_modules/.cache/`folder`/ (where Node resolves its package imports as
 * from src/), named by its content: builds of different code never share one, and the same code
 * is written once. Bundles of earlier code are removed after an hour.
 */
export function keepBundle(root: URL, folder: string, code: string): URL {
  const dir = fileURLToPath(new URL(`node_modules/.cache/${folder}/`, root));
  const file = path.join(dir, `${createHash('sha1').update(code).digest('hex').slice(0, 12)}.mjs`);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    // Written aside and renamed: a build reading it at the same moment sees all of it or none.
    const partial = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(partial, code);
    fs.renameSync(partial, file);
    for (const name of fs.readdirSync(dir)) {
      const other = path.join(dir, name);
      const stat = other === file ? undefined : fs.statSync(other, { throwIfNoEntry: false });
      if (stat && Date.now() - stat.mtimeMs > STALE_MS) fs.rmSync(other, { force: true });
    }
  }
  return pathToFileURL(file);
}
