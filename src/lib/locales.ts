/** The site's languages, defined once and shared by config, pages, scripts and tests. */
export const locales = ['zh', 'en'] as const;
export type Locale = (typeof locales)[number];

export const defaultLocale: Locale = 'zh';

interface LocaleInfo {
  /** BCP 47 tag for `<html lang>`, hreflang and `Intl`. */
  htmlLang: string;
  /** The language's own name, shown in the language switch. */
  nativeName: string;
  /** Open Graph's `language_TERRITORY` form, for `og:locale`. */
  ogLocale: string;
}

export const localeInfo = {
  zh: { htmlLang: 'zh-CN', nativeName: '中文', ogLocale: 'zh_CN' },
  en: { htmlLang: 'en', nativeName: 'English', ogLocale: 'en_US' },
} as const satisfies Record<Locale, LocaleInfo>;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/**
 * The language a reader switches to from `locale`.
 * @example otherLocale('zh') // 'en'
 */
export function otherLocale(locale: Locale): Locale {
  return locale === 'zh' ? 'en' : 'zh';
}

/**
 * Splits a collection entry id (`zh/lesson-1`) into its locale and slug.
 * Throws with the id when the first folder is not a known locale, because such a file
 * would otherwise silently vanish from the site.
 * @example splitEntryId('en/lesson-3') // { locale: 'en', slug: 'lesson-3' }
 */
export function splitEntryId(id: string): { locale: Locale; slug: string } {
  const slash = id.indexOf('/');
  const head = slash === -1 ? '' : id.slice(0, slash);
  const slug = id.slice(slash + 1);
  if (!isLocale(head) || slug === '') {
    throw new Error(
      `Content entry "${id}" is not inside a language folder. Move it to zh/ or en/ (for example zh/${slug || id}.md).`,
    );
  }
  return { locale: head, slug };
}

/**
 * The locale of a page from its path: the first segment after the base path. Components placed
 * inside a note (the Aside in an `.mdx` lesson) use it to speak the page's language.
 * @example localeOfPath('/fastai-notes/en/lessons/lesson-1/', '/fastai-notes/') // 'en'
 */
export function localeOfPath(pathname: string, base = '/'): Locale {
  const root = base.replace(/\/+$/, '');
  const rest = root && pathname.startsWith(`${root}/`) ? pathname.slice(root.length) : pathname;
  const first = rest.replace(/^\/+/, '').split('/')[0];
  return isLocale(first) ? first : defaultLocale;
}
