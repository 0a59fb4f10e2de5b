import { describe, expect, it } from 'vitest';
import { counterpart, groupByPart, neighbours, partMismatch, sortLessons, type LessonRef } from '../../src/lib/course';

const l = (locale: 'zh' | 'en', lesson: number, slug = `lesson-${lesson}`): LessonRef => ({
  locale,
  lesson,
  slug,
  part: lesson <= 7 ? 1 : 2,
  title: `${locale} ${lesson}`,
});

// Deliberately out of order, as files come from a directory listing.
const lessons = [l('en', 10), l('zh', 2), l('en', 1), l('en', 2), l('zh', 1), l('en', 8), l('zh', 9)];

describe('course order', () => {
  it('sorts by lesson number, not by slug text (10 after 2)', () => {
    expect(sortLessons(lessons.filter((x) => x.locale === 'en')).map((x) => x.lesson)).toEqual([1, 2, 8, 10]);
  });

  it('groups one locale by part and leaves out empty parts', () => {
    const groups = groupByPart(lessons, 'en');
    expect(groups.map((g) => [g.part, g.lessons.map((x) => x.lesson)])).toEqual([
      [1, [1, 2]],
      [2, [8, 10]],
    ]);
    expect(groupByPart([l('zh', 1)], 'zh').map((g) => g.part)).toEqual([1]);
  });

  it('finds previous and next within the same language across parts', () => {
    const { prev, next } = neighbours(lessons, l('en', 2));
    expect(prev?.lesson).toBe(1);
    expect(next?.lesson).toBe(8);
    expect(next?.locale).toBe('en');
  });

  it('has no previous for the first and no next for the last lesson', () => {
    expect(neighbours(lessons, l('en', 1)).prev).toBeUndefined();
    expect(neighbours(lessons, l('en', 10)).next).toBeUndefined();
    expect(neighbours(lessons, l('en', 5))).toEqual({});
  });

  it('finds the counterpart by slug in the other language, or nothing', () => {
    expect(counterpart(lessons, l('en', 1), 'zh')?.locale).toBe('zh');
    expect(counterpart(lessons, l('en', 8), 'zh')).toBeUndefined();
  });

  it('explains a part that does not match the lesson number', () => {
    expect(partMismatch(3, 1)).toBeUndefined();
    expect(partMismatch(8, 2)).toBeUndefined();
    expect(partMismatch(9, 1)).toBe('lesson 9 belongs to part 2, not part 1');
    expect(partMismatch(7, 2)).toMatch(/part 1/);
    expect(partMismatch(13, 2)).toMatch(/outside the course/);
  });
});
