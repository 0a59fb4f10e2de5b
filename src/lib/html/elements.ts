import type { Element, Parents } from 'hast';

/**
 * Calls `visit` for every element below `tree` in document order, with its index and parent; an
 * element for which it returns 'skip' is not entered. Other nodes with children (MDX's JSX
 * elements) are entered too. What a visit puts in the element's place is not visited; the element
 * itself is still entered unless skipped, as with unist-util-visit.
 *
 * The Markdown pipeline's own rehype steps walk with this rather than unist-util-visit, which
 * names a fresh closure for every node it passes (for readable stack traces): on a lesson's tree,
 * with its highlighted code, that cost more than the steps' own work.
 */
export function forEachElement(
  tree: Parents,
  visit: (element: Element, index: number, parent: Parents) => 'skip' | void,
): void {
  const { children } = tree;
  for (let index = 0; index < children.length; index++) {
    const child = children[index];
    if (!child || !('children' in child)) continue;
    if (child.type !== 'element' || visit(child, index, tree) !== 'skip') forEachElement(child, visit);
  }
}
