import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLE_ENTRY, type BundleEntry } from '../../src/lib/search/bundles';
import { serveDist } from '../../scripts/lib/serve';
import { benchSearch } from '../../scripts/bench/search-bench';
import { e2eBase, e2eDist, useBuiltSite } from './support/site';

const site = useBuiltSite();
const base = e2eBase;

async function searchPage(start: string) {
  const watched = await site.page();
  await watched.page.goto(`${site.server.origin}${base}${start}`);
  return watched;
}

describe('search under the base path', () => {
  it('opens with the keyboard, finds Chinese text with highlighted excerpts, offline', async () => {
    const { page, outside, errors } = await searchPage('zh/');
    await page.keyboard.press('/');
    const input = page.locator('#search-input');
    await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('学习率');
    const first = page.locator('.search__result').first();
    await first.waitFor();
    expect(await page.locator('.search__result').count()).toBeGreaterThan(2);
    expect(await first.locator('mark').first().textContent()).toBe('学习率');
    expect(await first.getAttribute('href')).toMatch(new RegExp(`^${base}zh/`));
    expect(await page.locator('[data-search-status]').textContent()).toMatch(/学习率/);
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('fetches the page language’s search once the page is idle, so a first query fetches only its words', async () => {
    // Served as GitHub Pages serves it, which lets the browser keep a file ten minutes.
    const server = await serveDist(e2eDist, base, { pagesCaching: true });
    const context = await site.browser.newContext();
    try {
      const page = await context.newPage();
      const served = () => server.served.map((s) => s.path);
      const from = served().length;
      await page.goto(`${server.origin}${base}zh/lessons/lesson-3/`);
      // Nobody opened the dialog: the search code, and for each part of the Chinese bundle (the
      // test site's is split) Pagefind's runtime module, the entry, WebAssembly and metadata come
      // once the page is idle.
      const runtime = (paths: string[]) =>
        paths.filter((p) => /\/pagefind\/(pagefind\.js|zh\/(part-\d+\/)?(wasm\.|pagefind[.-]))|\/search-ui\./.test(p));
      const entry = JSON.parse(fs.readFileSync(path.join(e2eDist, 'pagefind/zh', BUNDLE_ENTRY), 'utf8')) as BundleEntry;
      const parts = 1 + (entry.parts?.length ?? 0);
      expect(parts).toBeGreaterThan(1);
      await expect.poll(() => runtime(served().slice(from)).length).toBe(1 + 4 * parts);
      expect(served().filter((p) => p.includes('/pagefind/en/'))).toEqual([]);
      await page.waitForLoadState('networkidle');
      const before = served().length;
      await page.keyboard.press('/');
      await page.locator('#search-input').fill('学习率');
      await page.locator('.search__result').first().waitFor();
      // The query asks the server only for its words' index chunks and its results' text.
      const after = served().slice(before);
      expect(runtime(after)).toEqual([]);
      expect(after.some((p) => p.includes('/pagefind/zh/index/'))).toBe(true);
    } finally {
      await context.close();
      await server.close();
    }
  });

  it('finds English with stemming and opens Ctrl+K from anywhere', async () => {
    const { page } = await searchPage('en/lessons/lesson-1/');
    await page.keyboard.press('Control+k');
    await page.locator('#search-input').fill('initializations');
    await page.locator('.search__result').first().waitFor();
    const titles = await page.locator('.search__result-title').allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    const marks = await page.locator('.search__result mark').allTextContents();
    expect(marks.some((m) => /^initiali/i.test(m))).toBe(true);
  });

  it('searches the other language too when asked', async () => {
    const { page } = await searchPage('zh/');
    await page.keyboard.press('/');
    await page.locator('#search-input').fill('dropout');
    await page.locator('.search__result').first().waitFor();
    const langs = () =>
      page.locator('.search__result').evaluateAll((as) => as.map((a) => (a as HTMLElement).dataset['lang']));
    expect(new Set(await langs())).toEqual(new Set(['zh']));
    await page.locator('[data-search-both]').check();
    await page.locator('.search__result[data-lang="en"]').first().waitFor();
  });

  it(
    'follows the script of the query: Chinese on an English page, English words that Chinese lacks',
    { timeout: 120_000 },
    async () => {
      const { page, errors } = await searchPage('en/');
      await page.keyboard.press('/');
      await page.locator('#search-input').fill('交叉熵');
      await page.locator('.search__result').first().waitFor();
      const results = await page.locator('.search__result').evaluateAll((as) =>
        as.map((a) => ({
          lang: a.getAttribute('lang'),
          href: a.getAttribute('href'),
          label: a.querySelector('.search__lang')?.textContent ?? null,
        })),
      );
      const zh = results.filter((r) => r.href?.startsWith(`${base}zh/`));
      expect(zh.length).toBeGreaterThan(0);
      for (const r of zh) expect(r).toMatchObject({ lang: 'zh-CN', label: '中文' });
      for (const r of results.filter((x) => x.href?.startsWith(`${base}en/`)))
        expect(r).toMatchObject({ lang: 'en', label: null });
      expect(errors).toEqual([]);

      // The English page is closed as the Chinese one opens (site.page).
      const zhPage = await searchPage('zh/');
      await zhPage.page.keyboard.press('/');
      await zhPage.page.locator('#search-input').fill('analogy');
      await zhPage.page.locator('.search__result').first().waitFor();
      const found = await zhPage.page
        .locator('.search__result')
        .evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.querySelector('.search__lang')?.textContent]));
      expect(found.length).toBeGreaterThan(0);
      for (const [href, label] of found) {
        expect(href).toMatch(new RegExp(`^${base}en/`));
        expect(label).toBe('English');
      }
      expect(zhPage.errors).toEqual([]);
    },
  );

  it('loads results a page at a time, more at the end of the list', async () => {
    const { page } = await searchPage('zh/');
    await page.keyboard.press('/');
    await page.locator('#search-input').fill('的');
    await page.locator('.search__result').first().waitFor();
    const count = () => page.locator('.search__result').count();
    const first = await count();
    expect(first).toBeLessThanOrEqual(20);
    for (let i = 0; i < 50 && (await page.locator('[data-search-more]').count()); i++) {
      await page.evaluate(() => document.querySelector<HTMLButtonElement>('[data-search-more]')?.click());
      await page.waitForTimeout(200);
    }
    expect(await page.locator('[data-search-more]').count()).toBe(0);
    expect(await count()).toBeGreaterThan(first);
    expect(await page.locator('[data-search-status]').textContent()).toContain(String(await count()));
  });

  it('is on the bilingual landing page too, searching both languages', async () => {
    const { page } = await searchPage('');
    await page.keyboard.press('/');
    expect(await page.locator('[data-search-both]').isChecked()).toBe(true);
    await page.locator('#search-input').fill('learning rate');
    await page.locator('.search__result').first().waitFor();
    const hrefs = await page.locator('.search__result').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.some((h) => h?.startsWith(`${base}en/`))).toBe(true);
  });

  it('filters by kind and says when nothing matches', async () => {
    const { page } = await searchPage('zh/');
    await page.keyboard.press('/');
    await page.locator('[data-search-kind]').selectOption('log');
    await page.locator('#search-input').fill('目标检测');
    await page.locator('.search__result').first().waitFor();
    const badges = await page.locator('.search__badge').allTextContents();
    expect(badges.every((b) => b.startsWith('日志'))).toBe(true);
    await page.locator('#search-input').fill('这个词不会出现在笔记里');
    await page.locator('[data-search-status]').filter({ hasText: '没有找到' }).waitFor();
    expect(await page.locator('.search__result').count()).toBe(0);
  });

  it('opens a result on the right page with the term highlighted', async () => {
    const { page } = await searchPage('zh/');
    await page.keyboard.press('/');
    await page.locator('#search-input').fill('反向传播');
    const first = page.locator('.search__result').first();
    await first.waitFor();
    const target = await first.getAttribute('data-url');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === target);
    expect(await page.locator('article mark.search-hit').first().textContent()).toBe('反向传播');
  });

  // A fixed sample of 30 terms; `npm run bench` types 120 and measures what the index costs.
  it('meets the Chinese recall, precision and top-1 targets on the site content', { timeout: 120_000 }, async () => {
    const figures = await benchSearch(site.browser, site.server, e2eDist, base, 30, { indexCost: false });
    expect(figures.queries).toBeGreaterThanOrEqual(25);
    expect(figures.recall, JSON.stringify(figures.misses)).toBeGreaterThanOrEqual(0.98);
    expect(figures.precision).toBeGreaterThanOrEqual(0.9);
    expect(figures.top1).toBeGreaterThanOrEqual(0.95);
    expect(figures.englishStemming).toBe(true);
  });
});
