import type { Browser, BrowserContext, BrowserContextOptions, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { connect, watchedPage, type WatchedPage } from '../../../scripts/lib/browser';
import { serveDist, type StaticServer } from '../../../scripts/lib/serve';
import { E2E_BASE, E2E_DIST, MINI_DIST } from './constants';

/** Older names of the test site's folder and base path, kept for the tests that import them. */
export { E2E_BASE as e2eBase, E2E_DIST as e2eDist, e2eBuildEnv as e2eEnv } from './constants';

export interface BuiltSite {
  readonly server: StaticServer;
  readonly browser: Browser;
  /** Absolute URL of a path under the base: `site.url('en/lessons/lesson-1/')`. */
  url(p: string): string;
  /**
   * A watched page (see `watchedPage`) for one test, as on a first visit: opened in the file's
   * one context after the pages of earlier tests are closed and everything the site or the browser
   * kept for them (the site's storage, cookies, permissions, the HTTP cache) is cleared.
   * Service workers are blocked there, as in every context of `site.browser`. For tests that run
   * one after another; a test that needs the context itself (an init script for every page, a
   * phone's touch screen, the offline reader's worker, offline) opens its own with
   * `browser.newContext`.
   * A second call closes the first page: a test opens further pages beside it with
   * `page.context().newPage()`.
   */
  page(view?: PageView): Promise<WatchedPage>;
}

/** What a test's page emulates; a new page otherwise has Playwright's defaults (light, 1280 × 720). */
export interface PageView {
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
  /** Granted to the site for this test only (e.g. `clipboard-read`). */
  permissions?: string[];
}

/**
 * The file's one context for `site.page()`, with a page kept open on the site while the file runs.
 * Chromium starts a renderer for each context's first page; beside a kept page of the same site a
 * new page costs less than half as much CPU (a new page and two lesson loads: 0.64–0.80 CPU-s
 * against 1.6–1.85 s in a context of its own, on this 2-core machine), and the e2e files open over
 * a hundred pages.
 */
class SharedContext {
  private opened: Promise<{ context: BrowserContext; kept: Page; cdp: CDPSession }> | undefined;

  constructor(private readonly site: () => BuiltSite) {}

  private open() {
    return (this.opened ??= (async () => {
      // Without the offline reader's worker, as every context of `site.browser` (withoutWorkers).
      const context = await this.site().browser.newContext();
      const kept = await context.newPage();
      // A file with no script or style, on the site's origin.
      await kept.goto(this.site().url('robots.txt'));
      return { context, kept, cdp: await context.newCDPSession(kept) };
    })());
  }

  async page(view: PageView): Promise<WatchedPage> {
    const { context, kept, cdp } = await this.open();
    await Promise.all(
      context
        .pages()
        .filter((p) => p !== kept)
        .map((p) => p.close()),
    );
    const { origin } = this.site().server;
    await Promise.all([
      // Local storage, IndexedDB, Cache Storage, cookies (session storage is each new page's own).
      cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' }),
      cdp.send('Network.clearBrowserCache'),
      context.clearCookies(),
      context.clearPermissions(),
    ]);
    if (view.permissions) await context.grantPermissions(view.permissions, { origin });
    const watched = await watchedPage(context);
    if (view.viewport) await watched.page.setViewportSize(view.viewport);
    if (view.colorScheme) await watched.page.emulateMedia({ colorScheme: view.colorScheme });
    return watched;
  }
}

/**
 * The browser with the offline reader's service worker blocked in new contexts unless a test asks
 * for it (`serviceWorkers: 'allow'`): pages are tested as a first visit, and the worker, tested in
 * offline*.test.ts, would otherwise install and precache in each of the suite's hundreds of contexts.
 */
function withoutWorkers(browser: Browser): Browser {
  return new Proxy(browser, {
    get(target, prop) {
      if (prop === 'newContext' || prop === 'newPage')
        return (options: BrowserContextOptions = {}) => target[prop]({ serviceWorkers: 'block', ...options });
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * For an e2e test file: serves a built site on loopback and connects to the run's Chromium before
 * the file's tests; after them, closes the server and the file's contexts. A test opens its page
 * with `site.page()`, or a context of its own when it needs one (`site.browser.newContext()`).
 */
export function useSite(dist: string, base: string): BuiltSite {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  const shared = new SharedContext(() => site);
  beforeAll(async () => {
    if (!inject('e2eBuiltAt'))
      throw new Error(
        'the test sites were not built in this run: run this file in the e2e project (vitest run --project e2e)',
      );
    server = await serveDist(dist, base);
    browser = withoutWorkers(await connect(inject('browserEndpoint')));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const site: BuiltSite = {
    get server() {
      if (!server) throw new Error('the site is not served yet');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('the browser is not connected yet');
      return browser;
    },
    url: (p: string) => `${server?.origin}${base}${p.replace(/^\//, '')}`,
    page: (view = {}) => shared.page(view),
  };
  return site;
}

/**
 * The test site (our content under /fastai-notes/, built once per run by global-setup.ts).
 *
 * @example
 * const site = useBuiltSite();
 * it('…', async () => { const { page, errors } = await site.page(); await page.goto(site.url('zh/')); });
 */
export const useBuiltSite = (): BuiltSite => useSite(E2E_DIST, E2E_BASE);

/** The mini notes site at the root (see mini-site.ts). */
export const useMiniSite = (): BuiltSite => useSite(MINI_DIST, '/');
