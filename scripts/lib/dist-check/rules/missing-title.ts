import { toText } from 'hast-util-to-text';
import type { DistRule } from '../rule';
import { headElement } from '../site';

/** The title names the tab, the bookmark and the search result. */
export const missingTitle: DistRule = {
  rule: 'missing-title',
  check(site, report) {
    for (const page of site.pages) {
      const title = headElement(page, (el) => el.tagName === 'title');
      if (!title || !toText(title).trim()) report(page.file, 'no <title>');
    }
  },
};
