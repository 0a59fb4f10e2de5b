import { spaceCjkNode } from '../lib/search/cjk';

/**
 * Scans built HTML as a run of raw blocks (script, style, template, comments), KaTeX formulas,
 * tags and text. Astro writes well-formed HTML, so a scanner is enough, and at a thousand pages
 * it is about ten times cheaper than parsing each page into a tree and serialising it again.
 */
const TOKEN =
  /<(script|style|template)\b[^>]*>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->|<span class="katex">|<[^>]*>|[^<]+|</gi;
const SPAN = /<span\b[^>]*>|<\/span\s*>/gi;
const TEX = /<annotation encoding="application\/x-tex">([\s\S]*?)<\/annotation>/;
const ID = /\sid=(?:"[^"]*"|'[^']*'|[^\s>]+)/gi;

/** Where the `<span class="katex">` starting at `start` ends (after its closing tag). */
function spanEnd(html: string, start: number): number {
  SPAN.lastIndex = start;
  let depth = 0;
  for (let m = SPAN.exec(html); m; m = SPAN.exec(html)) {
    depth += m[0][1] === '/' ? -1 : 1;
    if (depth === 0) return SPAN.lastIndex;
  }
  return html.length;
}

/**
 * The HTML Pagefind reads: the page as built, with every CJK character in the text made a word
 * of its own (see lib/search/cjk.ts), and each formula indexed once, as its TeX: KaTeX writes it
 * three times (MathML, TeX annotation, HTML). Elements lose their ids: Pagefind would keep each
 * id as an anchor and, for every result it loads, build an excerpt per anchor from the whole
 * page (35 headings made that 60 ms a result); search shows one excerpt a page and links the
 * page. The files in dist are left untouched.
 */
export function indexableHtml(html: string): string {
  let out = '';
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
    const token = m[0];
    if (token === '<span class="katex">') {
      const end = spanEnd(html, m.index);
      const tex = TEX.exec(html.slice(m.index, end))?.[1] ?? '';
      out += `<span class="katex"> ${tex} </span>`;
      TOKEN.lastIndex = end;
    } else if (token[0] === '<' && token.length > 1) {
      out += token.replace(ID, '');
    } else {
      out += spaceCjkNode(token);
    }
  }
  return out;
}
