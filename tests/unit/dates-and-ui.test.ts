import { describe, expect, it } from 'vitest';
import { formatDay, formatMonth } from '../../src/lib/dates';
import { t } from '../../src/i18n/ui';
import { notesDir } from '../../src/node/notes-dir';

describe('dates', () => {
  it('formats a calendar day per locale without shifting it by time zone', () => {
    const day = new Date('2023-05-26');
    expect(formatDay(day, 'zh')).toBe('2023年5月26日');
    expect(formatDay(day, 'en')).toBe('May 26, 2023');
  });

  it('formats a month heading per locale', () => {
    expect(formatMonth('2023-05', 'zh')).toBe('2023年5月');
    expect(formatMonth('2023-08', 'en')).toBe('August 2023');
  });
});

describe('UI strings', () => {
  it('fills placeholders in each language', () => {
    expect(t('zh', 'lesson.label', { n: 3 })).toBe('第 3 课');
    expect(t('en', 'lesson.label', { n: 3 })).toBe('Lesson 3');
    expect(t('en', 'lang.switch', { language: '中文' })).toBe('Read in 中文');
  });

  it('leaves an unknown placeholder visible rather than printing undefined', () => {
    expect(t('en', 'lesson.label')).toBe('Lesson {n}');
  });
});

describe('notes folder', () => {
  it('defaults to content/ and honours NOTES_DIR', () => {
    expect(notesDir({}, '/p')).toBe('/p/content');
    expect(notesDir({ NOTES_DIR: 'imported' }, '/p')).toBe('/p/imported');
    expect(notesDir({ NOTES_DIR: '/abs/notes' }, '/p')).toBe('/abs/notes');
  });
});

describe('shiftHeadings', () => {
  it('moves opening and closing heading tags down and caps at h6', async () => {
    const { shiftHeadings } = await import('../../src/lib/headings');
    expect(shiftHeadings('<h2 id="x">A <em>b</em></h2><p>h2</p><h5>c</h5><header>d</header>', 2)).toBe(
      '<h4 id="x">A <em>b</em></h4><p>h2</p><h6>c</h6><header>d</header>',
    );
  });
});
