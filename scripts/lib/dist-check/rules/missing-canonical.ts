import type { DistRule } from '../rule';
import { attr, headElement } from '../site';

/** One address per page for search engines; the 404 page answers every missing address, so it has none. */
export const missingCanonical: DistRule = {
  rule: 'missing-canonical',
  check(site, report) {
    for (const page of site.pages) {
      if (page.file.endsWith('404.html')) continue;
      if (!headElement(page, (el) => el.tagName === 'link' && attr(el, 'rel') === 'canonical' && attr(el, 'href') !== undefined)) report(page.file, 'no <link rel="canonical">');
    }
  },
};
