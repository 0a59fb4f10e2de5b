import { describe, expect, it } from 'vitest';
import { cacheKeyOf } from '../../../src/routing/cache-key';

/** A content-layer entry as getCollection returns it in a build: its HTML kept in a file named by its content. */
const entry = (id: string, title: string, body: string, headings: string[] = []) => ({
  collection: 'lessons',
  id,
  data: { title },
  body,
  rendered: { html: '', metadata: { headings, htmlFile: `/cache/note-html/${encodeURIComponent(body)}.html` } },
});

const shape = 'lessons/en/lesson-1\nlessons/en/lesson-2';

describe('cache keys for incremental builds', () => {
  const page = (second: ReturnType<typeof entry>) => ({
    title: 'Lesson 1',
    lessons: [{ entry: entry('en/lesson-1', 'One', 'text') }, { entry: second }],
  });

  it('are the same for the same route data', () => {
    expect(cacheKeyOf(page(entry('en/lesson-2', 'Two', 'text')), shape)).toBe(
      cacheKeyOf(page(entry('en/lesson-2', 'Two', 'text')), shape),
    );
  });

  it('do not change when a note the page only lists changes its text', () => {
    expect(cacheKeyOf(page(entry('en/lesson-2', 'Two', 'old text')), shape)).toBe(
      cacheKeyOf(page(entry('en/lesson-2', 'Two', 'new text')), shape),
    );
  });

  it('change when a note the page renders changes its text (props entry, own, other)', () => {
    const lesson = (body: string) => ({ entry: { locale: 'en', entry: entry('en/lesson-1', 'One', body) } });
    expect(cacheKeyOf(lesson('old text'), shape)).not.toBe(cacheKeyOf(lesson('new text'), shape));
    const parallel = (body: string) => ({
      own: { entry: entry('zh/lesson-1', '一', '文字') },
      other: { entry: entry('en/lesson-1', 'One', body) },
    });
    expect(cacheKeyOf(parallel('old text'), shape)).not.toBe(cacheKeyOf(parallel('new text'), shape));
  });

  it('change with a listed note’s front matter or stored headings, and with the site’s shape', () => {
    const before = cacheKeyOf(page(entry('en/lesson-2', 'Two', 'text')), shape);
    expect(cacheKeyOf(page(entry('en/lesson-2', 'Two, renamed', 'text')), shape)).not.toBe(before);
    expect(cacheKeyOf(page(entry('en/lesson-2', 'Two', 'text', ['a new section'])), shape)).not.toBe(before);
    expect(cacheKeyOf(page(entry('en/lesson-2', 'Two', 'text')), `${shape}\nnotes/en/new`)).not.toBe(before);
  });

  it('see what maps, sets and dates hold', () => {
    const key = (m: Map<string, number>, s: Set<string>, d: Date) => cacheKeyOf({ m, s, d }, shape);
    const day = new Date('2024-05-01');
    const base = key(new Map([['a', 1]]), new Set(['x']), day);
    expect(key(new Map([['a', 2]]), new Set(['x']), day)).not.toBe(base);
    expect(key(new Map([['a', 1]]), new Set(['y']), day)).not.toBe(base);
    expect(key(new Map([['a', 1]]), new Set(['x']), new Date('2024-05-02'))).not.toBe(base);
  });
});
