import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sectionHeadings } from '../../src/lib/content-rules';
import { e2eBase, e2eDist, useBuiltSite } from './support/site';

const site = useBuiltSite();
const sections = (lang: string, slug: string) =>
  sectionHeadings(fs.readFileSync(path.resolve('content/lessons', lang, `${slug}.md`), 'utf8'));

/** Where each row's two cells start, and where their first visible content starts. */
async function rowGeometry(page: import('playwright-core').Page) {
  return page.$$eval('[data-parallel-row]', (rows) =>
    rows.map((row) => {
      const cells = [...row.children] as HTMLElement[];
      const content = cells.map((c) => [...c.children].find((x) => x.tagName !== 'SUMMARY') as HTMLElement | undefined);
      return {
        langs: cells.map((c) => c.getAttribute('lang')),
        tops: cells.map((c) => c.getBoundingClientRect().top),
        contentTops: content.map((c) => c?.getBoundingClientRect().top ?? NaN),
        lefts: cells.map((c) => c.getBoundingClientRect().left),
        texts: cells.map((c) => (c.textContent ?? '').trim().length),
      };
    }),
  );
}

describe('side-by-side pages', () => {
  it.each(['zh', 'en'])(
    '%s lesson 3: one row per section, two cells in the right languages, own language first',
    async (lang) => {
      const other = lang === 'zh' ? 'en' : 'zh';
      const { page, outside, errors } = await site.page({ viewport: { width: 1280, height: 900 } });
      await page.goto(site.url(`${lang}/lessons/lesson-3/parallel/`));
      const rows = await rowGeometry(page);
      // The intro plus every h2/h3; our lessons share their ids, so every row holds both languages.
      expect(rows).toHaveLength(sections(lang, 'lesson-3').length + 1);
      const want = lang === 'zh' ? ['zh-CN', 'en'] : ['en', 'zh-CN'];
      for (const row of rows) {
        expect(row.langs).toEqual(want);
        expect(Math.min(...row.texts)).toBeGreaterThan(0);
      }
      expect(await page.locator('[data-parallel-row][data-aligned-by="id"]').count()).toBe(
        sections(lang, 'lesson-3').length,
      );
      // Own cell carries the section's id; the other language's copy is prefixed, so ids stay unique.
      expect(await page.locator(`[data-parallel-row] > :first-child #unet`).count()).toBe(1);
      expect(await page.locator(`[data-parallel-row] > :last-child #${other}--unet`).count()).toBe(1);
      expect(outside).toEqual([]);
      expect(errors).toEqual([]);
    },
  );

  it('starts both cells of every row at the same height on a desktop (within 2 px)', async () => {
    const { page } = await site.page({ viewport: { width: 1280, height: 900 } });
    for (const p of ['zh/lessons/lesson-1/parallel/', 'en/lessons/lesson-6/parallel/', 'zh/log/2023-05-18/parallel/']) {
      await page.goto(site.url(p));
      const rows = await rowGeometry(page);
      expect(rows.length, p).toBeGreaterThan(0);
      for (const [i, row] of rows.entries()) {
        expect(Math.abs(row.tops[0]! - row.tops[1]!), `${p} row ${i}`).toBeLessThanOrEqual(2);
        expect(Math.abs(row.contentTops[0]! - row.contentTops[1]!), `${p} row ${i} content`).toBeLessThanOrEqual(2);
        expect(row.lefts[1]! - row.lefts[0]!, `${p} row ${i} side by side`).toBeGreaterThan(300);
      }
    }
  });

  it('stacks on a 360 px phone with nothing scrolling sideways, the other language folded and one tap to open', async () => {
    const context = await site.browser.newContext({
      viewport: { width: 360, height: 740 },
      hasTouch: true,
      isMobile: true,
    });
    const page = await context.newPage();
    await page.goto(site.url('en/lessons/lesson-5/parallel/'));
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    const row = page.locator('[data-parallel-row]').nth(2);
    const folded = row.locator('details');
    const body = folded.locator(':scope > :not(summary)').first();
    expect(await folded.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await body.isVisible()).toBe(false);
    await folded.locator('summary').tap();
    expect(await folded.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await body.isVisible()).toBe(true);
    expect(await body.getAttribute('lang')).toBeNull(); // the language is on the cell
    expect(await folded.getAttribute('lang')).toBe('zh-CN');
    await context.close();
  });

  it('is opened from the control beside the language switch, and its switch leads to the other side-by-side page', async () => {
    const { page } = await site.page({ viewport: { width: 1280, height: 900 } });
    await page.goto(site.url('zh/lessons/lesson-2/'));
    const control = page.locator('[data-parallel-link]');
    expect((await control.textContent())?.trim()).toBe('对照阅读');
    await control.click();
    await page.waitForURL(site.url('zh/lessons/lesson-2/parallel/'));
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(
      `https://example.github.io${e2eBase}zh/lessons/lesson-2/`,
    );
    expect(await page.locator('[data-pagefind-body]').count()).toBe(0);
    const back = page.locator('[data-parallel-link]');
    expect((await back.textContent())?.trim()).toBe('单语阅读');
    expect(await back.getAttribute('href')).toBe(`${e2eBase}zh/lessons/lesson-2/`);
    await page.locator('[data-language-switch]').click();
    await page.waitForURL((u) => u.pathname === `${e2eBase}en/lessons/lesson-2/parallel/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('[data-parallel-row] > :first-child').first().getAttribute('lang')).toBe('en');
  });

  it('has one table of contents in the page language whose links land on the rows', async () => {
    const { page } = await site.page({ viewport: { width: 1280, height: 900 } });
    await page.goto(site.url('en/lessons/lesson-1/parallel/'));
    expect(await page.locator('nav.toc').count()).toBe(1);
    const link = page.locator('nav.toc a[href="#resnet50"]');
    expect((await link.textContent())?.trim()).toBe('A bigger model: ResNet-50');
    await link.evaluate((a) => (a as HTMLAnchorElement).click());
    await page.waitForFunction(() => location.hash === '#resnet50');
    const top = await page.locator('#resnet50').evaluate((h) => h.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(200);
    expect(
      await page
        .locator('#resnet50')
        .evaluate((h) => h.closest('[data-parallel-row]')?.querySelector('details #zh--resnet50') !== null),
    ).toBe(true);
  });

  it('is left out of the search index and the sitemap', () => {
    const sitemap = fs
      .readdirSync(e2eDist)
      .filter((f) => f.startsWith('sitemap-') && f.endsWith('.xml'))
      .map((f) => fs.readFileSync(path.join(e2eDist, f), 'utf8'))
      .join('');
    expect(sitemap).toContain('/lessons/lesson-1/<');
    expect(sitemap).not.toContain('/parallel/');
    const html = fs.readFileSync(path.join(e2eDist, 'zh/lessons/lesson-1/parallel/index.html'), 'utf8');
    expect(html).not.toContain('data-pagefind-body');
  });
});

describe('translation status page', () => {
  it.each(['zh', 'en'])('/%s/status/ lists every lesson, log entry, note and notebook with its state', async (lang) => {
    const { page } = await site.page();
    await page.goto(site.url(`${lang}/status/`));
    const lessons = fs.readdirSync(path.resolve('content/lessons/en')).filter((f) => f.endsWith('.md')).length;
    const log = fs.readdirSync(path.resolve('content/log/en')).filter((f) => f.endsWith('.md')).length;
    expect(await page.locator('tr[data-status-page^="lessons/"]').count()).toBe(lessons);
    expect(await page.locator('tr[data-status-page^="log/"]').count()).toBe(log);
    const notebooks = fs.readdirSync(path.resolve('content/notebooks/en')).filter((f) => f.endsWith('.ipynb'));
    expect(notebooks.length).toBeGreaterThan(0);
    expect(await page.locator('tr[data-status-page^="notebooks/"]').count()).toBe(notebooks.length);
    // Notebooks have no side-by-side page; their row links to both versions only.
    const notebook = page.locator(`tr[data-status-page="notebooks/${notebooks[0]!.replace('.ipynb', '')}"]`);
    expect(await notebook.locator('a[href*="/notebooks/"]').count()).toBe(2);
    expect(await notebook.locator('a[href*="/parallel/"]').count()).toBe(0);
    const row = page.locator('tr[data-status-page="lessons/lesson-3"]');
    expect(await row.locator(`a[href="${e2eBase}${lang}/lessons/lesson-3/parallel/"]`).count()).toBe(1);
    expect(await row.locator(`a[href="${e2eBase}zh/lessons/lesson-3/"]`).count()).toBe(1);
    expect(await row.locator(`a[href="${e2eBase}en/lessons/lesson-3/"]`).count()).toBe(1);
    expect(await page.locator('footer a[href$="/status/"]').count()).toBe(1);
  });
});
