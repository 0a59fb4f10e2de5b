import type { DistRule } from '../rule';
import { attr, headElement } from '../site';

/** Search engines and link previews show the description under the title. */
export const missingDescription: DistRule = {
  rule: 'missing-description',
  check(site, report) {
    for (const page of site.pages) {
      if (!headElement(page, (el) => el.tagName === 'meta' && attr(el, 'name') === 'description' && attr(el, 'content') !== undefined)) report(page.file, 'no <meta name="description">');
    }
  },
};
