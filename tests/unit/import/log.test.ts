import { describe, expect, it } from 'vitest';
import { findLogSections, parseDateHeading } from '../../../src/import/log';
import { parse } from '../../../src/lib/markdown/parse';

describe('parseDateHeading', () => {
  it.each([
    ['2023年8月15日 星期二', { date: '2023-08-15', rest: '' }],
    ['2023年5月26日14:50:11 周五', { date: '2023-05-26', time: '14:50:11', rest: '' }],
    ['2023年5月23日14:52:09', { date: '2023-05-23', time: '14:52:09', rest: '' }],
    ['2023年5月17日 ToDo', { date: '2023-05-17', rest: 'ToDo' }],
    ['2023年5月11日11:46:41', { date: '2023-05-11', time: '11:46:41', rest: '' }],
    ['2023 年 5 月 9 日 (周二) 复盘', { date: '2023-05-09', rest: '复盘' }],
    ['2023-05-11 11:46 Monday', { date: '2023-05-11', time: '11:46', rest: '' }],
    ['2023/5/1 — planning', { date: '2023-05-01', rest: 'planning' }],
  ])('%s', (heading, expected) => {
    expect(parseDateHeading(heading)).toEqual(expected);
  });

  it('rejects headings that are not dates, and impossible dates', () => {
    expect(parseDateHeading('Lesson 1')).toBeUndefined();
    expect(parseDateHeading('2023年2月30日')).toBeUndefined();
    expect(parseDateHeading('Notes from 2023年5月1日')).toBeUndefined();
  });
});

describe('findLogSections', () => {
  const readme = [
    '# Repo',
    '',
    '## 每日更新',
    '### 2023年8月15日 星期二',
    '- ✔️ done',
    '- [ ] todo',
    '',
    '#### 2023年5月17日 ToDo',
    '  - [x] ➕ more',
    '- 2023年5月23日10:59:28 补充：a date inside a list item is not a heading',
    '',
    '------------------',
    'after the log',
    '',
    '## Other',
  ].join('\n');

  it('splits at every dated heading, whatever its level, and stops at the break after the last one', () => {
    const sections = findLogSections(readme, parse(readme, { math: true }));
    expect(sections.map((s) => [s.date, s.rest])).toEqual([
      ['2023-08-15', ''],
      ['2023-05-17', 'ToDo'],
    ]);
    const bodies = sections.map((s) => readme.slice(s.bodyStart, s.end));
    expect(bodies[0]).toBe('- ✔️ done\n- [ ] todo');
    expect(bodies[1]).toBe('  - [x] ➕ more\n- 2023年5月23日10:59:28 补充：a date inside a list item is not a heading');
  });

  it('ends the log at a heading above the dated ones', () => {
    const md = '## Log\n### 2023-01-02\na\n## Elsewhere\nb';
    const [s] = findLogSections(md, parse(md, { math: true }));
    expect(md.slice(s?.bodyStart, s?.end)).toBe('a');
  });

  it('ignores dated headings inside code', () => {
    const md = '```\n### 2023年1月1日\n```';
    expect(findLogSections(md, parse(md, { math: true }))).toEqual([]);
  });
});
