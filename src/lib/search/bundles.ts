/**
 * Where search lives, relative to the site root: one copy of Pagefind's runtime, and beside it one
 * bundle of data per language, written there by the search-index integration and loaded from
 * there by the search dialog.
 * @example bundleDir('zh') // 'pagefind/zh/'
 */
export const bundleDir = (lang: string) => `pagefind/${lang}/`;
export const pagefindRuntime = 'pagefind/pagefind.js';
