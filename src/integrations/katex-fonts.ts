import type { AstroIntegration } from 'astro';
import { vitePluginIntegration } from './vite-plugin';

/** KaTeX's stylesheet, as its package ships it (linked by PageHead.astro on pages with math). */
const KATEX_CSS = /[\\/]katex[\\/]dist[\\/]katex(?:\.min)?\.css(?:\?|$)/;

/** A font source other than WOFF2 in an `@font-face` rule's `src` list, with the comma before it. */
const OLDER_FORMAT = /,\s*url\([^)]*\)\s*format\(\s*["'](?:woff|truetype)["']\s*\)/g;

/**
 * KaTeX's `@font-face` rules with WOFF2 as each font's only source. KaTeX names each font three
 * times (WOFF2, WOFF, TrueType) for browsers older than any that runs the site's module scripts,
 * all of which read WOFF2: the other two only made the stylesheet every math page waits for 12%
 * larger and put 40 files (876 KB) in the build that no reader loads.
 * @example woff2Only('src:url(a.woff2) format("woff2"),url(a.woff) format("woff")') // 'src:url(a.woff2) format("woff2")'
 */
export function woff2Only(css: string): string {
  return css.replace(OLDER_FORMAT, '');
}

/** Serves KaTeX's stylesheet with WOFF2 fonts only (woff2Only), before Vite resolves its `url()`s. */
export function katexFonts(): AstroIntegration {
  return vitePluginIntegration({
    name: 'fastai-notes:katex-fonts',
    enforce: 'pre',
    transform: (code, id) => (KATEX_CSS.test(id) ? { code: woff2Only(code), map: null } : undefined),
  });
}
