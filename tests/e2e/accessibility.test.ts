import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readingPlaceKey } from '../../src/lib/reading-place';
import { COLOUR_RULES, seriousViolations, type AxeRules } from './support/axe';
import { e2eBase, useBuiltSite } from './support/site';
import { turnTheme } from './support/views';

const site = useBuiltSite();
const base = e2eBase;

const pages = [
  '',
  'LANG/',
  'LANG/lessons/lesson-5/',
  'LANG/lessons/lesson-4/parallel/',
  'LANG/log/',
  'LANG/log/2023-05-31/',
  'LANG/log/tags/',
  'LANG/log/tags/yolo/',
  'LANG/notebooks/',
  'LANG/notebooks/sgd-from-scratch/',
  'LANG/notes/lesson-1-self-test/',
  'LANG/status/',
  'LANG/offline/',
];

/** The page's theme, as the site set it, when it is not `scheme`: a finding of its own. */
async function wrongTheme(page: Page, scheme: string): Promise<string[]> {
  const theme = await page.locator('html').getAttribute('data-theme');
  return theme === scheme ? [] : [`data-theme is ${theme}, not ${scheme}`];
}

/**
 * The serious and critical findings on each of `paths`, by path (pages without any are left out),
 * read one page after another in one context: one renderer, which compiles axe once. A page whose
 * theme is not the context's colour scheme counts as a finding. `rules` picks the rules of that scan
 * (all by default). With `darkToo`, each page is then switched to the dark theme as a reader's
 * system would switch it (the open page follows) and scanned again with the rules colours decide.
 * The context remembers a place in lesson 3, so the home pages are scanned with "continue reading"
 * shown.
 */
async function scan(
  paths: string[],
  options: BrowserContextOptions,
  { darkToo = false, lang = 'zh', rules }: { darkToo?: boolean; lang?: string; rules?: AxeRules } = {},
): Promise<Record<string, string[]>> {
  // axe is injected as a script, which the site's own CSP would rightly refuse.
  const context = await site.browser.newContext({ ...options, bypassCSP: true });
  await context.addInitScript(
    ([key, href]) => localStorage.setItem(key!, JSON.stringify({ href, lesson: 'Lesson 3', section: 'CamVid', at: 0 })),
    [readingPlaceKey(base), `${base}${lang}/lessons/lesson-3/#camvid-segmentation`],
  );
  const page = await context.newPage();
  const found: Record<string, string[]> = {};
  const scheme = options.colorScheme ?? 'light';
  try {
    for (const p of paths) {
      if (darkToo) await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${site.server.origin}${base}${p}`);
      // The save-for-offline control (home, lessons index) shows once it knows the download's size.
      const control = page.locator('offline-save');
      if (await control.count()) await control.locator('[data-save-action]:not([hidden])').first().waitFor();
      if (await page.locator('continue-reading').count()) await page.locator('continue-reading a').waitFor();
      const problems = [...(await wrongTheme(page, scheme)), ...(await seriousViolations(page, rules))];
      if (darkToo) {
        await turnTheme(page, 'dark');
        problems.push(...(await seriousViolations(page, COLOUR_RULES)).map((v) => `dark: ${v}`));
      }
      if (problems.length) found[`/${p}`] = problems;
    }
  } finally {
    await context.close();
  }
  return found;
}

/**
 * The findings on a page once its language is saved for offline reading (date, update, remove), in
 * each of `views`: saved once, then read again in each theme and width (saving downloads the whole
 * language, so it is done once per run here).
 */
async function scanSavedControl(
  p: string,
  views: readonly { colorScheme: 'light' | 'dark'; width: number }[],
): Promise<Record<string, string[]>> {
  const context = await site.browser.newContext({ bypassCSP: true });
  const found: Record<string, string[]> = {};
  try {
    const page = await context.newPage();
    await page.goto(`${site.server.origin}${base}${p}`);
    const control = page.locator('offline-save');
    await control.locator('[data-save-action="save"]').click();
    await control.locator('[data-save-action="remove"]').waitFor();
    for (const { colorScheme, width } of views) {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width, height: 800 });
      await page.reload();
      await control.locator('[data-save-action="remove"]').waitFor();
      const problems = await seriousViolations(page);
      if (problems.length) found[`${colorScheme} ${width}px`] = problems;
    }
  } finally {
    await context.close();
  }
  return found;
}

// The scans run a few at a time in the one Chromium; each uses its own test's `expect`, as
// concurrent tests must.
describe.concurrent('axe scans', { timeout: 240_000 }, () => {
  // Colours come from the same tokens and templates in both languages (base.css changes only the
  // line height for Chinese): the rules colours decide run on the Chinese pages, whose pages also
  // carry the most markup (CJK text, both scripts), in both themes; the English pages get every
  // other rule. Those two rules are about half of axe's time on a page.
  describe.each([
    ['zh', true],
    ['en', false],
  ] as const)('the %s pages', (lang, colours) => {
    it(`have no serious or critical axe violations on any of their ${pages.length}, in the light theme${
      colours ? ' and, for colours, in the dark one' : ', colours aside'
    }`, async ({ expect }) => {
      const found = await scan(
        pages.map((p) => p.replace('LANG', lang)),
        { colorScheme: 'light' },
        colours ? { darkToo: true, lang } : { lang, rules: { except: COLOUR_RULES } },
      );
      expect(found).toEqual({});
    });
  });

  // The search dialog over the home page, showing results: in both languages in the light theme,
  // and turned dark for the rules colours decide, in one context.
  it('has no serious or critical axe violations with the search dialog open and showing results', async ({
    expect,
  }) => {
    const context = await site.browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    const found: Record<string, string[]> = {};
    for (const [lang, query] of [
      ['zh', '学习率'],
      ['en', 'learning rate'],
    ] as const) {
      await page.goto(`${site.server.origin}${base}${lang}/`);
      await page.keyboard.press('/');
      await page.locator('#search-input').fill(query);
      await page.locator('.search__result').first().waitFor();
      found[`${lang} light`] = await seriousViolations(page);
      if (lang === 'zh') {
        await turnTheme(page, 'dark');
        found[`${lang} dark`] = await seriousViolations(page, COLOUR_RULES);
        await page.emulateMedia({ colorScheme: 'light' });
      }
    }
    await context.close();
    expect(found).toEqual({ 'zh light': [], 'zh dark': [], 'en light': [] });
  });

  /** On phones wide formulas and tables scroll sideways; lessons 7 and 9 have the widest. Colours do
   * not change with the width: the rules they decide ran above on every kind of page here (lessons
   * among them), in both themes. */
  const phonePages = [...pages, 'LANG/lessons/lesson-7/', 'LANG/lessons/lesson-9/'];

  // The control before saving is on the home page and lessons index above; once saved it shows
  // other buttons and text. Its colours and layout do not depend on the language.
  it('has no serious or critical axe violations on the save-for-offline control once saved, in both themes and at 360 px', async ({
    expect,
  }) => {
    const views = [
      { colorScheme: 'light', width: 1280 },
      { colorScheme: 'dark', width: 1280 },
      { colorScheme: 'light', width: 360 },
      { colorScheme: 'dark', width: 360 },
    ] as const;
    expect(await scanSavedControl('zh/', views)).toEqual({});
  });

  // The pages the offline reader adds (the offline page, the home page with the save control) are
  // also read at phone width in the dark theme, in both languages.
  it('has no serious or critical axe violations on the offline page and the save control at 360 px in the dark theme', async ({
    expect,
  }) => {
    const offlinePages = ['zh/offline/', 'en/offline/', 'zh/', 'en/'];
    expect(await scan(offlinePages, { colorScheme: 'dark', viewport: { width: 360, height: 740 } })).toEqual({});
  });

  // A phone changes layout, not colours or language: the Chinese pages, which wrap differently.
  describe.each(['zh'])('accessibility at 360 px, %s', (lang) => {
    it(`has no serious or critical axe violations on any of its ${phonePages.length} pages`, async ({ expect }) => {
      const found = await scan(
        phonePages.map((p) => p.replace('LANG', lang)),
        { viewport: { width: 360, height: 740 } },
        { rules: { except: COLOUR_RULES } },
      );
      expect(found).toEqual({});
    });
  });
});

describe('keyboard', () => {
  it('reaches the skip link first, then the header controls, all with visible focus', async () => {
    const { page } = await site.page();
    await page.goto(`${site.server.origin}${base}en/lessons/lesson-1/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Skip to content');
    const names: string[] = [];
    // Tab through the header until the theme toggle, its last control.
    for (let i = 0; i < 12 && !names.at(-1)?.startsWith('Dark theme'); i++) {
      await page.keyboard.press('Tab');
      names.push(
        await page.evaluate(() => {
          const el = document.activeElement as HTMLElement;
          const outline = getComputedStyle(el).outlineStyle;
          return `${el.getAttribute('aria-label') ?? el.textContent?.trim()}|${outline}`;
        }),
      );
    }
    const labels = names.map((n) => n.split('|')[0]);
    expect(labels).toEqual(expect.arrayContaining(['Lessons', 'Study log', 'Read in 中文', 'Dark theme']));
    expect(labels.some((l) => l?.startsWith('Search'))).toBe(true);
    expect(names.every((n) => n.endsWith('|solid'))).toBe(true);
    await page.keyboard.press('Enter');
  });

  it('gives every formula that scrolls at 360 px a tab stop, also when KaTeX’s fonts arrive late', async () => {
    const { page } = await site.page({ viewport: { width: 360, height: 740 } });
    // A formula laid out in the fallback font grows when its font arrives.
    await page.route('**/*.woff2', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      await route.continue();
    });
    await page.goto(`${site.server.origin}${base}zh/lessons/lesson-5/`);
    await page.evaluate(() => document.fonts.ready);
    // Formulas further down are laid out only as they near the viewport (lib/whole-page.ts), and
    // measured then: each, once on screen, has a tab stop if it scrolls and none if it fits.
    const regions = page.locator('[data-scroll-region]');
    const states: string[] = [];
    for (let i = 0; i < (await regions.count()); i++) {
      const region = regions.nth(i);
      await region.evaluate((r) => r.scrollIntoView());
      const state = () =>
        region.evaluate(
          (r) => `${r.scrollWidth > r.clientWidth + 1 ? 'scrolls' : 'fits'} ${r.getAttribute('tabindex') ?? 'none'}`,
        );
      await expect.poll(state).toMatch(/^(scrolls 0|fits none)$/);
      states.push(await state());
    }
    expect(states).toContain('scrolls 0');
  });

  it('moves through search results with the arrow keys and closes with Escape', async () => {
    const { page } = await site.page();
    await page.goto(`${site.server.origin}${base}zh/`);
    await page.keyboard.press('Control+k');
    await page.keyboard.type('梯度');
    await page.locator('.search__result').nth(1).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-result-1');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    await page.keyboard.press('Escape');
    expect(await page.locator('#search-dialog').evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
  });
});
