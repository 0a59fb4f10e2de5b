import path from 'node:path';
import { gzipSync } from 'node:zlib';
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import type { StaticServer } from '../lib/serve';

export interface PageWeight {
  url: string;
  requests: number;
  /** Raw and gzip-compressed bytes by kind, for everything the page loads before interaction. */
  html: { raw: number; gzip: number };
  css: { raw: number; gzip: number };
  js: { raw: number; gzip: number };
  fonts: { raw: number; gzip: number };
  images: { raw: number; gzip: number };
  /** Whether any KaTeX stylesheet or font was fetched. */
  katexLoaded: boolean;
  /**
   * What search fetches once the page is loaded and idle (src/client/search-triggers.ts): its code,
   * Pagefind's runtime, the language's WebAssembly and metadata. Not part of the figures above;
   * `transfer` counts text gzip-compressed and Pagefind's own files (compressed already) as they are.
   */
  searchAtIdle: { requests: number; transfer: number };
}

/** Files only search fetches: its code, and anything of a Pagefind bundle. */
const isSearchFile = (p: string) => p.includes('/pagefind/') || /\/search-ui\.[^/]*\.js$/.test(p);

const kindOf = (p: string): keyof Pick<PageWeight, 'html' | 'css' | 'js' | 'fonts' | 'images'> | undefined => {
  if (p.endsWith('/') || p.endsWith('.html')) return 'html';
  if (p.endsWith('.css')) return 'css';
  if (p.endsWith('.js') || p.endsWith('.mjs')) return 'js';
  if (/\.(woff2?|ttf|otf)$/.test(p)) return 'fonts';
  if (/\.(svg|png|jpe?g|gif|webp|avif)$/.test(p)) return 'images';
  return undefined;
};

/**
 * Loads a page in Chromium, waits until the network is idle, and adds up what the server sent,
 * search's files fetched at idle apart, compressing each file with gzip as GitHub Pages would.
 */
export async function measurePage(
  browser: Browser,
  server: StaticServer,
  dist: string,
  base: string,
  pagePath: string,
): Promise<PageWeight> {
  // Workers blocked: what the offline reader's worker fetches after load is not the page's own
  // weight (the offline bench counts it); its registration script still is.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const before = server.served.length;
  await page.goto(`${server.origin}${base}${pagePath}`, { waitUntil: 'networkidle' });
  await page.evaluate(() => document.fonts.ready);
  await context.close();
  const weight: PageWeight = {
    url: `${base}${pagePath}`,
    requests: 0,
    html: { raw: 0, gzip: 0 },
    css: { raw: 0, gzip: 0 },
    js: { raw: 0, gzip: 0 },
    fonts: { raw: 0, gzip: 0 },
    images: { raw: 0, gzip: 0 },
    katexLoaded: false,
    searchAtIdle: { requests: 0, transfer: 0 },
  };
  for (const s of server.served.slice(before)) {
    if (isSearchFile(s.path)) {
      const body = fs.readFileSync(path.join(dist, decodeURIComponent(s.path.slice(base.length))));
      weight.searchAtIdle.requests++;
      weight.searchAtIdle.transfer += s.path.endsWith('.js') ? gzipSync(body, { level: 9 }).length : body.length;
      continue;
    }
    weight.requests++;
    if (/katex/i.test(s.path)) weight.katexLoaded = true;
    const kind = kindOf(s.path);
    if (!kind) continue;
    let rel = decodeURIComponent(s.path.slice(base.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const body = fs.readFileSync(path.join(dist, rel));
    weight[kind].raw += body.length;
    weight[kind].gzip += gzipSync(body, { level: 9 }).length;
  }
  return weight;
}
