import { describe, expect, it } from 'vitest';
import {
  archiveYears,
  dateFromLogSlug,
  groupByMonth,
  isoDay,
  logDateProblem,
  logNeighbours,
  sortLogNewestFirst,
  tagIndex,
  type LogRef,
} from '../../src/lib/log';

const e = (slug: string, locale: 'zh' | 'en' = 'zh'): LogRef => ({
  slug,
  locale,
  date: new Date(`${slug.slice(0, 10)}T00:00:00Z`),
});

describe('log entries', () => {
  it('reads the date from a file name, with or without a same-day suffix', () => {
    expect(dateFromLogSlug('2023-05-26')).toBe('2023-05-26');
    expect(dateFromLogSlug('2023-05-26-2')).toBe('2023-05-26');
    expect(dateFromLogSlug('notes-2023')).toBeUndefined();
    expect(dateFromLogSlug('2023-5-26')).toBeUndefined();
  });

  it('accepts a date that agrees with the file name, and names the file and both days when it does not', () => {
    expect(logDateProblem('log/en/2023-05-26-2.md', '2023-05-26-2', new Date('2023-05-26'))).toBeUndefined();
    expect(logDateProblem('log/en/2023-05-26.md', '2023-05-26', new Date('2023-05-27'))).toBe(
      'log/en/2023-05-26.md: frontmatter "date" is 2023-05-27 but the file name says 2023-05-26. Make them agree (rename the file or fix the date).',
    );
    expect(logDateProblem('log/en/notes.md', 'notes', new Date('2023-05-27'))).toMatch(
      /^log\/en\/notes\.md: a log entry's file name must be its date/,
    );
  });

  it('formats the ISO day in UTC', () => {
    expect(isoDay(new Date('2023-08-15T00:00:00Z'))).toBe('2023-08-15');
  });

  it('puts the newest first and the later same-day entry above the earlier one', () => {
    const sorted = sortLogNewestFirst([e('2023-05-11'), e('2023-08-15'), e('2023-05-26-1'), e('2023-05-26-2')]);
    expect(sorted.map((x) => x.slug)).toEqual(['2023-08-15', '2023-05-26-2', '2023-05-26-1', '2023-05-11']);
  });

  it('groups by month, newest month first, one language only', () => {
    const groups = groupByMonth(
      [e('2023-05-11'), e('2023-06-01'), e('2023-05-31'), e('2023-08-08'), e('2023-06-09', 'en')],
      'zh',
    );
    expect(groups.map((g) => [g.month, g.entries.map((x) => x.slug)])).toEqual([
      ['2023-08', ['2023-08-08']],
      ['2023-06', ['2023-06-01']],
      ['2023-05', ['2023-05-31', '2023-05-11']],
    ]);
  });

  it('finds older and newer entries of the same language', () => {
    const all = [e('2023-05-11'), e('2023-05-16'), e('2023-05-17'), e('2023-05-16', 'en')];
    const { older, newer } = logNeighbours(all, e('2023-05-16'));
    expect(older?.slug).toBe('2023-05-11');
    expect(newer?.slug).toBe('2023-05-17');
    expect(logNeighbours(all, e('2023-05-16', 'en'))).toEqual({});
  });
});

describe('tags and archive', () => {
  const tagged = (slug: string, tags: string[], locale: 'zh' | 'en' = 'en') => ({ ...e(slug, locale), tags });

  it('lists each tag with its entries newest first, most used tags first, one language only', () => {
    const index = tagIndex(
      [
        tagged('2023-05-11', ['yolo', 'map']),
        tagged('2023-06-01', ['map']),
        tagged('2023-05-26', ['ssd', 'map', 'map']),
        tagged('2023-06-09', ['yolo'], 'zh'),
      ],
      'en',
      (x) => x.tags,
    );
    expect(index.map((g) => [g.tag, g.entries.map((x) => x.slug)])).toEqual([
      ['map', ['2023-06-01', '2023-05-26', '2023-05-11']],
      ['ssd', ['2023-05-26']],
      ['yolo', ['2023-05-11']],
    ]);
  });

  it('groups months by year for the archive, with counts', () => {
    expect(
      archiveYears([e('2022-12-30'), e('2023-05-11'), e('2023-05-31'), e('2023-08-08'), e('2023-09-01', 'en')], 'zh'),
    ).toEqual([
      {
        year: '2023',
        months: [
          { month: '2023-08', count: 1 },
          { month: '2023-05', count: 2 },
        ],
      },
      { year: '2022', months: [{ month: '2022-12', count: 1 }] },
    ]);
  });
});
