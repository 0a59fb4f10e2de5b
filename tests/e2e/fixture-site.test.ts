import { describe, expect, inject, it } from 'vitest';
import { serveDist } from '../../scripts/lib/serve';
import { MINI_DIST } from './support/constants';
import { useMiniSite } from './support/site';

// The mini notes folder built at the site root: a lesson without a Chinese version, a missing
// image and links between notes (built once per run by the global setup).
const site = useMiniSite();
const buildLog = inject('miniSite').output;

describe('the watched page every e2e file reads through', () => {
  it('records a request for an address off the machine, and the request fails', async () => {
    const { page, outside } = await site.page();
    const failed = page.waitForEvent('requestfailed');
    await page.setContent('<img src="https://example.com/pixel.png" alt="">');
    const request = await failed;
    expect(request.url()).toBe('https://example.com/pixel.png');
    // Stopped by the browser's launch flags, not by this machine happening to have no network.
    expect(request.failure()?.errorText).toBe('net::ERR_PROXY_CONNECTION_FAILED');
    expect(outside).toEqual(['https://example.com/pixel.png']);
  });

  it('is opened as on a first visit: what the page before it stored or cached is gone', async () => {
    // A second copy of the site, served as GitHub Pages serves it: files the browser may keep.
    const caching = await serveDist(MINI_DIST, '/', { pagesCaching: true });
    const stylesheets = () => caching.served.filter((s) => s.path.endsWith('.css')).length;
    try {
      const { page: before } = await site.page();
      await before.goto(site.url('en/lessons/lesson-1/'));
      await before.evaluate(() => {
        localStorage.setItem('left', 'behind');
        sessionStorage.setItem('left', 'behind');
        document.cookie = 'left=behind; path=/';
      });
      await before.goto(`${caching.origin}/en/lessons/lesson-1/`);
      const fetched = stylesheets();
      expect(fetched).toBeGreaterThan(0);
      // Within one test the browser keeps them: the next page of the site asks for none again.
      await before.goto(`${caching.origin}/en/lessons/lesson-2/`);
      expect(stylesheets()).toBe(fetched);

      const { page } = await site.page();
      expect(before.isClosed()).toBe(true);
      await page.goto(site.url('en/lessons/lesson-1/'));
      expect(
        await page.evaluate(() => [localStorage.getItem('left'), sessionStorage.getItem('left'), document.cookie]),
      ).toEqual([null, null, '']);
      await page.goto(`${caching.origin}/en/lessons/lesson-1/`);
      expect(stylesheets()).toBe(2 * fetched);
    } finally {
      await caching.close();
    }
  });
});

describe('a notes folder built at the root', () => {
  it('names the note and the missing image in the build output', () => {
    expect(buildLog).toMatch(/notes\/lessons\/en\/lesson-1\.md:\d+: image "\.\/missing\.png" does not exist/);
  });

  it('shows a placeholder for the missing image and the existing image from the build', async () => {
    const { page, outside, errors } = await site.page();
    await page.goto(`${site.server.origin}/en/lessons/lesson-1/`);
    expect(await page.locator('.missing-image').textContent()).toContain('./missing.png');
    const img = page.locator('.prose img').first();
    expect(await img.getAttribute('src')).toMatch(/^\/_astro\//);
    expect(await img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    expect(await page.locator('a[href="/en/lessons/lesson-2/#later"]').count()).toBe(1);
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('says when the other language is missing and leads to its lesson list, never a 404', async () => {
    const { page } = await site.page();
    await page.goto(`${site.server.origin}/en/lessons/lesson-2/`);
    const sw = page.locator('[data-language-switch]');
    expect(await sw.getAttribute('aria-label')).toBe('This page has no 中文 version yet.');
    expect(await page.locator('.notice').textContent()).toContain('This page has no 中文 version yet.');
    await sw.click();
    await page.waitForURL(`${site.server.origin}/zh/lessons/`);
    expect(await page.locator('h1').textContent()).toBe('课程');
    expect(await page.locator('link[hreflang="zh-CN"]').count()).toBe(1);
  });

  it('does not load KaTeX on a page without math', async () => {
    const { page } = await site.page();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(`${site.server.origin}/en/lessons/lesson-2/`);
    expect(requested.filter((u) => /katex/i.test(u))).toEqual([]);
    await page.goto(`${site.server.origin}/en/lessons/lesson-1/`);
    expect(requested.filter((u) => /katex/i.test(u)).length).toBeGreaterThan(0);
  });

  it('has no edit link when REPO_URL is not set', async () => {
    const { page } = await site.page();
    await page.goto(`${site.server.origin}/en/lessons/lesson-2/`);
    expect(await page.locator('.page-source__edit').count()).toBe(0);
    expect(await page.locator('a[href*="/edit/"]').count()).toBe(0);
  });

  it('says on a page what its other version has that it lacks, with links to both and to side by side', async () => {
    const { page } = await site.page();
    await page.goto(`${site.server.origin}/zh/lessons/lesson-1/`);
    const notice = page.locator('.translation-notice');
    expect(await notice.textContent()).toContain('本页还缺少：“Sub section”');
    expect(await notice.locator('a[href="/en/lessons/lesson-1/"]').count()).toBe(1);
    expect(await notice.locator('a[href="/zh/lessons/lesson-1/parallel/"]').count()).toBe(1);
    await page.goto(`${site.server.origin}/en/lessons/lesson-1/`);
    expect(await page.locator('.translation-notice').textContent()).toContain('Only in this version: “Sub section”');
    await page.goto(`${site.server.origin}/zh/lessons/lesson-1/parallel/`);
    const lonely = page.locator('[data-parallel-row][data-aligned-by="one-side"]');
    expect(await lonely.count()).toBe(1);
    expect(await lonely.locator('> :first-child').textContent()).toContain('中文版没有这一节。');
    expect(await lonely.locator('#en--sub').count()).toBe(1);
  });

  it('lists the one-language lesson and the missing section on the status page', async () => {
    const { page } = await site.page();
    await page.goto(`${site.server.origin}/en/status/`);
    expect(await page.locator('tr[data-status-page="lessons/lesson-2"]').getAttribute('data-state')).toBe('missing');
    expect(await page.locator('tr[data-status-page="lessons/lesson-2"]').textContent()).toContain(
      'No 中文 version yet',
    );
    expect(await page.locator('tr[data-status-page="lessons/lesson-1"]').textContent()).toContain(
      'Only in English: “Sub section”',
    );
  });
});
