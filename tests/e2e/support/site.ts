import type { Browser, BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { connect } from '../../../scripts/lib/browser';
import { serveDist, type StaticServer } from '../../../scripts/lib/serve';
import { E2E_BASE, E2E_DIST, MINI_DIST } from './constants';

/** Older names of the test site's folder and base path, kept for the tests that import them. */
export { E2E_BASE as e2eBase, E2E_DIST as e2eDist, e2eBuildEnv as e2eEnv } from './constants';

export interface BuiltSite {
  readonly server: StaticServer;
  readonly browser: Browser;
  /** Absolute URL of a path under the base: `site.url('en/lessons/lesson-1/')`. */
  url(p: string): string;
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
 * the file's tests; after them, closes the server and the file's contexts. Open a new context per
 * test (`site.browser.newContext()`).
 */
export function useSite(dist: string, base: string): BuiltSite {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
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
  return {
    get server() {
      if (!server) throw new Error('the site is not served yet');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('the browser is not connected yet');
      return browser;
    },
    url: (p: string) => `${server?.origin}${base}${p.replace(/^\//, '')}`,
  };
}

/**
 * The test site (our content under /fastai-notes/, built once per run by global-setup.ts).
 *
 * @example
 * const site = useBuiltSite();
 * it('…', async () => { const page = await (await site.browser.newContext()).newPage(); await page.goto(site.url('zh/')); });
 */
export const useBuiltSite = (): BuiltSite => useSite(E2E_DIST, E2E_BASE);

/** The mini notes site at the root (see mini-site.ts). */
export const useMiniSite = (): BuiltSite => useSite(MINI_DIST, '/');
