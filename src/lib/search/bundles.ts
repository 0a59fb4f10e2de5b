/**
 * Where each language's search bundle lives, relative to the site root: written there by the
 * search-index integration, loaded from there by the search dialog.
 * @example bundleDir('zh') // 'pagefind/zh/'
 */
export const bundleDir = (lang: string) => `pagefind/${lang}/`;
