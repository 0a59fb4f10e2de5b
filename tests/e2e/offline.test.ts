import { gzipSync } from 'node:zlib';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connect, launchPersistent } from '../../scripts/lib/browser';
import { t } from '../../src/i18n/ui';
import { formatBytes } from '../../src/lib/offline/manifest';
import { BUNDLE_ENTRY, type BundleEntry } from '../../src/lib/search/bundles';
import { E2E_BASE, E2E_DIST } from './support/constants';
import {
  cachedUrls,
  offlineManifest,
  searchFileSources,
  searchResults,
  untilCached,
  untilControlled,
} from './support/offline';
import { switchServer, type SwitchServer } from './support/switch-server';

/*
 * The offline reader on the test site under /fastai-notes/: reading without saving, saving a
 * language and reading it with the network off, the first visit's cost, installability. One
 * origin that can hold requests (to cancel a save while it runs) in front of dist-e2e.
 */
let server: SwitchServer;
let browser: Browser;
const base = E2E_BASE;
const url = (p: string) => `${server.origin}${base}${p}`;

beforeAll(async () => {
  if (!inject('e2eBuiltAt')) throw new Error('run this file in the e2e project (vitest run --project e2e)');
  server = await switchServer({ main: { dir: E2E_DIST, base } });
  browser = await connect(inject('browserEndpoint'));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function withContext<T>(run: (context: BrowserContext) => Promise<T>, options = {}): Promise<T> {
  const context = await browser.newContext(options);
  try {
    return await run(context);
  } finally {
    await context.close();
  }
}

/** How many bundles a language's search loads: its first part and those its entry names. */
function searchParts(lang: string): number {
  const entry = JSON.parse(fs.readFileSync(path.join(E2E_DIST, 'pagefind', lang, BUNDLE_ENTRY), 'utf8')) as BundleEntry;
  return 1 + (entry.parts?.length ?? 0);
}

/** Bytes the server sent since `from`, gzip-compressed as GitHub Pages sends text. */
function gzipBytesSince(from: number): number {
  return server
    .site('main')
    .served.slice(from)
    .reduce((sum, s) => {
      let rel = decodeURIComponent(s.path.slice(base.length));
      if (rel === '' || rel.endsWith('/')) rel += 'index.html';
      return sum + gzipSync(fs.readFileSync(path.join(E2E_DIST, rel))).length;
    }, 0);
}

describe('installing', () => {
  it('passes Chromium’s installability check, with a manifest from the site’s strings in each language', async () => {
    // Chromium checks installability in a profile only, not in the incognito contexts tests use.
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'offline-profile-'));
    const context = await launchPersistent(profile);
    try {
      const page = await context.newPage();
      await page.goto(url('zh/'));
      const cdp = await context.newCDPSession(page);
      const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
        installabilityErrors: { errorId: string }[];
      };
      expect(installabilityErrors).toEqual([]);
    } finally {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    }
    for (const lang of ['zh', 'en'] as const) {
      const manifest = JSON.parse(fs.readFileSync(path.join(E2E_DIST, `manifest.${lang}.webmanifest`), 'utf8')) as {
        name: string;
        start_url: string;
        scope: string;
        icons: { sizes: string }[];
      };
      expect(manifest.name).toBe(t(lang, 'site.title'));
      expect(manifest.start_url).toBe(`${base}${lang}/`);
      expect(manifest.scope).toBe(base);
      expect(manifest.icons.map((i) => i.sizes)).toEqual(['192x192', '512x512']);
    }
  });
});

describe('the first visit to a lesson', () => {
  it('costs at most 60 KB (gzip) more than without the reader, worker and offline pages included', async () => {
    const lesson = 'zh/lessons/lesson-1/';
    const visit = async (serviceWorkers: 'allow' | 'block') =>
      withContext(
        async (context) => {
          const from = server.site('main').served.length;
          const page = await context.newPage();
          await page.goto(url(lesson), { waitUntil: 'networkidle' });
          // Both visits count what search fetches ahead at idle (its runtime, WebAssembly and
          // metadata for each part): on a busy machine the idle callback can come after the
          // network has gone quiet once, and one visit then counted it and the other not.
          await page.waitForFunction(
            (parts) => document.querySelectorAll('link[rel="prefetch"][href*=".pf_meta"]').length >= parts,
            searchParts('zh'),
          );
          await page.waitForLoadState('networkidle');
          if (serviceWorkers === 'allow') {
            await untilControlled(page);
            await untilCached(page, `${base}${lesson}`);
            await page.waitForLoadState('networkidle');
          }
          return gzipBytesSince(from);
        },
        { serviceWorkers },
      );
    const without = await visit('block');
    const withReader = await visit('allow');
    expect(withReader).toBeGreaterThan(without);
    expect(withReader - without).toBeLessThanOrEqual(60 * 1024);
  });
});

describe('reading without saving anything', () => {
  it('opens a page opened once, shows the offline page for one never opened, and searches what was used', async () => {
    await withContext(async (context) => {
      const page = await context.newPage();
      await page.goto(url('zh/lessons/lesson-3/'));
      await untilControlled(page);
      await untilCached(page, `${base}zh/lessons/lesson-3/`);
      const title = await page.title();
      const online = await searchResults(page, '学习率');
      expect(online.urls.length).toBeGreaterThan(0);
      // Index files go past the worker's script (its static routes: any cache, else the network),
      // and the page hands it those that came from the network.
      const used = await searchFileSources(page);
      const controlled = used.filter((f) => f.controlled);
      expect(controlled.filter((f) => f.final === 'network').length).toBeGreaterThan(0);
      expect(controlled.filter((f) => f.matched !== 'cache')).toEqual([]);
      for (const file of used) await untilCached(page, file.url);

      await context.setOffline(true);
      await page.goto(url('zh/lessons/lesson-3/'));
      expect(await page.title()).toBe(title);
      expect(await page.locator('.katex').count()).toBeGreaterThan(0);
      // The index chunks that search used stay on the device.
      expect(await searchResults(page, '学习率')).toEqual(online);

      await page.goto(url('zh/lessons/lesson-4/'));
      await expect.poll(() => page.locator('h1').textContent()).toBe(t('zh', 'offline.heading'));
      expect(await page.locator('[data-offline-missed]').isVisible()).toBe(true);
      const listed = page.locator('[data-offline-list] a');
      await listed.first().waitFor();
      expect(await listed.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
        `${base}zh/lessons/lesson-3/`,
      ]);
      // A word whose index chunk was never fetched: the search says the index is not saved.
      await page.locator('#offline-query').fill('卷积');
      await page.locator('.offline__submit').click();
      await expect
        .poll(() => page.locator('[data-search-status]').textContent())
        .toBe(t('zh', 'offline.searchNotSaved'));
    });
  });

  it('keeps what a search used when the reader opens a result at once', async () => {
    await withContext(async (context) => {
      const page = await context.newPage();
      await page.goto(url('zh/lessons/lesson-2/'));
      await untilControlled(page);
      const online = await searchResults(page, '梯度');
      const used = (await searchFileSources(page)).filter((f) => f.final === 'network');
      expect(used.length).toBeGreaterThan(0);
      // Leaves within the pause after which the page hands the files over.
      const opened = page.locator('.search__result').first();
      const href = (await opened.getAttribute('href'))!;
      await opened.click();
      await page.waitForURL((u) => `${u.pathname}${u.search}` === href);
      for (const file of used) await untilCached(page, file.url);
      await context.setOffline(true);
      expect(await searchResults(page, '梯度')).toEqual(online);
    });
  });
});

describe('saving a language for offline reading', () => {
  const manifest = offlineManifest(E2E_DIST, 'zh');

  it('says what it will download and can be cancelled; saved, every Chinese page opens offline, with images, formulas and the same search results', async () => {
    await withContext(async (context) => {
      const page = await context.newPage();
      await page.goto(url('zh/lessons/'));
      await untilControlled(page);
      const queries = ['学习率', 'fit_one_cycle'];
      const online = [];
      for (const q of queries) online.push(await searchResults(page, q));
      await page.keyboard.press('Escape');

      const control = page.locator('offline-save');
      const save = control.locator('[data-save-action="save"]');
      const status = control.locator('[data-save-status]');
      await save.waitFor();
      expect(await status.textContent()).toContain(formatBytes(manifest.transfer, 'zh-CN'));
      expect(await status.textContent()).toContain(String(manifest.pages.length));
      // Cancelled while the search bundle's downloads are held: nothing is kept.
      const release = server.hold(/\/pagefind\/zh\//);
      try {
        await save.click();
        await control.locator('progress:not([hidden])').waitFor();
        await control.locator('[data-save-action="cancel"]').click();
      } finally {
        release();
      }
      await expect.poll(() => status.textContent()).toContain(t('zh', 'offline.cancelled'));
      expect(Object.keys(await cachedUrls(page)).filter((n) => n.includes(':saved:'))).toEqual([]);

      await save.click();
      await control.locator('[data-save-action="remove"]').waitFor();
      expect(await control.locator('[data-save-status]').textContent()).toContain(formatBytes(manifest.bytes, 'zh-CN'));

      await context.setOffline(true);
      const kinds = /\/zh\/(lessons|log|notes|notebooks)\/[^/]+\/$/;
      const entries = manifest.pages.filter((p) => kinds.test(p.url));
      expect(entries.length).toBeGreaterThan(20);
      const opened: Record<string, string> = {};
      // Each page's own document, from the saved copy; images and formulas are checked below.
      for (const entry of entries) {
        await page.goto(`${server.origin}${entry.url}`, { waitUntil: 'domcontentloaded' });
        opened[entry.url] = await page.title();
      }
      expect(opened).toEqual(Object.fromEntries(entries.map((e) => [e.url, `${e.title} · ${t('zh', 'site.title')}`])));

      for (const p of ['zh/lessons/lesson-2/', 'zh/notebooks/sgd-from-scratch/']) {
        await page.goto(url(p));
        const images = await page.locator('main img').evaluateAll((imgs) =>
          Promise.all(
            (imgs as HTMLImageElement[]).map(async (img) => {
              img.loading = 'eager';
              await img.decode().catch(() => {});
              return img.naturalWidth > 0;
            }),
          ),
        );
        expect(images.length).toBeGreaterThan(0);
        expect(images.every(Boolean)).toBe(true);
      }
      await page.goto(url('zh/lessons/lesson-5/'));
      expect(await page.locator('.katex').count()).toBeGreaterThan(0);
      const katexFont = await page.evaluate(async () => {
        await document.fonts.ready;
        return [...document.fonts].some((f) => f.family.includes('KaTeX') && f.status === 'loaded');
      });
      expect(katexFont).toBe(true);

      const offline = [];
      for (const q of queries) offline.push(await searchResults(page, q));
      expect(offline).toEqual(online);
    });
  });
});
