import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { SKIP, visit } from 'unist-util-visit';
import { indexableHtml } from '../../src/integrations/index-form';
import { unspaceCjk } from '../../src/lib/search/cjk';

/**
 * The text Pagefind indexes for a page (inside data-pagefind-body, without data-pagefind-ignore),
 * as a reader would read it: the ground truth for measuring search quality.
 */
export function indexedText(html: string): string {
  const tree = fromHtml(indexableHtml(html)) as Root;
  let body: Element | undefined;
  visit(tree, 'element', (el: Element) => {
    if (el.properties['dataPagefindBody'] !== undefined) {
      body = el;
      return SKIP;
    }
    return undefined;
  });
  if (!body) return '';
  visit(body, 'element', (el: Element, index, parent) => {
    if (el.properties['dataPagefindIgnore'] !== undefined && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return index;
    }
    return undefined;
  });
  // Block boundaries stay visible (¶), as Pagefind keeps them apart too: a term never spans two blocks.
  return unspaceCjk(toText(body))
    .split(/[\n\t]+/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join(' ¶ ');
}
