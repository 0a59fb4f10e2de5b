import { describe, expect, it } from 'vitest';
import {
  isSiteCache,
  isStaleRuntimeCache,
  parseSavedCacheName,
  runtimeCacheName,
  savedCacheName,
} from '../../../src/lib/offline/caches';
import { offlineEnabled } from '../../../src/lib/offline/config';
import { formatBytes, planUpdate, type OfflineFile } from '../../../src/lib/offline/manifest';
import { pageTitle, referencedPaths } from '../../../src/lib/offline/references';
import { searchFileRoutes } from '../../../src/lib/offline/routes';

const base = '/fastai-notes/';
const file = (url: string, rev: string): OfflineFile => ({ url, rev, bytes: 10, transfer: 5 });

describe('offline cache names', () => {
  it('reads back a saved copy and tells it from runtime caches and other sites', () => {
    const name = savedCacheName(base, 'zh', 'b1');
    expect(parseSavedCacheName(base, name)).toEqual({ name, lang: 'zh', build: 'b1' });
    expect(parseSavedCacheName(base, runtimeCacheName(base, 'pages', 'b1'))).toBeUndefined();
    expect(parseSavedCacheName('/other/', name)).toBeUndefined();
  });

  it("drops other builds' runtime caches only: never saved copies, this build's or another site's", () => {
    expect(isStaleRuntimeCache(base, runtimeCacheName(base, 'pages', 'old'), 'new')).toBe(true);
    expect(isStaleRuntimeCache(base, runtimeCacheName(base, 'search', 'new'), 'new')).toBe(false);
    expect(isStaleRuntimeCache(base, savedCacheName(base, 'zh', 'old'), 'new')).toBe(false);
    expect(isStaleRuntimeCache(base, runtimeCacheName('/other/', 'pages', 'old'), 'new')).toBe(false);
  });

  it('names every cache of a site with its base path, so a site does not delete its neighbours', () => {
    expect(isSiteCache(base, savedCacheName(base, 'en', 'x'))).toBe(true);
    expect(isSiteCache(base, runtimeCacheName('/fastai-notes-2/', 'pages', 'x'))).toBe(false);
  });
});

describe('updating a saved copy', () => {
  it('keeps unchanged files, downloads changed and new ones, and drops what the build no longer has', () => {
    const old = [
      { url: '/a/', rev: '1' },
      { url: '/b/', rev: '1' },
      { url: '/gone/', rev: '1' },
    ];
    const plan = planUpdate(old, [file('/a/', '1'), file('/b/', '2'), file('/c/', '1')]);
    expect(plan.keep.map((f) => f.url)).toEqual(['/a/']);
    expect(plan.download.map((f) => f.url)).toEqual(['/b/', '/c/']);
  });
});

describe('offline helpers', () => {
  it('formats sizes in the reader’s language', () => {
    expect(formatBytes(512, 'en')).toBe('512 B');
    expect(formatBytes(1536, 'en')).toBe('1.5 KB');
    expect(formatBytes(4.3 * 1048576, 'zh-CN')).toBe('4.3 MB');
  });

  it('is on unless OFFLINE turns it off', () => {
    expect(offlineEnabled({})).toBe(true);
    expect(offlineEnabled({ OFFLINE: '1' })).toBe(true);
    for (const off of ['0', 'false', 'off', 'NO']) expect(offlineEnabled({ OFFLINE: off })).toBe(false);
  });

  it('finds what a page, a stylesheet and a script load, in every way a build writes it', () => {
    const html =
      '<link rel="stylesheet" href="/fastai-notes/_astro/a.css"><img src="./fig.png" alt=""><a href="/fastai-notes/zh/">x</a>' +
      '<link rel="canonical" href="https://example.org/fastai-notes/zh/"><a href="n.ipynb">n</a>';
    expect(referencedPaths(html, '/fastai-notes/zh/notebooks/n/', base)).toEqual([
      '/fastai-notes/_astro/a.css',
      '/fastai-notes/zh/notebooks/n/fig.png',
    ]);
    const css = '@font-face{src:url(/fastai-notes/_astro/K.woff2) format("woff2"),url(/fastai-notes/_astro/K.woff)}';
    expect(referencedPaths(css, '/fastai-notes/_astro/k.css', base)).toEqual(['/fastai-notes/_astro/K.woff2']);
    const js = 'o??=a(()=>import(`./search-ui.B.js`),__vite__mapDeps([0]));const d=["_astro/x.C.js"]';
    expect(referencedPaths(js, '/fastai-notes/_astro/main.js', base)).toEqual([
      '/fastai-notes/_astro/search-ui.B.js',
      '/fastai-notes/_astro/x.C.js',
    ]);
  });

  it('titles a page without the site name', () => {
    expect(pageTitle('<title>Lesson 1 &amp; more · fastai course notes</title>', 'fastai course notes')).toBe(
      'Lesson 1 & more',
    );
  });
});

/** Node 24's URLPattern, as browsers read a route's pattern (not yet in TypeScript's library). */
declare const URLPattern: new (init: { pathname: string }) => { test(input: { pathname: string }): boolean };

describe('the static routes for search files', () => {
  /** Whether the routes send `pathname` to the caches, read as the browser reads them. */
  const routed = (siteBase: string, pathname: string) =>
    searchFileRoutes(siteBase).some((r) => new URLPattern(r.condition.urlPattern).test({ pathname }));

  it('take Pagefind’s hashed files only, never its entry, runtime or WebAssembly', () => {
    for (const file of [
      'zh/index/zh_1a2b3c4.pf_index',
      'zh/fragment/zh_9f8e7d6.pf_fragment',
      'en/filter/en_77aa.pf_filter',
      'zh/pagefind.zh_18f26cfde3.pf_meta',
    ])
      expect(routed(base, `${base}pagefind/${file}`), file).toBe(true);
    for (const file of ['zh/pagefind-entry.json', 'pagefind.js', 'zh/wasm.unknown.pagefind', 'zh/wasm.en.pagefind'])
      expect(routed(base, `${base}pagefind/${file}`), file).toBe(false);
    expect(routed(base, '/other-site/pagefind/zh/index/zh_1a.pf_index')).toBe(false);
    expect(routed(base, `${base}zh/lessons/lesson-1/notes.pf_index`)).toBe(false);
  });

  it('read a base path with pattern characters literally', () => {
    expect(routed('/notes+(v2)/', '/notes+(v2)/pagefind/zh/index/zh_1a.pf_index')).toBe(true);
    expect(routed('/notes+(v2)/', '/notesss(v2)/pagefind/zh/index/zh_1a.pf_index')).toBe(false);
  });
});
