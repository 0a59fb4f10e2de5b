import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { afterAstro, type FoundWhileAstroRan, type StepLogger } from '../after-astro';
import { t } from '../../i18n/ui';
import { offlineManifestUrl, offlinePageUrl } from '../../lib/offline/caches';
import { WORKER_FILE } from '../../lib/offline/config';
import type { OfflineManifest } from '../../lib/offline/manifest';
import { locales } from '../../lib/locales';
import { bundleRoot } from '../../lib/search/bundles';
import { normalizeBase } from '../../lib/urls';
import { writeAppManifests, writeIcons } from './app-manifest';
import { buildId } from './build-id';
import { stampBuildName } from './page-stamp';
import { languageManifest, SiteFiles } from './site-files';
import { TransferSizes } from './transfer-sizes';
import { bundleWorker, withBuildData, workerSource } from './worker';

export { buildId };

/**
 * What every reader's worker keeps from the start: the offline pages and what they load, and no
 * page of the notes. Hashed files get no revision, so Serwist takes them from the browser's HTTP
 * cache when the page just loaded them; Pagefind's runtime is left to the first search.
 */
function precacheList(files: SiteFiles): { url: string; revision: string | null }[] {
  const urls = files.closure(locales.map((l) => offlinePageUrl(files.base, l)));
  return urls
    .filter((url) => !url.startsWith(`${files.base}${bundleRoot}`))
    .map((url) => ({
      url,
      revision: url.startsWith(`${files.base}_astro/`) ? null : files.describe(url)!.rev,
    }));
}

/** What the offline reader needs to know of the build: plain data, so it may run after Astro's process. */
export interface OfflineReaderOptions extends FoundWhileAstroRan {
  enabled: boolean;
  mark: string;
  root: string;
  base: string;
  cacheDir: string;
}

/**
 * Writes the offline reader's files into the built site (see offlineReader), after the search index:
 * saving a language includes its bundle.
 */
export async function writeOfflineReader(
  { enabled, mark, root, base, cacheDir, buildName }: OfflineReaderOptions,
  logger: StepLogger,
): Promise<void> {
  // The icons (sharp, on Node's thread pool) and the worker's bundling (esbuild's own process) go
  // on while the build is named and the manifests are made here. Each is awaited where it is used,
  // and a failure is thrown there (the empty handlers only keep it from counting as unhandled
  // before then).
  const icons = enabled ? writeIcons(root, mark) : undefined;
  const script = bundleWorker(enabled ? workerSource.reader : workerSource.off);
  for (const started of [icons, script]) started?.catch(() => {});
  // Named by the build script while Astro ran (after-astro.ts), otherwise now; never when the
  // config is read: the dev server never needs it, and hashing every note there delayed its first page.
  const build = buildName ?? buildId();
  await stampBuildName(root, build);
  if (!enabled) {
    await fs.writeFile(path.join(root, WORKER_FILE), await script);
    logger.info(`offline reader off: ${WORKER_FILE} removes an earlier build's worker and caches`);
    return;
  }
  await icons;
  await writeAppManifests(root, base, locales);
  const sizes = TransferSizes.load(cacheDir);
  const files = new SiteFiles(root, base, sizes);
  const offlinePages = new Set(locales.map((l) => offlinePageUrl(base, l)));
  await fs.mkdir(path.join(root, 'offline'), { recursive: true });
  for (const lang of locales) {
    const manifest: OfflineManifest = languageManifest(files, lang, build, t(lang, 'site.title'), offlinePages);
    const file = path.join(root, offlineManifestUrl(base, lang).slice(base.length));
    await fs.writeFile(file, JSON.stringify(manifest));
    logger.info(
      `offline: saving ${lang} downloads ${manifest.files.length} files, ${(manifest.transfer / 1048576).toFixed(1)} MB (${(manifest.bytes / 1048576).toFixed(1)} MB stored)`,
    );
  }
  sizes.save();
  const precache = precacheList(files);
  const worker = withBuildData(await script, '__OFFLINE__', { base, build, langs: locales, precache });
  await fs.writeFile(path.join(root, WORKER_FILE), worker);
  logger.info(`offline: ${WORKER_FILE} for build ${build}, ${precache.length} files precached`);
}

/**
 * The offline reader (README, "Reading offline"): after Astro and the search index have written
 * the site, writes the app manifests and icons, each language's list of what saving it
 * downloads (`offline/<lang>.json`) and the service worker `sw.js`. With `enabled: false`
 * (`OFFLINE=0`) it writes only a worker that removes itself and its caches. The build's id is
 * written into the pages first (page-stamp.ts: Pagefind's `metaCacheTag`).
 */
export function offlineReader(options: { enabled: boolean; mark: string }): AstroIntegration {
  let base = '/';
  let cacheDir = '';
  return {
    name: 'notes-offline-reader',
    hooks: {
      'astro:config:setup': ({ config }) => {
        base = normalizeBase(config.base);
      },
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:done': ({ dir, logger }) =>
        afterAstro(
          import.meta.url,
          writeOfflineReader,
          { ...options, root: fileURLToPath(dir), base, cacheDir },
          logger,
        ),
    },
  };
}
