import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { onTestFinished } from 'vitest';
import { pagesWritten } from '../../src/integrations/pages-written';
import { searchIndex } from '../../src/integrations/search-index';

// A small built site and the search-index integration run on it as a build runs it.

/** A folder of its own for the test under way, removed when it ends. */
export function tempFolder(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A built site of a few pages in each language (`count`), one of them without content to index. */
export function writeSite(count = 6): string {
  const dist = tempFolder('search-index-');
  const page = (lang: string, body: string) =>
    `<!DOCTYPE html><html lang="${lang}"><head><title>t</title></head><body><dialog data-meta-cache-tag="000000000000"></dialog><main data-pagefind-body>${body}</main></body></html>`;
  for (let i = 0; i < count; i++) {
    fs.mkdirSync(path.join(dist, 'zh', String(i)), { recursive: true });
    fs.mkdirSync(path.join(dist, 'en', String(i)), { recursive: true });
    fs.writeFileSync(
      path.join(dist, 'zh', String(i), 'index.html'),
      page('zh-CN', `<h2>第${i}节</h2><p>梯度下降与学习率 ${i}</p>`),
    );
    fs.writeFileSync(
      path.join(dist, 'en', String(i), 'index.html'),
      page('en', `<h2>Part ${i}</h2><p>gradient descent ${i}</p>`),
    );
  }
  fs.writeFileSync(path.join(dist, '404.html'), '<!DOCTYPE html><html lang="en"><body><p>Not found</p></body></html>');
  return dist;
}

/** Every file of the written bundles, by path. */
export function bundles(dist: string): Record<string, string> {
  const dir = path.join(dist, 'pagefind');
  return Object.fromEntries(
    fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [
        path.relative(dir, path.join(e.parentPath, e.name)),
        fs.readFileSync(path.join(e.parentPath, e.name)).toString('base64'),
      ]),
  );
}

type Hook = (o: unknown) => Promise<void> | void;

/**
 * Runs the integration as a build does; with `cacheDir`, as a build that keeps last build's
 * bundles there. `imagesMade` builds as a site with images to make, which says when its pages are
 * written (pages-written.ts).
 */
export async function index(
  dist: string,
  cacheDir?: string,
  { imagesMade = false, whileImagesAreMade = async (_said: string[]) => {} } = {},
): Promise<string[]> {
  const said: string[] = [];
  const logger = { info: (m: string) => said.push(m) };
  const { hooks } = searchIndex();
  if (cacheDir) {
    const config = { cacheDir: pathToFileURL(`${cacheDir}/`), root: pathToFileURL(`${dist}/`) };
    await (hooks['astro:config:done'] as Hook)({ config: { ...config, outDir: pathToFileURL(`${dist}/`) } });
  }
  await (hooks['astro:build:start'] as Hook)({ logger });
  if (imagesMade) pagesWritten();
  if (imagesMade) await whileImagesAreMade(said);
  await (hooks['astro:build:done'] as Hook)({ dir: pathToFileURL(`${dist}/`), logger });
  return said;
}

export const cacheFolder = () => tempFolder('search-cache-');
