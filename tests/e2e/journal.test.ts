import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { readingPlaceKey } from '../../src/lib/reading-place';
import { e2eBase, e2eDist, useBuiltSite } from './support/site';
import { scrollAsReader, sidewaysOverflow, turnTheme } from './support/views';

// The study log as a journal: feeds, tags, archive, home pages, "continue reading", link previews.
const site = useBuiltSite();
const siteOrigin = 'https://example.github.io';
const logFiles = (lang: string) =>
  fs
    .readdirSync(path.resolve('content/log', lang))
    .filter((f) => f.endsWith('.md'))
    .map((f) => f.slice(0, -3));

/** The built file an absolute site URL is served from, as a static host maps it. */
function builtFile(absolute: string): string | undefined {
  const { origin, pathname } = new URL(absolute);
  if (origin !== siteOrigin || !pathname.startsWith(e2eBase)) return undefined;
  const rel = decodeURIComponent(pathname.slice(e2eBase.length));
  const file = path.join(e2eDist, rel.endsWith('/') || rel === '' ? `${rel}index.html` : rel);
  return fs.existsSync(file) ? file : undefined;
}

const asList = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

describe('RSS feed', () => {
  it.each(['en', 'zh'])(
    '%s feed is served, is RSS 2.0 with every entry, and every link in it resolves',
    async (lang) => {
      const res = await fetch(site.url(`${lang}/log/rss.xml`));
      expect(res.status).toBe(200);
      const rss = new XMLParser({ ignoreAttributes: false }).parse(await res.text()).rss;
      expect(rss['@_version']).toBe('2.0');
      const { channel } = rss;
      for (const field of ['title', 'link', 'description']) expect(String(channel[field] ?? '')).not.toBe('');
      expect(channel.link).toBe(`${siteOrigin}${e2eBase}${lang}/log/`);
      const items = asList<Record<string, unknown>>(channel.item);
      expect(items.map((i) => String(i['link']).match(/log\/([^/]+)\/$/)?.[1]).sort()).toEqual(logFiles(lang).sort());
      const dates = items.map((i) => new Date(String(i['pubDate'])).getTime());
      expect(dates.every((d) => !Number.isNaN(d))).toBe(true);
      expect([...dates].sort((a, b) => b - a)).toEqual(dates);
      for (const item of items) {
        expect(String(item['title'])).not.toBe('');
        expect(String(item['description'])).not.toBe('');
        expect(builtFile(String(item['link'])), String(item['link'])).toBeDefined();
        const html = String(item['content:encoded']);
        expect(html.length).toBeGreaterThan(50);
        for (const [, url] of html.matchAll(/(?:href|src)="([^"]+)"/g)) {
          expect(url, `relative URL in ${String(item['link'])}`).toMatch(/^(https?:|mailto:)/);
          if (url!.startsWith(siteOrigin)) expect(builtFile(url!.split('#')[0]!), url).toBeDefined();
        }
      }
      // An entry with a time of day keeps it in pubDate (2023-05-26 was written at 14:50:11).
      const timed = items.find((i) => String(i['link']).endsWith('/log/2023-05-26/'));
      expect(new Date(String(timed?.['pubDate'])).toISOString()).toBe('2023-05-26T14:50:11.000Z');
    },
  );

  it('is advertised in the head of log pages and linked from the log header', async () => {
    const { page } = await site.page();
    for (const p of ['en/log/', 'en/log/2023-05-26/', 'en/log/tags/']) {
      await page.goto(site.url(p));
      expect(await page.locator('link[rel="alternate"][type="application/rss+xml"]').getAttribute('href')).toBe(
        `${e2eBase}en/log/rss.xml`,
      );
    }
    await page.goto(site.url('zh/log/'));
    const link = page.locator('main a[href$="/zh/log/rss.xml"]');
    expect(await link.count()).toBe(1);
    const res = await page.request.get(new URL((await link.getAttribute('href'))!, site.url('')).href);
    expect(res.headers()['content-type']).toMatch(/xml/);
    await page.close();
  });
});

describe('tags', () => {
  it('every tag on the timeline links to a page that lists the entry, newest first', async () => {
    const { page, errors } = await site.page();
    await page.goto(site.url('en/log/'));
    const tagLinks = await page.locator('.timeline a[rel="tag"]').evaluateAll((as) =>
      as.map((a) => ({
        href: (a as HTMLAnchorElement).href,
        entry: a.closest('article')?.querySelector('h3 a')?.getAttribute('href'),
      })),
    );
    expect(tagLinks.length).toBeGreaterThan(10);
    const tagPage = await page.context().newPage();
    for (const href of new Set(tagLinks.map((t) => t.href))) {
      const res = await tagPage.goto(href);
      expect(res?.status(), href).toBe(200);
      const listed = await tagPage.locator('main h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      for (const t of tagLinks.filter((x) => x.href === href)) expect(listed, href).toContain(t.entry);
      const days = listed.map((h) => h?.match(/(\d{4}-\d{2}-\d{2})/)?.[1] ?? '');
      expect([...days].sort().reverse()).toEqual(days);
    }
    expect(errors).toEqual([]);
  });

  it('the tag index lists every tag with its count, in the reader’s language', async () => {
    const { page } = await site.page();
    await page.goto(site.url('zh/log/tags/'));
    const rows = await page
      .locator('main [data-tag]')
      .evaluateAll((els) => els.map((el) => [el.getAttribute('data-tag'), Number(el.getAttribute('data-count'))]));
    const counts = new Map<string, number>();
    for (const file of logFiles('zh')) {
      const tags =
        /^tags:\s*\[(.*)\]/m.exec(fs.readFileSync(path.resolve('content/log/zh', `${file}.md`), 'utf8'))?.[1] ?? '';
      for (const tag of tags
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean))
        counts.set(tag, (counts.get(tag) ?? 0) + 1);
    }
    expect(new Map(rows as [string, number][])).toEqual(counts);
    expect(await page.locator('main [data-tag="object-detection"]').textContent()).toContain('目标检测');
    await page.close();
  });
});

describe('archive', () => {
  it('jumps to a month of the timeline', async () => {
    const { page } = await site.page();
    await page.goto(site.url('en/log/'));
    const month = page.locator('nav.archive a[href="#month-2023-06"]');
    await month.click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#month-2023-06');
    const top = await page.locator('#month-2023-06').evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(200);
    await page.close();
  });
});

describe('home pages', () => {
  it.each(['en', 'zh'])('%s home shows the three newest log entries and both parts of the course', async (lang) => {
    const { page } = await site.page();
    await page.goto(site.url(`${lang}/`));
    const newest = logFiles(lang)
      .sort()
      .reverse()
      .slice(0, 3)
      .map((slug) => `${e2eBase}${lang}/log/${slug}/`);
    expect(
      await page.locator('[data-latest-log] li a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
    ).toEqual(newest);
    expect(await page.locator('[data-course-part]').count()).toBe(2);
    await page.close();
  });

  it('the bilingual landing page shows the newest entries in both languages', async () => {
    const { page } = await site.page();
    await page.goto(site.url(''));
    for (const lang of ['zh', 'en']) {
      const newest = logFiles(lang).sort().reverse()[0];
      expect(await page.locator(`[data-latest-log] a[href="${e2eBase}${lang}/log/${newest}/"]`).count()).toBe(1);
    }
    await page.close();
  });
});

describe('continue where you left off', () => {
  it('appears after reading a lesson, leads back to the same section, and can be forgotten', async () => {
    const { page, errors } = await site.page();
    await page.goto(site.url('en/'));
    expect(await page.locator('continue-reading').isVisible()).toBe(false);

    await page.goto(site.url('en/lessons/lesson-3/'));
    // Scroll (without clicking a link, which would set the hash) until the section is being read.
    await scrollAsReader(page, '#camvid-segmentation', 40);
    await expect
      .poll(() => page.evaluate(() => Object.values(localStorage).join(' ')))
      .toContain('#camvid-segmentation');

    for (const home of ['zh/', '']) {
      await page.goto(site.url(home));
      const box = page.locator('continue-reading');
      await expect.poll(() => box.isVisible()).toBe(true);
      expect(await box.textContent()).toContain('Lesson 3');
    }
    await page.locator('continue-reading a').click();
    await page.waitForURL(/lesson-3\/#camvid-segmentation$/);
    const top = await page.locator('#camvid-segmentation').evaluate((h) => h.getBoundingClientRect().top);
    expect(Math.abs(top)).toBeLessThan(150);

    await page.goto(site.url('en/'));
    await page.locator('continue-reading button').click();
    expect(await page.locator('continue-reading').isVisible()).toBe(false);
    await page.reload();
    expect(await page.locator('continue-reading').isVisible()).toBe(false);
    expect(errors).toEqual([]);
  });
});

describe('link previews and crawlers', () => {
  it('a log entry is an article with a published time; every page names a card image that is served', async () => {
    const { page } = await site.page();
    await page.goto(site.url('zh/log/2023-05-26/'));
    const meta = (p: string) => page.locator(`meta[property="${p}"]`).getAttribute('content');
    expect(await meta('og:type')).toBe('article');
    expect(await meta('article:published_time')).toBe('2023-05-26T14:50:11.000Z');
    expect(await meta('og:locale')).toBe('zh_CN');
    expect(await meta('og:locale:alternate')).toBe('en_US');
    expect(await meta('og:url')).toBe(`${siteOrigin}${e2eBase}zh/log/2023-05-26/`);
    const image = (await meta('og:image'))!;
    expect(image).toBe(`${siteOrigin}${e2eBase}site-card.png`);
    const png = await page.request.get(site.url('site-card.png'));
    expect(png.headers()['content-type']).toBe('image/png');
    expect((await png.body()).subarray(1, 4).toString()).toBe('PNG');
    expect(await page.locator('link[hreflang="x-default"]').getAttribute('href')).toBe(`${siteOrigin}${e2eBase}`);
    await page.close();
  });

  it('robots.txt names the sitemap', async () => {
    const text = await (await fetch(site.url('robots.txt'))).text();
    expect(text).toContain(`Sitemap: ${siteOrigin}${e2eBase}sitemap-index.xml`);
  });
});

// `npm run screenshots` writes these pages as pictures to look at; here their layout is checked.
describe('the journal pages in both themes at desktop and phone widths', () => {
  it('home, timeline and tag pages fit without sideways scrolling', async () => {
    const pages = ['zh/', '', 'en/log/', 'zh/log/tags/', 'en/log/tags/object-detection/'];
    // Each page is opened at phone width, then turned to the other theme and widened, as a reader's
    // system and window would: one load a page instead of one a view.
    const { page } = await site.page({ colorScheme: 'light', viewport: { width: 360, height: 740 } });
    // A remembered place, so the home pages show "continue reading".
    await page.addInitScript(
      ([key]) =>
        localStorage.setItem(
          key!,
          JSON.stringify({
            href: '/fastai-notes/zh/lessons/lesson-3/#camvid-segmentation',
            lesson: '第 3 课 · 数据块、多标签、分割与图像回归',
            section: 'CamVid 语义分割',
            at: 0,
          }),
        ),
      [readingPlaceKey(e2eBase)],
    );
    for (const p of pages) {
      await page.setViewportSize({ width: 360, height: 740 });
      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto(site.url(p));
      for (const [width, height] of [
        [360, 740],
        [1280, 900],
      ] as const) {
        await page.setViewportSize({ width, height });
        for (const scheme of ['light', 'dark'] as const) {
          await turnTheme(page, scheme);
          expect(await sidewaysOverflow(page), `${p} at ${width}px, ${scheme}`).toBeLessThanOrEqual(0);
        }
      }
    }
  }, 300_000);
});
