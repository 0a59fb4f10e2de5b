import type { Element, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import type { VFile } from 'vfile';
import { t } from '../i18n/ui';
import { forEachElement } from '../lib/html/elements';
import { defaultLocale } from '../lib/locales';
import { noteSource } from './source';

/**
 * Appends a "#" link to every h2/h3 with an id, so a reader can copy a link to a section. The
 * visible "#" is hidden from screen readers; the link's name says what it does in the page's language.
 */
export function rehypeHeadingAnchors(options: { notesRoot: string }) {
  return (tree: Root, file: VFile) => {
    const locale = noteSource(file.path, options.notesRoot)?.locale ?? defaultLocale;
    forEachElement(tree, (node: Element) => {
      if (node.tagName !== 'h2' && node.tagName !== 'h3') return;
      const id = node.properties['id'];
      if (typeof id !== 'string') return;
      const text = toText(node).trim();
      node.children.push({
        type: 'element',
        tagName: 'a',
        properties: {
          className: ['heading-anchor'],
          dataPagefindIgnore: '',
          href: `#${id}`,
          ariaLabel: `${t(locale, 'heading.anchor')}: ${text}`,
        },
        children: [
          {
            type: 'element',
            tagName: 'span',
            properties: { ariaHidden: 'true' },
            children: [{ type: 'text', value: '#' }],
          },
        ],
      });
    });
  };
}
