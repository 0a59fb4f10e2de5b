import { describe, expect, it } from 'vitest';
import { t } from '../../../src/i18n/ui';
import { neighbours } from '../../../src/lib/course';
import { pageUrl } from '../../../src/lib/hrefs';
import {
  alternatesOf,
  missingTranslationOf,
  pagerOf,
  switchTargetOf,
  translationOf,
  type PagerKind,
} from '../../../src/routing/entry-data';

/** A made-up collection: lessons 1–3 in Chinese, 1 and 2 in English. */
type FakeLesson = { slug: string; locale: 'zh' | 'en'; lesson: number; title: string };
const lesson = (locale: 'zh' | 'en', n: number): FakeLesson => ({
  slug: `lesson-${n}`,
  locale,
  lesson: n,
  title: `${locale} ${n}`,
});
const lessons = [lesson('zh', 2), lesson('en', 1), lesson('zh', 1), lesson('zh', 3), lesson('en', 2)];
const find = (locale: 'zh' | 'en', n: number) => lessons.find((l) => l.locale === locale && l.lesson === n)!;
const href = (l: FakeLesson) => pageUrl(l.locale, 'lessons', l.slug);
const pager: PagerKind<FakeLesson> = {
  label: 'nav.pagination',
  neighbours,
  prevLabel: 'nav.prev',
  nextLabel: 'nav.next',
  linkTitle: (l) => l.title,
};

describe('route data of an entry page', () => {
  it('finds the translation by slug in the other language, and none where there is none', () => {
    expect(translationOf(lessons, find('zh', 1))).toBe(find('en', 1));
    expect(translationOf(lessons, find('en', 2))).toBe(find('zh', 2));
    expect(translationOf(lessons, find('zh', 3))).toBeUndefined();
  });

  it('lists the page in each language that has it, its own first', () => {
    expect(alternatesOf(find('en', 1), find('zh', 1), href)).toEqual([
      { locale: 'en', href: '/en/lessons/lesson-1/' },
      { locale: 'zh', href: '/zh/lessons/lesson-1/' },
    ]);
    expect(alternatesOf(find('zh', 3), undefined, href)).toEqual([{ locale: 'zh', href: '/zh/lessons/lesson-3/' }]);
  });

  it('switches to the translation with its section ids, or to the other list when there is none', () => {
    expect(switchTargetOf(find('en', 2), href, '/en/lessons/', ['a', 'b'])).toEqual({
      href: '/en/lessons/lesson-2/',
      exists: true,
      sectionIds: ['a', 'b'],
    });
    expect(switchTargetOf(undefined, href, '/en/lessons/')).toEqual({ href: '/en/lessons/', exists: false });
  });

  it('pages through the entry’s own language in course order, labelled in that language', () => {
    expect(pagerOf('lessons', pager, lessons, find('zh', 2))).toEqual({
      label: t('zh', 'nav.pagination'),
      prev: { href: '/zh/lessons/lesson-1/', title: 'zh 1', label: t('zh', 'nav.prev') },
      next: { href: '/zh/lessons/lesson-3/', title: 'zh 3', label: t('zh', 'nav.next') },
    });
    expect(pagerOf('lessons', pager, lessons, find('en', 1))).toEqual({
      label: t('en', 'nav.pagination'),
      next: { href: '/en/lessons/lesson-2/', title: 'en 2', label: t('en', 'nav.next') },
    });
    expect(pagerOf('lessons', pager, [find('zh', 1)], find('zh', 1))).toBeUndefined();
  });

  it('points an untranslated entry at the other language’s list', () => {
    expect(missingTranslationOf('lessons', find('zh', 3), 'lang.missingLink')).toEqual({
      href: '/en/lessons/',
      linkKey: 'lang.missingLink',
    });
  });
});
