import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { t, type UiKey } from '../i18n/ui';
import { forEachElement } from '../lib/html/elements';
import { defaultLocale } from '../lib/locales';
import { noteSource } from './source';

/**
 * Display formulas and tables scroll sideways when they are wider than the page (on phones,
 * often). A region that scrolls must be reachable by keyboard and named (WCAG 2.1.1; axe
 * `scrollable-region-focusable`), so each becomes a focusable region labelled in the page's
 * language: the formula's own box, and a box around each table (a table cannot be a region
 * itself without losing its table semantics). `scroll-regions.ts` takes the focus stop away again
 * in the browser wherever nothing overflows.
 */
export function rehypeScrollRegions(options: { notesRoot: string }) {
  return (tree: Root, file: VFile) => {
    const locale = noteSource(file.path, options.notesRoot)?.locale ?? defaultLocale;
    const region = (key: UiKey) => ({
      tabIndex: 0,
      role: 'region',
      ariaLabel: t(locale, key),
      dataScrollRegion: t(locale, key),
    });
    forEachElement(tree, (node: Element, index, parent) => {
      const classes = node.properties['className'];
      if (Array.isArray(classes) && classes.includes('katex-display')) {
        Object.assign(node.properties, region('scroll.formula'));
        return 'skip';
      }
      if (node.tagName !== 'table') return undefined;
      if (parent.type === 'element' && parent.properties['dataScrollRegion'] !== undefined) return undefined;
      parent.children[index] = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['table-scroll'], ...region('scroll.table') },
        children: [node],
      };
      return 'skip';
    });
  };
}
