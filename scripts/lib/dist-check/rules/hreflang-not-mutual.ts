import type { DistRule } from '../rule';
import { attr, type Page } from '../site';

/** Search engines ignore a translation link unless the translation links back. */
export const hreflangNotMutual: DistRule = {
  rule: 'hreflang-not-mutual',
  check(site, report) {
    const alternatesOf = (page: Page) => {
      const out: string[] = [];
      for (const el of page.head) {
        const lang = attr(el, 'hrefLang');
        if (el.tagName === 'link' && attr(el, 'rel') === 'alternate' && lang && lang !== 'x-default') out.push(new URL(attr(el, 'href') ?? '', site.siteOrigin).pathname);
      }
      return out;
    };
    for (const page of site.pages) {
      for (const other of alternatesOf(page)) {
        if (other === page.url) continue;
        const target = site.page(other);
        if (target && !alternatesOf(target).includes(page.url)) report(page.file, `names ${other} as an alternate, but that page does not name this one`);
      }
    }
  },
};
