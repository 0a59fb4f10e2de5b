import type { Element } from 'hast';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';
import type { DistRule } from '../rule';

/** Screen-reader users move by heading level; a skipped level looks like a missing section. */
export const skippedHeading: DistRule = {
  rule: 'skipped-heading',
  check(site, report) {
    for (const page of site.pages) {
      let previous = 0;
      visit(page.tree, 'element', (el: Element) => {
        if (!/^h[1-6]$/.test(el.tagName)) return;
        const level = Number(el.tagName[1]);
        if (previous && level > previous + 1) report(page.file, `h${level} "${toText(el).trim().slice(0, 60)}" follows h${previous}`);
        previous = level;
      });
    }
  },
};
