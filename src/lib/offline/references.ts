/**
 * Which files of the build a page needs to be read offline, found in the text of the page and of
 * what it loads: pure string work, so the build's integration and the tests share it.
 */

/**
 * The kinds of file a reader's browser loads to show a page. Fonts are WOFF2: KaTeX's stylesheet
 * names no other format (src/integrations/katex-fonts.ts).
 */
const LOADED = /\.(css|m?js|woff2|png|jpe?g|gif|svg|webp|avif|ico)(?:[?#]|$)/i;

/** Strings in quotes, backticks (Rolldown writes its chunk names so) or `url(…)`. */
const QUOTED = /["'`(]((?:\.{1,2}\/|\/|_astro\/)[^"'`()\s<>]*)["'`)]/g;

/**
 * The site paths (base included) that `text`, the file at site path `from`, refers to and a browser
 * would load, whether written absolute (`/base/_astro/x.css`), relative (`./chunk.js`,
 * `../fonts/f.woff2`) or as Vite's preload list writes them (`_astro/x.js`, from the base).
 * Queries and fragments are dropped; whether the file exists is for the caller to check.
 * @example referencedPaths('<img src="./a.png">', '/b/zh/notebooks/n/', '/b/') // ['/b/zh/notebooks/n/a.png']
 */
export function referencedPaths(text: string, from: string, base: string): string[] {
  const found = new Set<string>();
  const origin = 'http://site.invalid';
  for (const m of text.matchAll(QUOTED)) {
    // Most quoted paths on a page are links to other pages: only a file's kind is worth resolving.
    if (!LOADED.test(m[1]!)) continue;
    const raw = m[1]!.replace(/&amp;/g, '&');
    const resolved = raw.startsWith('_astro/') ? base + raw : raw;
    let pathname: string;
    try {
      pathname = decodeURI(new URL(resolved, origin + from).pathname);
    } catch {
      continue;
    }
    if (pathname.startsWith(base) && LOADED.test(pathname)) found.add(pathname);
  }
  return [...found].sort();
}

/** Whether a site path is a page (a folder's index.html) rather than a file. */
export const isPagePath = (p: string) => p.endsWith('/');

/**
 * The `<title>` of a page's HTML, without the site's name after " · ".
 * @example pageTitle('<title>Lesson 1 · fastai course notes</title>', 'fastai course notes') // 'Lesson 1'
 */
export function pageTitle(html: string, siteTitle: string): string {
  const raw = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
  const text = raw
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .trim();
  const suffix = ` · ${siteTitle}`;
  return text.endsWith(suffix) ? text.slice(0, -suffix.length) : text;
}
