import type { Element, ElementContent, Parents } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import katex, { type KatexOptions } from 'katex';
import type { VFile } from 'vfile';
import { forEachElement } from '../lib/html/elements';
import { ownRaw } from './rehype-raw-where-needed';
import { where } from './source';

/**
 * Typesets the formulas remark-math found, with KaTeX, at build time (as rehype-katex does, with the
 * same options and markup), and names a formula KaTeX cannot parse in the build log: the note, the
 * line and the expression. A broken formula shows as its source in KaTeX's error style; with
 * `STRICT_MATH=1` it fails the build.
 *
 * KaTeX's HTML goes into the tree as raw HTML, marked as the pipeline's own (ownRaw) and written out
 * as it is, rather than parsed into elements here and then walked by every later step: a formula is
 * dozens of elements, and parsing them was most of KaTeX's share of a render.
 * Elements stay where they are needed: a display formula's outer box, which rehype-scroll-regions
 * makes a labelled region; formulas inside headings, whose text Astro reads for the table of
 * contents; and MDX notes, which are compiled to JavaScript from elements only.
 */
export function rehypeMath(options: { strict: boolean; katex?: KatexOptions }) {
  const settings: KatexOptions = { ...options.katex };
  return (tree: Parents, file: VFile) => {
    // MDX compiles its tree to JavaScript, which takes elements only.
    const mdx = Boolean(file.history[0]?.endsWith('.mdx'));
    const typeset = (scope: Element, displayMode: boolean, asElements: boolean): ElementContent => {
      const tex = toText(scope, { whitespace: 'pre' });
      let html: string;
      try {
        html = katex.renderToString(tex, { ...settings, displayMode, throwOnError: true });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        const text = `[math] ${where(file.path, scope.position?.start.line)}: KaTeX cannot render ${JSON.stringify(tex)}: ${reason}`;
        if (options.strict)
          throw new Error(
            `${text}\nFix the formula, or build without STRICT_MATH=1 to show it as an error on the page.`,
          );
        console.warn(text);
        try {
          html = katex.renderToString(tex, { ...settings, displayMode, strict: 'ignore', throwOnError: false });
        } catch {
          // KaTeX shows a parse error itself, but not every other error: the same markup by hand.
          const shown: Element = {
            type: 'element',
            tagName: 'span',
            properties: { className: ['katex-error'], style: 'color:#cc0000', title: String(error) },
            children: [{ type: 'text', value: tex }],
          };
          return shown;
        }
      }
      // KaTeX writes one outer <span> per formula.
      if (asElements) return fromHtml(html, { fragment: true }).children[0] as ElementContent;
      const display = /^<span class="katex-display">([\s\S]*)<\/span>$/.exec(html);
      if (!display) return ownRaw(html);
      return {
        type: 'element',
        tagName: 'span',
        properties: { className: ['katex-display'] },
        children: [ownRaw(display[1] ?? '')],
      };
    };

    const visit =
      (asElements: boolean) =>
      (node: Element, index: number, parent: Parents): 'skip' | void => {
        if (!asElements && /^h[1-6]$/.test(node.tagName)) {
          forEachElement(node, visit(true));
          return 'skip';
        }
        const math = formulaIn(node);
        if (!math) return;
        parent.children[index] = typeset(math.scope, math.display, asElements);
        return 'skip';
      };
    forEachElement(tree, visit(mdx));
  };
}

/**
 * The formula an element is, as remark-math writes them: inline as <code class="language-math
 * math-inline">, display (and ```math) as a <pre> around <code class="language-math">, which is
 * replaced whole.
 */
function formulaIn(node: Element): { scope: Element; display: boolean } | undefined {
  const classes = classesOf(node);
  if (classes.includes('language-math') || classes.includes('math-display') || classes.includes('math-inline'))
    return { scope: node, display: classes.includes('math-display') };
  const only = node.children.length === 1 ? node.children[0] : undefined;
  if (
    node.tagName === 'pre' &&
    only?.type === 'element' &&
    only.tagName === 'code' &&
    classesOf(only).includes('language-math')
  )
    return { scope: only, display: true };
  return undefined;
}

const classesOf = (node: Element): unknown[] =>
  Array.isArray(node.properties['className']) ? node.properties['className'] : [];
