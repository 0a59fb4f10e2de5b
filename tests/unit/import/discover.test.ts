import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discover, isReadme, lessonNumber } from '../../../src/import/discover';
import { cjkShare, detectLocale, folderHint } from '../../../src/import/locale';
import { kebab, safeFileName, slugOf } from '../../../src/import/slug';

const repo = path.resolve('tests/fixtures/import/repo');

describe('lessonNumber', () => {
  it.each([
    ['chinese/Lesson1.md', 1],
    ['Lesson7.md', 7],
    ['lesson8/lesson8.md', 8],
    ['lesson9/lesson9.md', 9],
    ['lesson-03-notes.md', 3],
    ['Lesson 12 Notes Advanced training techniques.md', 12],
    ['第3课.md', 3],
    ['第十二课 笔记.md', 12],
    ['lesson10/README.md', 10],
    ['lesson4/notes.md', 4],
  ])('%s → %i', (rel, n) => {
    expect(lessonNumber(rel)).toBe(n);
  });

  it.each([
    'lesson0 2020/lesson0 2020 notes.md',
    'icevisionNote.md',
    'fastai code.md',
    'README.md',
    'lesson13.md',
    'lessons.md',
    'chinese/README.md',
  ])('%s is not a lesson', (rel) => {
    expect(lessonNumber(rel)).toBeUndefined();
  });

  it('knows an index from a note', () => {
    expect(isReadme('chinese/README.md')).toBe(true);
    expect(isReadme('index.markdown')).toBe(true);
    expect(isReadme('readme-old.md')).toBe(false);
  });
});

describe('discover', () => {
  it('lists the Markdown files of a source in a stable order, with lesson numbers', () => {
    const docs = discover(repo).map((d) => [d.display, d.lesson ?? null, d.readme]);
    expect(docs).toEqual([
      ['repo/README.md', null, true],
      ['repo/chinese/Lesson1.md', 1, false],
      ['repo/english/Lesson1.md', 1, false],
      ['repo/lesson8/lesson8.md', 8, false],
      ['repo/misc/broken.md', null, false],
      ['repo/misc/fastai code.md', null, false],
      ['repo/misc/icevisionNote.md', null, false],
    ]);
  });
});

describe('locale', () => {
  it('measures CJK share of the prose, not of code, URLs or math', () => {
    expect(cjkShare('这是一个中文句子，讲学习率。')).toBe(1);
    expect(cjkShare('An English sentence about learning rates.')).toBe(0);
    const english =
      'The model learns.\n\n```python\n# 中文注释中文注释中文注释中文注释\n```\n\nSee https://例子.com/中文 and $\\text{中文}$.';
    expect(cjkShare(english)).toBe(0);
  });

  it('counts a translation full of English terms as Chinese', () => {
    const zh =
      '我们用 learning rate finder 找到合适的学习率，然后用 fit_one_cycle 训练 ResNet34 模型，最后看 confusion matrix。';
    expect(detectLocale(zh).locale).toBe('zh');
  });

  it('uses the folder as a hint, not as the answer', () => {
    expect(folderHint('chinese/Lesson1.md')).toBe('zh');
    expect(folderHint('notes/en/a.md')).toBe('en');
    expect(folderHint('lesson8/lesson8.md')).toBeUndefined();
    const mostlyEnglish = 'This lesson is about CNNs and how convolutions work on images. 卷积。';
    expect(detectLocale(mostlyEnglish).locale).toBe('en');
    expect(detectLocale(mostlyEnglish, 'zh').locale).toBe('zh');
    expect(detectLocale('Only English text in a chinese folder.', 'zh').locale).toBe('en');
  });
});

describe('slugs', () => {
  it('makes lowercase ASCII kebab-case from file names', () => {
    expect(kebab('icevisionNote')).toBe('icevision-note');
    expect(kebab('fastai code')).toBe('fastai-code');
    expect(kebab('lesson0 2020 notes')).toBe('lesson0-2020-notes');
    expect(kebab('wasimlorgat')).toBe('wasimlorgat');
    expect(kebab('HTMLParser_notes')).toBe('html-parser-notes');
  });

  it('never returns an empty slug', () => {
    expect(slugOf('学习笔记')).toMatch(/^note-[0-9a-f]{8}$/);
    expect(slugOf('学习笔记')).toBe(slugOf('学习笔记'));
  });

  it('keeps safe file names and makes others safe without collisions', () => {
    expect(safeFileName('Snipaste_2021-10-08_10-42-16.png')).toBe('Snipaste_2021-10-08_10-42-16.png');
    const a = safeFileName('图 1.png');
    const b = safeFileName('图 2.png');
    expect(a).toMatch(/^[a-z0-9-]+\.png$/);
    expect(a).not.toBe(b);
  });
});
