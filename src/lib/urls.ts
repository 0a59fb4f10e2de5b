/*
 * How the site's URLs are spelled, for any base path. Pure, so markdown plugins, scripts and tests
 * can use it; templates use `hrefs.ts`, which applies this build's base.
 */
import type { Collection } from './collections';
import type { Locale } from './locales';

/**
 * A link or image target that is not a path inside the notes: one with a scheme (`https:`,
 * `mailto:`, `data:`, `attachment:`) or protocol-relative (`//host/…`).
 */
export const EXTERNAL_URL = /^([a-z][a-z0-9+.-]*:|\/\/)/i;

/** The kinds of page every locale has; `localizedPath` is the only place their URLs are spelled. */
export type Section = 'home' | Collection | 'status' | 'offline';

const sectionSegment: Record<Section, string> = {
  home: '',
  lessons: 'lessons',
  log: 'log',
  notes: 'notes',
  notebooks: 'notebooks',
  status: 'status',
  offline: 'offline',
};

/**
 * Normalises a base path to a leading and trailing slash.
 * @example normalizeBase('fastai-notes') // '/fastai-notes/'
 */
export function normalizeBase(base: string | undefined): string {
  const trimmed = (base ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/**
 * Prefixes a site-absolute path with the base path; leaves external URLs, anchors and
 * already-prefixed paths alone so the helper is safe to call twice.
 * @example withBase('/en/lessons/', '/fastai-notes/') // '/fastai-notes/en/lessons/'
 */
export function withBase(path: string, base: string): string {
  if (/^([a-z][a-z0-9+.-]*:|\/\/|#)/i.test(path)) return path;
  const b = normalizeBase(base);
  if (b !== '/' && (path === b.slice(0, -1) || path.startsWith(b))) return path;
  return b + path.replace(/^\/+/, '');
}

/**
 * The site-absolute path (without base) of a page: a section of a locale, optionally one entry.
 * @example localizedPath('zh', 'lessons', 'lesson-1') // '/zh/lessons/lesson-1/'
 */
export function localizedPath(locale: Locale, section: Section, slug?: string): string {
  const parts = [locale, sectionSegment[section], slug].filter((p): p is string => Boolean(p));
  return `/${parts.join('/')}/`;
}

/**
 * The site-absolute path (without base) of an entry's side-by-side page.
 * @example parallelPath('zh', 'lessons', 'lesson-1') // '/zh/lessons/lesson-1/parallel/'
 */
export function parallelPath(locale: Locale, section: Section, slug: string): string {
  return `${localizedPath(locale, section, slug)}parallel/`;
}

/**
 * The site-absolute path (without base) of a locale's study-log feed.
 * @example feedPath('en') // '/en/log/rss.xml'
 */
export function feedPath(locale: Locale): string {
  return `${localizedPath(locale, 'log')}rss.xml`;
}

/**
 * The site-absolute path (without base) of the tag index, or of one tag's entries.
 * @example tagPath('zh', 'yolo') // '/zh/log/tags/yolo/'
 */
export function tagPath(locale: Locale, tag?: string): string {
  return `${localizedPath(locale, 'log')}tags/${tag ? `${encodeURIComponent(tag)}/` : ''}`;
}
