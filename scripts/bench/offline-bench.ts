import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import type { OfflineManifest } from '../../src/lib/offline/manifest';
import { untilInCaches } from '../lib/browser';
import type { StaticServer } from '../lib/serve';

export interface SavedLanguage {
  lang: string;
  pages: number;
  files: number;
  /** What saving downloads (gzip for text, as GitHub Pages sends it) and what the device keeps. */
  transferBytes: number;
  storedBytes: number;
}

export interface FirstVisit {
  url: string;
  /** gzip bytes of everything a first visit fetched, worker and its precache included once it settles. */
  withoutReader: { requests: number; gzip: number };
  withReader: { requests: number; gzip: number };
  extraGzip: number;
  budgetGzip: number;
}

/** What saving each language weighs, from the lists the build wrote (offline/<lang>.json). */
export function savedLanguages(dist: string): SavedLanguage[] {
  const dir = path.join(dist, 'offline');
  return fs
    .readdirSync(dir)
    .filter((f) => /^[a-z]+\.json$/.test(f))
    .sort()
    .map((f) => {
      const m = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as OfflineManifest;
      return {
        lang: m.lang,
        pages: m.pages.length,
        files: m.files.length,
        transferBytes: m.transfer,
        storedBytes: m.bytes,
      };
    });
}

/**
 * Loads a page in a fresh context and adds up, gzip-compressed, everything the server sent until
 * the page is idle — and, with the reader, until its worker controls the page and has kept it.
 */
export async function firstVisit(
  browser: Browser,
  server: StaticServer,
  dist: string,
  base: string,
  pagePath: string,
  waitForWorker: boolean,
): Promise<{ requests: number; gzip: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const before = server.served.length;
  try {
    const page = await context.newPage();
    await page.goto(`${server.origin}${base}${pagePath}`, { waitUntil: 'networkidle' });
    if (waitForWorker) {
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      await untilInCaches(page, page.url());
      await page.waitForLoadState('networkidle');
    }
  } finally {
    await context.close();
  }
  const sent = server.served.slice(before);
  const gzip = sent.reduce((n, s) => {
    let rel = decodeURIComponent(s.path.slice(base.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    return n + gzipSync(fs.readFileSync(path.join(dist, rel)), { level: 9 }).length;
  }, 0);
  return { requests: sent.length, gzip };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const mb = (n: number) => `${(n / 1048576).toFixed(2)} MB`;

export function formatOfflineFigures(saved: SavedLanguage[], visit: FirstVisit): string {
  return [
    ...saved.map(
      (s) =>
        `  saving ${s.lang}: ${s.pages} pages, ${s.files} files, ${mb(s.transferBytes)} to download, ${mb(s.storedBytes)} kept on the device`,
    ),
    `  first visit to ${visit.url}: ${kb(visit.withoutReader.gzip)} in ${visit.withoutReader.requests} requests with OFFLINE=0, ${kb(visit.withReader.gzip)} in ${visit.withReader.requests} with the reader`,
    `  budget: the reader adds ${kb(visit.extraGzip)} of ${kb(visit.budgetGzip)} ${visit.extraGzip <= visit.budgetGzip ? '(within)' : '(OVER)'}`,
  ].join('\n');
}
