import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launch } from '../../../scripts/lib/browser';
import { serveDist, type StaticServer } from '../../../scripts/lib/serve';
import { E2E_BASE, E2E_DIST } from './constants';

/** Older names of the test site's folder and base path, kept for the tests that import them. */
export { E2E_BASE as e2eBase, E2E_DIST as e2eDist, e2eBuildEnv as e2eEnv } from './constants';

export interface BuiltSite {
  readonly server: StaticServer;
  readonly browser: Browser;
  /** Absolute URL of a path under the base: `site.url('en/lessons/lesson-1/')`. */
  url(p: string): string;
}

/**
 * For an e2e test file: serves the test site (built once per run by global-setup.ts) on loopback
 * and opens Chromium before the file's tests, and closes both after them.
 *
 * @example
 * const site = useBuiltSite();
 * it('…', async () => { const page = await (await site.browser.newContext()).newPage(); await page.goto(site.url('zh/')); });
 */
export function useBuiltSite(): BuiltSite {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (!inject('e2eBuiltAt'))
      throw new Error(
        'the test site was not built in this run: run this file in the e2e project (vitest run --project e2e)',
      );
    server = await serveDist(E2E_DIST, E2E_BASE);
    browser = await launch();
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
      if (!browser) throw new Error('the browser is not open yet');
      return browser;
    },
    url: (p: string) => `${server?.origin}${E2E_BASE}${p.replace(/^\//, '')}`,
  };
}
