import type { Element } from 'hast';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';
import type { DistRule } from '../rule';
import { attr } from '../site';

/** A formula KaTeX could not parse is shown as red source; the build only warns about it. */
export const katexError: DistRule = {
  rule: 'katex-error',
  check(site, report) {
    for (const page of site.pages) {
      visit(page.tree, 'element', (el: Element) => {
        if (attr(el, 'className')?.split(' ').includes('katex-error')) report(page.file, `formula KaTeX could not render: ${toText(el).slice(0, 80)}`);
      });
    }
  },
};
