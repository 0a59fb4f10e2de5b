import fs from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { pageLanguage } from '../../src/integrations/built-pages';
import { indexedText } from './indexed-text';
import type { QueryOutcome } from './search-quality';

export interface IndexedPage {
  url: string;
  lang: string;
  text: string;
}

/** Every searchable page of a built site with the text its search index holds. */
export async function indexedPages(dist: string, base: string): Promise<IndexedPage[]> {
  const entries = await fs.readdir(dist, { recursive: true, withFileTypes: true });
  const pages: IndexedPage[] = [];
  for (const e of entries.filter((x) => x.isFile() && x.name.endsWith('.html'))) {
    const file = path.join(e.parentPath, e.name);
    const html = await fs.readFile(file, 'utf8');
    if (!html.includes('data-pagefind-body')) continue;
    const lang = pageLanguage(html) ?? '';
    const rel = path
      .relative(dist, file)
      .split(path.sep)
      .join('/')
      .replace(/index\.html$/, '');
    pages.push({ url: `${base}${rel}`, lang, text: indexedText(html) });
  }
  return pages.sort((a, b) => a.url.localeCompare(b.url));
}

export interface ProbeResult extends QueryOutcome {
  /** Milliseconds from the keystroke to the results being painted. */
  ms: number;
  /** Files fetched for this query (until the network went quiet), when a server log was given. */
  requests?: number;
  bytes?: number;
}

/** Waits until the server has answered nothing new for `quietMs`. */
async function settled(served: { bytes: number }[], quietMs = 150): Promise<void> {
  for (let seen = -1; seen !== served.length;) {
    seen = served.length;
    await new Promise((r) => setTimeout(r, quietMs));
  }
}

/**
 * Types each term into the real search dialog of a page and reads the result URLs in order, the
 * way a reader would see them. Timing runs in the page: from the input event to the next frame
 * after the results are rendered.
 */
export async function probeSearch(
  browser: Browser,
  startUrl: string,
  queries: { term: string; truth: string[] }[],
  options: { both?: boolean; served?: { path: string; bytes: number }[]; allResults?: boolean } = {},
): Promise<ProbeResult[]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  // A reader opens search some time after the page has loaded, not in the same millisecond.
  await page.goto(startUrl, { waitUntil: 'networkidle' });
  await page.keyboard.press('/');
  // Polled on a timer: by default Playwright polls at animation frames, which a page among many
  // on a busy machine may not be given for seconds (a 30 s wait here timed out once in the tests).
  await page.waitForFunction(
    () => (document.getElementById('search-dialog') as HTMLDialogElement | null)?.open === true,
    undefined,
    { polling: 50 },
  );
  if (options.both) await page.check('[data-search-both]');
  const results: ProbeResult[] = [];
  // The first query is typed right after the dialog opens, as a reader would: its figures
  // include loading the search code and index.
  const served = options.served;
  for (const q of queries) {
    const before = served?.length ?? 0;
    const outcome = await page.evaluate(
      async ({ term, all }) => {
        const dialog = document.getElementById('search-dialog')!;
        const input = document.getElementById('search-input') as HTMLInputElement;
        const done = new Promise<void>((resolve) => {
          const observer = new MutationObserver(() => {
            if (['results', 'empty', 'error'].includes(dialog.getAttribute('data-state') ?? '')) {
              observer.disconnect();
              resolve();
            }
          });
          observer.observe(dialog, { attributes: true, attributeFilter: ['data-state'] });
        });
        const t0 = performance.now();
        input.value = term;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await done;
        await new Promise((r) => requestAnimationFrame(() => r(null)));
        const ms = performance.now() - t0;
        // Results come a page at a time; for measuring quality, ask for every page.
        for (let more = dialog.querySelector<HTMLButtonElement>('[data-search-more]'); all && more?.isConnected;) {
          const shown = dialog.querySelectorAll('.search__result').length;
          more.click();
          while (more.isConnected && dialog.querySelectorAll('.search__result').length === shown)
            await new Promise((r) => setTimeout(r, 10));
        }
        const urls = [...dialog.querySelectorAll<HTMLAnchorElement>('.search__result')].map(
          (a) => a.dataset['url'] ?? '',
        );
        return { ms, urls, state: dialog.getAttribute('data-state') };
      },
      { term: q.term, all: options.allResults ?? true },
    );
    if (outcome.state === 'error') throw new Error(`search failed for "${q.term}"`);
    const result: ProbeResult = { term: q.term, truth: q.truth, returned: outcome.urls, ms: outcome.ms };
    if (served) {
      await settled(served);
      const fetched = served.slice(before);
      result.requests = fetched.length;
      result.bytes = fetched.reduce((sum, f) => sum + f.bytes, 0);
    }
    results.push(result);
  }
  await context.close();
  return results;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
