import type { Element, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { forEachElement } from '../lib/html/elements';

/**
 * GFM task-list checkboxes have no label, so a screen reader announces "checkbox, checked" with
 * nothing to say what was done. Each one is named by its item's own text.
 */
export function rehypeTaskLabels() {
  return (tree: Root) => {
    forEachElement(tree, (li: Element) => {
      if (li.tagName !== 'li' || !String(li.properties['className'] ?? '').includes('task-list-item')) return;
      const label = toText(li).replace(/\s+/g, ' ').trim().slice(0, 160);
      forEachElement(li, (input: Element) => {
        if (input.tagName === 'input' && input.properties['type'] === 'checkbox' && label)
          input.properties['ariaLabel'] = label;
      });
    });
  };
}
