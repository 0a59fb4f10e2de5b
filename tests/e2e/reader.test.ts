import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { watchedPage } from '../../scripts/lib/browser';
import { E2E_BASE, E2E_SITE } from './support/constants';
import { useBuiltSite } from './support/site';
import { scrollAsReader, sidewaysOverflow, turnTheme } from './support/views';

const site = useBuiltSite();
const base = E2E_BASE;
const shots = path.resolve('test-results/screenshots');
const url = (p: string) => site.url(p);

let browser: Browser;

beforeAll(() => {
  browser = site.browser;
  fs.mkdirSync(shots, { recursive: true });
});

describe('lesson page', () => {
  it.each(['en', 'zh'])('%s lesson typesets math with no KaTeX error and highlights code', async (lang) => {
    const { page, outside, errors } = await site.page();
    await page.goto(url(`${lang}/lessons/lesson-5/`));
    expect(await page.locator('article .katex').count()).toBeGreaterThan(0);
    expect(await page.locator('.katex-error').count()).toBe(0);
    // KaTeX's stylesheet is loaded from the site itself and applied (the MathML copy is hidden).
    const mathml = page.locator('.katex-mathml').first();
    expect(await mathml.evaluate((el) => getComputedStyle(el).position)).toBe('absolute');
    const code = page.locator('figure.code-block').first();
    await expect.poll(() => code.count()).toBeGreaterThan(0);
    expect(await code.locator('.code-block__lang').textContent()).toBeTruthy();
    // A token's colour comes from its palette class, through the variable markdown.css reads.
    const token = code.locator('pre span[class^="cl"]').first();
    expect(await token.evaluate((el) => getComputedStyle(el).getPropertyValue('--shiki-light'))).toMatch(
      /^#[0-9a-f]{6}$/,
    );
    expect(await token.evaluate((el) => getComputedStyle(el).color)).not.toBe(
      await code.locator('pre').evaluate((el) => getComputedStyle(el).color),
    );
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lays out a long lesson a screen at a time, drawing a block as it is scrolled to, and all of it in print', async () => {
    const { page } = await site.page({ viewport: { width: 360, height: 740 } });
    const ctx = page.context();
    await page.goto(url('zh/lessons/lesson-3/'));
    // A line inside the last code block: not laid out at load, laid out once scrolled to.
    const line = page.locator('.prose > figure.code-block').last().locator('pre .line').first();
    const drawn = () => line.evaluate((el) => el.checkVisibility({ contentVisibilityAuto: true }));
    expect(await drawn()).toBe(false);
    await line.evaluate((el) => el.scrollIntoView());
    await expect.poll(drawn).toBe(true);
    // Opened at a late section, the page is laid out whole and the section is where the jump put it.
    const late = await page.locator('.prose > h2[id]').last().getAttribute('id');
    const wide = await ctx.newPage();
    await wide.setViewportSize({ width: 1280, height: 800 });
    await wide.goto(url(`zh/lessons/lesson-3/#${late}`));
    await wide.evaluate(() => document.fonts.ready);
    await wide.waitForTimeout(300);
    const top = await wide.locator(`#${late}`).evaluate((h) => h.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(120);
    // A place typed after the address of the open page: no link was clicked before the jump.
    const typed = await ctx.newPage();
    await typed.setViewportSize({ width: 1280, height: 800 });
    await typed.goto(url('zh/lessons/lesson-3/'));
    await typed.evaluate(() => document.fonts.ready);
    await typed.evaluate((id) => (location.hash = id), late!);
    await typed.waitForTimeout(300);
    const typedTop = await typed.locator(`#${late}`).evaluate((h) => h.getBoundingClientRect().top);
    expect(typedTop).toBeGreaterThanOrEqual(0);
    expect(typedTop).toBeLessThan(120);
    await page.goto(url('zh/lessons/lesson-3/'));
    await page.emulateMedia({ media: 'print' });
    expect(await drawn()).toBe(true);
  });

  it('copies a code block with the copy button and says so in the page language', async () => {
    const { page } = await site.page({ permissions: ['clipboard-read', 'clipboard-write'] });
    await page.goto(url('zh/lessons/lesson-5/'));
    const block = page.locator('figure.code-block').first();
    const button = block.locator('button');
    // What the button says after the click, recorded as it changes: it says so for 1.6 s only,
    // which a poll of a busy machine's page could miss. The click is recorded too, so a failure
    // tells a click that never reached the button from a copy that never finished.
    await button.evaluate((el) => {
      const seen = { clicked: false, said: [] as string[] };
      (window as unknown as { copyButton: typeof seen }).copyButton = seen;
      el.addEventListener('click', () => (seen.clicked = true), { capture: true });
      new MutationObserver(() => seen.said.push(el.textContent ?? '')).observe(el, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    // Brought to the screen first as a reader scrolls: the block is far down, where blocks are laid
    // out as they near the screen, and a click's own jump there could land before they settle.
    await scrollAsReader(page, 'figure.code-block >> nth=0', 200);
    await button.click();
    await expect
      .poll(() =>
        page.evaluate(() => {
          const { clicked, said } = (window as unknown as { copyButton: { clicked: boolean; said: string[] } })
            .copyButton;
          return { clicked, first: said[0] };
        }),
      )
      .toEqual({ clicked: true, first: '已复制' });
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.trim()).toBe((await block.locator('pre code').textContent())?.trim());
  });

  it('switches language to the same section of the counterpart', async () => {
    const { page } = await site.page();
    await page.goto(url('en/lessons/lesson-3/'));
    const ids = await page.locator('.prose h2[id]').evaluateAll((hs) => hs.map((h) => h.id));
    expect(ids.length).toBeGreaterThan(2);
    const target = ids[2]!;
    await page.goto(url(`en/lessons/lesson-3/#${target}`));
    await page.locator('[data-language-switch]').click();
    await page.waitForURL(/\/zh\/lessons\/lesson-3\//);
    expect(new URL(page.url()).hash).toBe(`#${target}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.locator(`#${target}`).count()).toBe(1);
    await page.close();
  });

  it('keeps the section the reader scrolled to, even without an anchor in the URL', async () => {
    const { page } = await site.page();
    await page.goto(url('zh/lessons/lesson-2/'), { waitUntil: 'networkidle' });
    // Fonts and lazy images change heights; scroll only once the layout has settled.
    await page.evaluate(() => document.fonts.ready);
    const ids = await page.locator('.prose h2[id]').evaluateAll((hs) => hs.map((h) => h.id));
    const target = ids[1]!;
    // Where a jump to the heading would put it, below the sticky header.
    await scrollAsReader(page, `#${target}`);
    // A scripted click: Playwright's own click scrolls the page first, which would move the reader.
    await page.locator('[data-language-switch]').evaluate((el) => (el as HTMLElement).click());
    await page.waitForURL(/\/en\/lessons\/lesson-2\//);
    expect(new URL(page.url()).hash).toBe(`#${target}`);
    await page.close();
  });

  it('has a sidebar grouped by part that marks the current lesson, and prev/next links that resolve', async () => {
    const { page } = await site.page();
    await page.goto(url('en/lessons/lesson-7/'));
    expect(await page.locator('.course-nav__part').count()).toBe(2);
    expect(await page.locator('.course-nav a[aria-current="page"]').getAttribute('href')).toBe(
      `${base}en/lessons/lesson-7/`,
    );
    const prev = await page.locator('a[rel="prev"]').getAttribute('href');
    const next = await page.locator('a[rel="next"]').getAttribute('href');
    expect(prev).toBe(`${base}en/lessons/lesson-6/`);
    expect(next).toBe(`${base}en/lessons/lesson-8/`);
    const hrefs = await page
      .locator('.course-nav a, .pager a, .site-header a')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    for (const href of new Set(hrefs)) {
      const res = await page.request.get(href);
      expect(res.status(), href).toBe(200);
    }
    await page.close();
  });

  it('marks the section being read in the table of contents', async () => {
    const { page } = await site.page();
    await page.goto(url('en/lessons/lesson-6/'), { waitUntil: 'networkidle' });
    const ids = await page.locator('.prose h2[id]').evaluateAll((hs) => hs.map((h) => h.id));
    await scrollAsReader(page, `#${ids[3]}`);
    await expect.poll(() => page.locator('.toc a[aria-current="true"]').getAttribute('href')).toBe(`#${ids[3]}`);
    await page.close();
  });

  it('has hreflang alternates to the counterpart and the bilingual landing page, and the right html lang', async () => {
    const { page } = await site.page();
    await page.goto(url('zh/lessons/lesson-1/'));
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    const alternates = await page
      .locator('link[rel="alternate"]')
      .evaluateAll((ls) => ls.map((l) => [l.getAttribute('hreflang'), l.getAttribute('href')]));
    expect(alternates).toEqual([
      ['zh-CN', `${E2E_SITE}${base}zh/lessons/lesson-1/`],
      ['en', `${E2E_SITE}${base}en/lessons/lesson-1/`],
      ['x-default', `${E2E_SITE}${base}`],
    ]);
    await page.close();
  });
});

describe('theme', () => {
  it('follows the system preference on first visit', async () => {
    const { page } = await site.page({ colorScheme: 'dark' });
    // The theme is decided before any stylesheet or body is parsed, so there is no flash.
    await page.route(`**${base}en/`, async (route) => {
      const res = await route.fetch();
      const html = await res.text();
      // The theme is set by the first script in <body>, after the CSP and before anything is painted.
      const csp = html.indexOf('http-equiv="content-security-policy"');
      const body = html.indexOf('<body');
      const theme = html.indexOf("setAttribute('data-theme'");
      expect(csp).toBeGreaterThan(-1);
      expect(csp).toBeLessThan(body);
      expect(html.slice(body, theme)).toMatch(/^<body[^>]*>\s*(<!--[^]*?-->\s*)?<script>[^<]*$/);
      await route.fulfill({ response: res, body: html });
    });
    await page.goto(url('en/'));
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
  });

  it('toggles, is remembered across pages and reloads, and labels itself', async () => {
    const { page } = await site.page({ colorScheme: 'light' });
    await page.goto(url('en/lessons/lesson-1/'));
    expect(await page.locator('html').getAttribute('data-theme')).toBe('light');
    const toggle = page.locator('.theme-toggle');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await page.goto(url('zh/log/'));
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    expect(await page.locator('.theme-toggle').getAttribute('aria-label')).toBe('深色主题');
    await page.reload();
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
  });
});

describe('log pages', () => {
  it('shows the timeline newest first, grouped by month, with task lists as checkboxes', async () => {
    const { page, errors, outside } = await site.page();
    await page.goto(url('en/log/'));
    const months = await page
      .locator('.timeline__month-title time')
      .evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
    expect(months.length).toBeGreaterThan(1);
    expect([...months].sort().reverse()).toEqual(months);
    expect(await page.locator('.timeline input[type="checkbox"]').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });

  it('links each entry to its page, with older/newer links by date', async () => {
    const { page } = await site.page();
    await page.goto(url('zh/log/'));
    const second = page.locator('.timeline__entry h3 a').nth(1);
    const title = (await second.textContent())?.trim();
    await second.click();
    expect((await page.locator('h1').textContent())?.trim()).toBe(title);
    const newer = await page.locator('a[rel="next"]').getAttribute('href');
    const older = await page.locator('a[rel="prev"]').getAttribute('href');
    expect(newer).toMatch(/\/zh\/log\/\d{4}-\d{2}-\d{2}/);
    expect(older).toMatch(/\/zh\/log\/\d{4}-\d{2}-\d{2}/);
    expect(older! < newer!).toBe(true);
    await page.close();
  });
});

describe('phone and themes', () => {
  it('fits a 360 px phone: sidebar folds behind a button, nothing scrolls sideways', async () => {
    const ctx = await browser.newContext({
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 1,
      isMobile: true,
    });
    const { page } = await watchedPage(ctx);
    await page.goto(url('zh/lessons/lesson-5/'));
    const panel = page.locator('#course-nav-panel');
    expect(await panel.isVisible()).toBe(false);
    await page.locator('[data-course-menu-toggle]').click();
    expect(await panel.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    const overflow = await sidewaysOverflow(page);
    expect(overflow).toBeLessThanOrEqual(0);
    await ctx.close();
  });

  // `npm run screenshots` writes these views as pictures to look at; here their layout is checked.
  it('shows a lesson in both themes at desktop and phone widths without sideways scrolling', async () => {
    // Opened in the dark theme at phone width, then turned light and widened, as a reader's system
    // and window would: one load instead of one a view.
    const { page, errors } = await site.page({ colorScheme: 'dark', viewport: { width: 360, height: 740 } });
    await page.goto(url('zh/lessons/lesson-5/'));
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: width > 360 ? 900 : 740 });
      for (const scheme of ['dark', 'light'] as const) {
        await turnTheme(page, scheme);
        expect(await sidewaysOverflow(page), `${scheme} at ${width} px`).toBeLessThanOrEqual(0);
      }
    }
    expect(errors).toEqual([]);
  });
});

describe('not found', () => {
  it('answers an unknown address with the bilingual 404 page', async () => {
    const { page } = await site.page();
    const res = await page.goto(url('en/lessons/no-such-lesson/'));
    expect(res?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toContain('页面不存在');
    expect(await page.locator('h1').textContent()).toContain('Page not found');
    expect(await page.locator(`a[href="${base}en/"]`).count()).toBe(1);
    await page.close();
  });
});

describe('print', () => {
  it('prints only the lesson, light, with link targets and code intact', async () => {
    const { page } = await site.page({ colorScheme: 'dark' });
    await page.goto(url('en/lessons/lesson-5/'));
    await page.emulateMedia({ media: 'print' });
    for (const chrome of ['.site-header', '.course-nav', '.reader__toc', '.pager', '.site-footer']) {
      expect(await page.locator(chrome).first().isVisible(), chrome).toBe(false);
    }
    expect(await page.locator('article h1').isVisible()).toBe(true);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
    const after = await page
      .locator('.prose a[href^="http"]')
      .first()
      .evaluate((a) => getComputedStyle(a, '::after').content);
    expect(after).toContain('http');
    expect(
      await page
        .locator('.code-block pre')
        .first()
        .evaluate((el) => getComputedStyle(el).whiteSpace),
    ).toBe('pre-wrap');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.byteLength).toBeGreaterThan(20_000);
    fs.writeFileSync(path.join(shots, 'lesson-print.pdf'), pdf);
  });
});
