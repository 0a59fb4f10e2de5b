import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launch } from '../../../scripts/lib/browser';
import { serveDist, type StaticServer } from '../../../scripts/lib/serve';
import { buildSite } from './build';

/** The site as `npm test` builds it: under /fastai-notes/, into dist-e2e. */
export const e2eDist = path.resolve('dist-e2e');
export const e2eBase = '/fastai-notes/';
/** The environment of that build, as package.json's build:e2e sets it (REPO_URL turns on edit links). */
export const e2eEnv = { BASE_PATH: e2eBase, SITE_URL: 'https://example.github.io', REPO_URL: 'https://github.com/example/fastai-notes' };

export interface BuiltSite {
  readonly server: StaticServer;
  readonly browser: Browser;
  /** Absolute URL of a path under the base. */
  url(p: string): string;
}

/** Serves dist-e2e on loopback and opens Chromium for the tests of one file. */
export function useBuiltSite(): BuiltSite {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    buildSite(e2eDist, e2eEnv, { reuse: true });
    server = await serveDist(e2eDist, e2eBase);
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
    url: (p: string) => `${server?.origin}${e2eBase}${p.replace(/^\//, '')}`,
  };
}
