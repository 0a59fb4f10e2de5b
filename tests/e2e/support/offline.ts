import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { untilInCaches } from '../../../scripts/lib/browser';
import type { OfflineManifest } from '../../../src/lib/offline/manifest';
import { PAGE_SIZE } from '../../../src/lib/search/engine';

/** Waits until the offline reader's worker controls the page (it claims the page it was registered from). */
export async function untilControlled(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Every URL (path and query) in the site's caches, by cache name. */
export function cachedUrls(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const out: Record<string, string[]> = {};
    for (const name of await caches.keys()) {
      out[name] = (await (await caches.open(name)).keys()).map((r) => {
        const url = new URL(r.url);
        return url.pathname + url.search;
      });
    }
    return out;
  });
}

/** Waits until some cache holds `sitePath` (the worker keeps what a page loaded in the background). */
export const untilCached = (page: Page, sitePath: string) => untilInCaches(page, sitePath);

/**
 * Pagefind's hashed files the page fetched: whether a worker controlled the request, where its
 * static routes sent it (`cache`, or an empty string for the fetch handler) and where it was
 * answered from at last.
 */
export function searchFileSources(
  page: Page,
): Promise<{ url: string; controlled: boolean; matched: string; final: string }[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((e) => /\/pagefind\/.*\.pf_\w+$/.test(e.name))
      .map((e) => {
        const routed = e as PerformanceResourceTiming & {
          workerMatchedSourceType?: string;
          workerFinalSourceType?: string;
        };
        return {
          url: e.name,
          controlled: routed.workerStart > 0,
          matched: routed.workerMatchedSourceType ?? '',
          final: routed.workerFinalSourceType ?? '',
        };
      }),
  );
}

/** The build's list of what saving a language downloads. */
export function offlineManifest(dist: string, lang: string): OfflineManifest {
  return JSON.parse(fs.readFileSync(path.join(dist, 'offline', `${lang}.json`), 'utf8')) as OfflineManifest;
}

/** What a search shows: its status line (with the count) and the result links, in order. */
export async function searchResults(page: Page, query: string): Promise<{ status: string; urls: string[] }> {
  const dialog = page.locator('#search-dialog');
  if (!(await dialog.evaluate((d) => (d as HTMLDialogElement).open))) await page.keyboard.press('/');
  await page.locator('#search-input').fill(query);
  // The status keeps the last query's count until this one's results are in.
  await page.waitForFunction(() =>
    ['results', 'empty'].includes(document.getElementById('search-dialog')?.dataset['state'] ?? ''),
  );
  const status = page.locator('[data-search-status]');
  await status.filter({ hasText: query }).waitFor();
  // The first page: the dialog loads more as the end of the list comes into view, which varies.
  const urls = await page
    .locator('.search__result')
    .evaluateAll((links, first) => links.slice(0, first).map((a) => (a as HTMLElement).dataset['url']!), PAGE_SIZE);
  return { status: (await status.textContent()) ?? '', urls };
}
