import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { e2eBase, e2eDist, useBuiltSite } from './support/site';

const site = useBuiltSite();
const base = e2eBase;
const notebook = 'en/notebooks/sgd-from-scratch/';

async function open(p: string, options: { colorScheme?: 'light' | 'dark' } = {}) {
  const watched = await site.page(options);
  await watched.page.goto(`${site.server.origin}${base}${p}`);
  return watched;
}

describe('a notebook page under the base path', () => {
  it('shows highlighted code with execution counts, its images from the build, a coloured traceback, offline and quietly', async () => {
    const { page, outside, errors } = await open(notebook);
    expect(await page.locator('h1').textContent()).toBe('SGD from scratch');
    // Shiki colours come as the palette's classes on spans inside the code cells.
    expect(await page.locator('.nb-cell--code pre.astro-code span[class^="cl"]').count()).toBeGreaterThan(20);
    expect(await page.locator('.nb-prompt').allTextContents()).toContain('Code cellIn [4]:');
    expect(await page.locator('.code-block__copy').count()).toBe(7);

    const images = page.locator('.nb-output--image img');
    expect(await images.count()).toBe(1);
    await images.first().scrollIntoViewIfNeeded();
    await expect
      .poll(() => images.first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBe(640);
    expect(await images.first().getAttribute('src')).toMatch(
      new RegExp(`^${base}en/notebooks/sgd-from-scratch/output-[0-9a-f]{12}\\.png$`),
    );
    expect(await images.first().getAttribute('width')).toBe('640');
    expect(await page.content()).not.toContain('base64');

    const trace = page.locator('.nb-traceback');
    const plain = await trace.evaluate((el) => getComputedStyle(el).color);
    const red = await trace
      .locator('.ansi-red')
      .first()
      .evaluate((el) => getComputedStyle(el).color);
    expect(red).not.toBe(plain);
    expect(await page.locator('.nb-error__name').textContent()).toBe('RuntimeError');
    expect(await page.locator('.nb-output--stderr .nb-output__text').textContent()).toContain('UserWarning');
    expect(await page.locator('.nb-table table td').first().textContent()).toBe('0–9');

    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('has a table of contents from the Markdown cells and a language switch that keeps the section', async () => {
    const { page } = await open(notebook);
    const toc = await page.locator('.toc a[href^="#"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(toc).toEqual(['#mse', '#training-loop', '#shape-mistake', '#learning-rate']);
    expect(await page.locator('a[hreflang="zh-CN"], link[hreflang="zh-CN"]').count()).toBeGreaterThan(0);
  });

  it('lays out cells past the first few as they near the viewport, and a jump typed after the address lands', async () => {
    const { page } = await site.page({ viewport: { width: 360, height: 740 } });
    await page.goto(`${site.server.origin}${base}${notebook}`);
    // Something inside the last cell: the cell itself is laid out, what it holds is skipped.
    const last = page.locator('.notebook > .nb-cell').last().locator(':scope > *').first();
    const drawn = () => last.evaluate((el) => el.checkVisibility({ contentVisibilityAuto: true }));
    expect(await drawn()).toBe(false);
    await last.evaluate((el) => el.scrollIntoView());
    await expect.poll(drawn).toBe(true);
    // A place typed after the address (no link was clicked): the page is laid out whole, the
    // heading brought below the sticky header.
    await page.evaluate(() => scrollTo(0, 0));
    await page.evaluate(() => (location.hash = 'learning-rate'));
    await expect
      .poll(() => page.locator('#learning-rate').evaluate((h) => Math.round(h.getBoundingClientRect().top)))
      .toBeGreaterThanOrEqual(0);
    const top = await page.locator('#learning-rate').evaluate((h) => h.getBoundingClientRect().top);
    expect(top).toBeLessThan(120);
  });

  it('offers the .ipynb as a download from the build, byte for byte', async () => {
    const { page } = await open(notebook);
    const href = await page.locator('a[download]').getAttribute('href');
    expect(href).toBe(`${base}${notebook}sgd-from-scratch.ipynb`);
    const response = await page.request.get(`${site.server.origin}${href}`);
    expect(response.status()).toBe(200);
    expect(
      Buffer.from(await response.body()).equals(
        fs.readFileSync(path.resolve('content/notebooks/en/sgd-from-scratch.ipynb')),
      ),
    ).toBe(true);
  });

  it('links to its lesson, and the lesson lists its notebooks', async () => {
    const { page } = await open(notebook);
    await page.locator('.lesson__meta a', { hasText: 'Lesson 2' }).click();
    await page.waitForURL(`**${base}en/lessons/lesson-2/`);
    const listed = page.locator('#lesson-notebooks + .notebook-list a.notebook-list__title');
    expect(await listed.textContent()).toBe('SGD from scratch');
    expect(await listed.getAttribute('href')).toBe(`${base}${notebook}`);
  });

  it('is listed on the notebooks page of each language', async () => {
    const { page } = await open('zh/notebooks/');
    expect(await page.locator('.notebook-list__title').allTextContents()).toEqual(['从零实现 SGD']);
    expect(await page.locator('.site-header__nav a[aria-current="page"]').textContent()).toBe('笔记本');
  });
});

describe('notebooks in search', () => {
  it('finds a word from a Markdown cell, and the kind filter narrows to notebooks', async () => {
    const { page, errors } = await open('en/');
    await page.keyboard.press('/');
    await page.locator('#search-input').fill('overshoots');
    await page.locator('.search__result').first().waitFor();
    const all = await page.locator('.search__result').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(all.some((h) => h?.startsWith(`${base}${notebook}`))).toBe(true);
    await page.locator('[data-search-kind]').selectOption('notebook');
    await expect
      .poll(() =>
        page.locator('.search__result').evaluateAll((as) => as.map((a) => a.getAttribute('href')?.split(/[?#]/)[0])),
      )
      .toEqual([`${base}${notebook}`]);
    expect(await page.locator('.search__result').first().textContent()).toContain('Notebook');
    expect(errors).toEqual([]);
  });

  it('does not index tracebacks or prompts', () => {
    const html = fs.readFileSync(path.join(e2eDist, notebook, 'index.html'), 'utf8');
    expect(html).toMatch(/<pre class="nb-output__text nb-traceback" tabindex="0" data-pagefind-ignore/);
    expect(html).toMatch(/<span class="nb-prompt" data-pagefind-ignore/);
  });
});
