import type { Element, Parents, Root } from 'hast';
import type { Raw } from 'mdast-util-to-hast';
import { raw } from 'hast-util-raw';
import type { VFile } from 'vfile';
import { VOID_ELEMENTS } from '../lib/html/tags';

/**
 * Raw HTML this pipeline wrote itself (KaTeX's formulas, rehype-math.ts): well-formed, so it is
 * written out as it is, never parsed again.
 */
export function ownRaw(value: string): Raw {
  return { type: 'raw', value, data: { ownHtml: true } };
}

const isOwn = (node: Raw) => (node.data as { ownHtml?: boolean } | undefined)?.ownHtml === true;

/**
 * Elements parsed alone, from a fragment, as they are parsed in the page: blocks of running text and
 * list items (not table cells, which a fragment drops).
 */
const PARSED_ALONE = /^(?:p|h[1-6]|li)$/;

/**
 * Whether raw HTML closes every element it opens, in order: then parsing it alone gives what
 * parsing the whole page gives. An element left open (`<u>` without `</u>`) runs on into the next
 * blocks when the page is parsed, so such a note is parsed whole.
 */
export function closesWhatItOpens(html: readonly string[]): boolean {
  const open: string[] = [];
  for (const [, closing, name] of html.join('').matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*>/g)) {
    const tag = name!.toLowerCase();
    if (VOID_ELEMENTS.has(tag)) continue;
    if (!closing) open.push(tag);
    else if (open.pop() !== tag) return false;
  }
  return open.length === 0;
}

/**
 * Astro's last step before writing a note's HTML parses the whole tree again (rehype-raw), so that
 * raw HTML in the Markdown becomes elements: about a fifth of a render, spent on every element of
 * every note, most of which have no raw HTML at all. This does that parse only where it changes
 * something, as it would come out of the whole page:
 * - nowhere, when the only raw HTML is the pipeline's own (ownRaw);
 * - a paragraph, heading or list item whose raw HTML closes what it opens (`<kbd>⇧</kbd>`): the
 *   element alone;
 * - elsewhere, a piece of raw HTML that closes what it opens (a `<table>` between paragraphs): the
 *   piece alone;
 * - the whole tree otherwise, as Astro does.
 * The unit test holds the pages equal to Astro's, as a browser parses them, on notes of the site
 * and of the corpus.
 */
export function rehypeRawWhereNeeded() {
  return (tree: Root, file: VFile): Root | undefined => {
    // Each foreign raw node, under the paragraph, heading or list item it is in, or else its parent.
    const byParent = new Map<Parents, Raw[]>();
    const collect = (parent: Parents, block: Element | undefined) => {
      for (const child of parent.children) {
        if (child.type === 'raw' && !isOwn(child)) {
          const at = block ?? parent;
          const raws = byParent.get(at);
          if (raws) raws.push(child);
          else byParent.set(at, [child]);
        } else if (child.type === 'element') collect(child, PARSED_ALONE.test(child.tagName) ? child : block);
        else if ('children' in child) collect(child, block);
      }
    };
    collect(tree, undefined);
    const elements = new Set<Element>();
    const pieces = new Set<Raw>();
    for (const [parent, raws] of byParent) {
      if (parent.type === 'element' && PARSED_ALONE.test(parent.tagName) && closesWhatItOpens(raws.map((r) => r.value)))
        elements.add(parent);
      else if (raws.every((r) => closesWhatItOpens([r.value]))) raws.forEach((r) => pieces.add(r));
      else return raw(tree, { file }) as Root;
    }
    const parse = (parent: Parents) => {
      for (let index = 0; index < parent.children.length; index++) {
        const child = parent.children[index]!;
        if (child.type === 'element' && elements.has(child)) parent.children[index] = raw(child, { file }) as Element;
        else if (child.type === 'raw' && pieces.has(child)) {
          const parsed = raw({ type: 'root', children: [child] }, { file }) as Root;
          parent.children.splice(index, 1, ...(parsed.children as typeof parent.children));
          index += parsed.children.length - 1;
        } else if ('children' in child) parse(child);
      }
    };
    if (elements.size || pieces.size) parse(tree);
    return undefined;
  };
}
