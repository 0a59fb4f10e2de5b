import { describe, expect, it } from 'vitest';
import { e2eBase, useBuiltSite } from './support/site';

// The lesson 1 self-test is an .mdx note that uses every note component, every callout kind
// (both syntaxes) and `{/* #id */}` heading ids.
const site = useBuiltSite();
const selfTest = (lang: 'zh' | 'en') => site.url(`${lang}/notes/lesson-1-self-test/`);

describe('callouts and note components in an .mdx note', () => {
  it('renders every callout as a named note with its title and the headings with their ids', async () => {
    const { page, errors, outside } = await site.page();
    await page.goto(selfTest('en'));
    const names = await page
      .locator('aside.callout[role="note"]')
      .evaluateAll((els) =>
        els.map((e) => `${e.className.replace('callout callout--', '')}:${e.getAttribute('aria-label')}`),
      );
    expect(names).toEqual([
      'tip:Tip',
      'important:Important',
      'warning:Not the minimum',
      'warning:Warning',
      'note:Note',
      'danger:Caution',
      'danger:Check the data first',
      'danger:Danger',
    ]);
    expect(await page.locator('aside.callout .callout__icon').count()).toBe(names.length);
    expect(await page.locator('.prose h2').evaluateAll((hs) => hs.map((h) => h.id))).toEqual([
      'transfer-learning',
      'learning-rates',
      'two-libraries',
      'further',
    ]);
    expect(await page.locator('.prose').textContent()).not.toMatch(/\[!|:::|\{\/\*/);
    const zh = await page.request.get(selfTest('zh'));
    expect(await zh.text()).toContain('aria-label="提示"');
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('links a video time to the video at that moment, loading nothing from it', async () => {
    const { page, outside } = await site.page();
    await page.goto(selfTest('en'));
    const chip = page.locator('a.video-time').first();
    expect(await chip.getAttribute('href')).toBe('https://youtu.be/BWWm4AzsdLk?t=2334');
    expect(await chip.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await chip.getAttribute('aria-label')).toBe('Watch the video from 38:54');
    expect(outside).toEqual([]);
  });

  it('switches tabs with the keyboard and remembers the choice on the next page, in either language', async () => {
    const { page, errors } = await site.page();
    await page.goto(selfTest('en'));
    const tabs = page.locator('note-tabs [role="tab"]');
    const panels = page.locator('note-tabs [role="tabpanel"]');
    expect(await tabs.allTextContents()).toEqual(['fastai v1', 'PyTorch']);
    expect(await panels.nth(1).isHidden()).toBe(true);
    await tabs.first().focus();
    await page.keyboard.press('ArrowRight');
    expect(await tabs.nth(1).getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('PyTorch');
    expect(await panels.nth(1).isVisible()).toBe(true);
    expect(await panels.nth(0).isHidden()).toBe(true);
    expect(await tabs.first().getAttribute('tabindex')).toBe('-1');
    await page.keyboard.press('Home');
    expect(await tabs.first().getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('End');
    expect(await tabs.nth(1).getAttribute('aria-selected')).toBe('true');
    await page.goto(selfTest('zh'));
    await page.waitForFunction(
      () => document.querySelector('note-tabs [role="tab"][aria-selected="true"]')?.textContent?.trim() === 'PyTorch',
    );
    expect(await page.locator('note-tabs [role="tabpanel"]').nth(1).isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('folds answers in a native disclosure', async () => {
    const { page } = await site.page();
    await page.goto(selfTest('zh'));
    const answer = page.locator('details.answer').first();
    expect(await answer.locator('summary').textContent()).toBe('答案');
    expect(await answer.locator('.answer__body').isVisible()).toBe(false);
    await answer.locator('summary').press('Enter');
    expect(await answer.locator('.answer__body').isVisible()).toBe(true);
    expect(await page.locator('details.answer summary').nth(3).textContent()).toBe('答案：差异化学习率');
  });

  it('shows a figure with its alt text and caption, served under the base path', async () => {
    const { page } = await site.page();
    await page.goto(selfTest('en'));
    const img = page.locator('figure.note-figure img');
    expect(await img.getAttribute('src')).toMatch(new RegExp(`^${e2eBase}_astro/`));
    expect(await img.getAttribute('alt')).toMatch(/^Loss against learning rate/);
    expect(await img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    expect(await page.locator('figure.note-figure figcaption').textContent()).toContain('learn.recorder.plot()');
  });
});

describe('a note on a lesson', () => {
  it('is listed on the lesson page in its language and links back to the lesson', async () => {
    const { page, errors } = await site.page();
    for (const [lang, heading, label] of [
      ['en', 'Notes on this lesson', 'Lesson 1'],
      ['zh', '本课的其他笔记', '第 1 课'],
    ] as const) {
      await page.goto(site.url(`${lang}/lessons/lesson-1/`));
      const list = page.locator('section[aria-labelledby="lesson-notes"]');
      expect(await list.locator('h2').textContent()).toBe(heading);
      expect(await list.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
        `${e2eBase}${lang}/notes/lesson-1-self-test/`,
      ]);
      await page.goto(selfTest(lang));
      const back = page.locator(`.lesson__kicker a[href="${e2eBase}${lang}/lessons/lesson-1/"]`);
      expect(await back.textContent()).toContain(label);
      // Lessons without notes show no such list.
      await page.goto(site.url(`${lang}/lessons/lesson-2/`));
      expect(await page.locator('#lesson-notes').count()).toBe(0);
    }
    expect(errors).toEqual([]);
  });
});

describe('edit link and last updated', () => {
  it('links every note to its source file for editing and says when it last changed', async () => {
    const { page } = await site.page();
    for (const [path, file, edit] of [
      ['en/notes/lesson-1-self-test/', 'content/notes/en/lesson-1-self-test.mdx', 'Edit this page'],
      ['zh/lessons/lesson-3/', 'content/lessons/zh/lesson-3.md', '在 GitHub 上编辑此页'],
      ['en/log/2023-05-31/', 'content/log/en/2023-05-31.md', 'Edit this page'],
    ] as const) {
      await page.goto(site.url(path));
      const link = page.locator('.page-source__edit a');
      expect(await link.getAttribute('href')).toBe(`https://github.com/example/fastai-notes/edit/main/${file}`);
      expect((await link.textContent())?.trim()).toBe(edit);
      expect(await page.locator('.page-source__updated time').getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});
