import type { Element } from 'hast';
import { visit } from 'unist-util-visit';
import type { DistRule } from '../rule';
import { attr } from '../site';

const isKatexSheet = (href: string) => /\/katex[^/]*\.css$/i.test(href);

/**
 * Every stylesheet a page links blocks its first paint, one request each: a page links the site's
 * one stylesheet, plus KaTeX's when, and only when, it shows a formula (astro.config.ts builds the
 * site's CSS into one file; PageHead.astro links KaTeX's).
 */
export const stylesheets: DistRule = {
  rule: 'stylesheets',
  check(site, report) {
    for (const page of site.pages) {
      const sheets: string[] = [];
      let math = false;
      visit(page.tree, 'element', (el: Element) => {
        if (el.tagName === 'link' && /\bstylesheet\b/.test(attr(el, 'rel') ?? '')) sheets.push(attr(el, 'href') ?? '');
        if (attr(el, 'className')?.split(' ').includes('katex')) math = true;
      });
      const own = sheets.filter((href) => !isKatexSheet(href));
      const katex = sheets.some(isKatexSheet);
      if (own.length > 1) report(page.file, `links ${own.length} stylesheets besides KaTeX's, one is enough: ${own.join(', ')}`);
      if (katex && !math) report(page.file, "links KaTeX's stylesheet but shows no formula");
      if (math && !katex) report(page.file, "shows formulas but does not link KaTeX's stylesheet");
    }
  },
};
