import { VOID_ELEMENTS } from '../lib/html/tags';
import { INDEX_SEPARATOR, spaceCjkNode } from '../lib/search/cjk';

/**
 * Scans built HTML as a run of raw blocks (script, style, template, comments), KaTeX formulas,
 * tags and text. Astro writes well-formed HTML, so a scanner is enough, and at a thousand pages
 * it is about ten times cheaper than parsing each page into a tree and serialising it again.
 */
const TOKEN =
  /<(script|style|template)\b[^>]*>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->|<span class="katex">|<[^>]*>|[^<]+|</gi;
const TEX = /<annotation encoding="application\/x-tex">([\s\S]*?)<\/annotation>/;
const ID = /\sid=(?:"[^"]*"|'[^']*'|[^\s>]+)/gi;
/** A start tag with a data-pagefind-ignore attribute (not the words inside another's value). */
const IGNORED =
  /^<([a-zA-Z][\w-]*)(?:\s+[^\s"'=<>/]+(?:=(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*?\s+data-pagefind-ignore(?=[\s=/>])/;
/** Block ends after which Pagefind ends the sentence, unless the text before ends in a separator. */
const BLOCK_END = /^<\/(?:p|h[1-6]|li|dt|dd|td|th|caption|figcaption|blockquote|pre|summary|div)\s*>$/i;

/** Start and end tags of one element name, made once per name: a page asks for hundreds. */
const tagsByName = new Map<string, RegExp>();

/** Where the element whose start tag `<name …>` is at `start` ends (after its end tag). */
function elementEnd(html: string, start: number, name: string): number {
  let tags = tagsByName.get(name);
  if (!tags) tagsByName.set(name, (tags = new RegExp(`<${name}\\b[^>]*>|</${name}\\s*>`, 'gi')));
  tags.lastIndex = start;
  let depth = 0;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    depth += m[0][1] === '/' ? -1 : 1;
    if (depth === 0) return tags.lastIndex;
  }
  return html.length;
}

/**
 * The HTML Pagefind reads: the page as built, with every CJK character in the text made a word
 * of its own (see lib/search/cjk.ts), and each formula indexed once, as its TeX: KaTeX writes it
 * three times (MathML, TeX annotation, HTML). The files in dist are left untouched.
 * - Elements lose their ids: Pagefind would keep each id as an anchor and, for every result it
 *   loads, build an excerpt per anchor from the whole page (35 headings made that 60 ms a
 *   result); search shows one excerpt a page and links the page.
 * - What Pagefind ignores (data-pagefind-ignore) is left out, and no separator ends a block:
 *   Pagefind then writes its sentence end between two blocks, so a heading's last character and
 *   the next paragraph's first never read as one phrase (我的主权重 + 整套方案 is not 重整).
 */
export function indexableHtml(html: string): string {
  // Pieces, joined once at the end: trimming a separator off one long string would copy it.
  const out: string[] = [];
  const endsInSeparator = () => out.at(-1)?.endsWith(INDEX_SEPARATOR) ?? false;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
    const token = m[0];
    const ignored = IGNORED.exec(token);
    if (token === '<span class="katex">') {
      const end = elementEnd(html, m.index, 'span');
      const tex = TEX.exec(html.slice(m.index, end))?.[1] ?? '';
      out.push(`<span class="katex"> ${tex} </span>`);
      TOKEN.lastIndex = end;
    } else if (ignored) {
      const name = ignored[1]!.toLowerCase();
      if (!VOID_ELEMENTS.has(name) && !token.endsWith('/>')) TOKEN.lastIndex = elementEnd(html, m.index, name);
    } else if (token[0] === '<' && token.length > 1) {
      if (BLOCK_END.test(token) && endsInSeparator()) out.push(out.pop()!.slice(0, -INDEX_SEPARATOR.length));
      out.push(token.replace(ID, ''));
    } else {
      const text = spaceCjkNode(token);
      out.push(endsInSeparator() && text.startsWith(INDEX_SEPARATOR) ? text.slice(INDEX_SEPARATOR.length) : text);
    }
  }
  return out.join('');
}
