import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { OfflineFile, OfflineManifest, OfflinePage } from '../../lib/offline/manifest';
import { sumFiles } from '../../lib/offline/manifest';
import { isPagePath, pageTitle, referencedPaths } from '../../lib/offline/references';
import { BUNDLE_ENTRY, bundleDir, entryAddress, pagefindRuntime } from '../../lib/search/bundles';
import type { TransferSizes } from './transfer-sizes';

/** Text a static host compresses on the way; images, fonts and Pagefind's files are compressed already. */
const COMPRESSED_BY_HOST = /\.(html|css|m?js|svg|json|ico|webmanifest)$/i;

/** Reads files of one build by site path (base included), once each. */
export class SiteFiles {
  readonly #cache = new Map<string, OfflineFile | null>();
  /** @param sizes Sizes text files take over the wire (gzip), kept from the last build. */
  constructor(
    readonly root: string,
    readonly base: string,
    readonly sizes: TransferSizes,
  ) {}

  /** The file a site path is served from, or undefined when the build has none. */
  fileOf(sitePath: string): string | undefined {
    if (!sitePath.startsWith(this.base)) return undefined;
    let rel = sitePath.slice(this.base.length).split(/[?#]/)[0]!;
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.join(this.root, rel);
    return file.startsWith(this.root) && fs.statSync(file, { throwIfNoEntry: false })?.isFile() ? file : undefined;
  }

  text(sitePath: string): string {
    return fs.readFileSync(this.fileOf(sitePath)!, 'utf8');
  }

  /** Size, estimated transfer and content hash of a site path; undefined when it is not in the build. */
  describe(sitePath: string): OfflineFile | undefined {
    if (!this.#cache.has(sitePath)) this.#read(sitePath);
    return this.#cache.get(sitePath) ?? undefined;
  }

  /** Reads a file once to describe it, and hands back its bytes for the caller's other uses. */
  #read(sitePath: string): Buffer | undefined {
    const file = this.fileOf(sitePath);
    if (!file) {
      this.#cache.set(sitePath, null);
      return undefined;
    }
    const body = fs.readFileSync(file);
    this.#cache.set(sitePath, {
      url: sitePath,
      bytes: body.length,
      transfer: !COMPRESSED_BY_HOST.test(file) ? body.length : this.sizes.gzipSize(body),
      rev: createHash('sha1').update(body).digest('hex').slice(0, 12),
    });
    return body;
  }

  /**
   * `start` and everything it loads, transitively: a page's styles, scripts and images, the
   * chunks its scripts import and the fonts its styles name. Each file is read once; `onPage`
   * gets each page's text as it is read.
   */
  closure(start: readonly string[], onPage?: (sitePath: string, html: string) => void): string[] {
    const seen = new Set<string>();
    const queue = [...start];
    while (queue.length) {
      const next = queue.shift()!;
      if (seen.has(next)) continue;
      const body = this.#cache.has(next) ? undefined : this.#read(next);
      if (!this.#cache.get(next)) continue;
      seen.add(next);
      if (!isPagePath(next) && !/\.(css|m?js)$/.test(next)) continue;
      const text = body ? body.toString('utf8') : this.text(next);
      if (isPagePath(next)) onPage?.(next, text);
      queue.push(...referencedPaths(text, next, this.base));
    }
    return [...seen];
  }

  /** Site paths of the pages under a folder (`zh/`), each a folder with its index.html. */
  pagesUnder(folder: string): string[] {
    const dir = path.join(this.root, folder);
    if (!fs.existsSync(dir)) return [];
    return fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name === 'index.html')
      .map((e) => {
        const rel = path.relative(this.root, e.parentPath).split(path.sep).join('/');
        return `${this.base}${rel}/`;
      })
      .sort();
  }

  /** Every file under a folder of the build, as site paths. */
  filesUnder(folder: string): string[] {
    const dir = path.join(this.root, folder);
    if (!fs.existsSync(dir)) return [];
    return fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => `${this.base}${path.relative(this.root, path.join(e.parentPath, e.name)).split(path.sep).join('/')}`)
      .sort();
  }
}

/**
 * What saving one language downloads: every page under `/<lang>/` (but the offline page, which
 * every reader's worker keeps anyway, and the side-by-side views) and the landing page, what those pages load, and the
 * language's search bundle with the one Pagefind runtime. Pagefind asks for its entry file with
 * `?ts=<metaCacheTag>`, so it is listed under that address: the saved copy then answers exactly
 * the request its own pages make, and never another build's.
 */
export function languageManifest(
  files: SiteFiles,
  lang: string,
  build: string,
  siteTitle: string,
  exclude: ReadonlySet<string>,
): OfflineManifest {
  // Side-by-side pages repeat both languages' text (a third of the download): left to the network.
  const pageUrls = [files.base, ...files.pagesUnder(lang)].filter((p) => !exclude.has(p) && !/\/parallel\/$/.test(p));
  const titles = new Map<string, string>();
  const loaded = files.closure(pageUrls, (url, html) => titles.set(url, ownCopy(pageTitle(html, siteTitle))));
  // Every page listed is in the build, so the closure read each one.
  const pages: OfflinePage[] = pageUrls.map((url) => ({ url, title: titles.get(url) ?? '' }));
  const search = files
    .filesUnder(bundleDir(lang))
    .map((p) => (p.endsWith(`/${BUNDLE_ENTRY}`) ? entryAddress(p.slice(0, -BUNDLE_ENTRY.length), build) : p));
  const urls = [...loaded, files.base + pagefindRuntime, ...search];
  const described = [...new Set(urls)].flatMap((url) => {
    const file = files.describe(url.split('?')[0]!);
    return file ? [{ ...file, url }] : [];
  });
  return { build, lang, pages, files: described, ...sumFiles(described) };
}

/**
 * A string that holds only its own characters. V8 keeps a piece cut from a long string as a view
 * of it, so a title cut from a page's HTML kept the whole page in memory while the manifest lived:
 * 200 MB of pages at a thousand notes, the build's largest step.
 */
export function ownCopy(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}
