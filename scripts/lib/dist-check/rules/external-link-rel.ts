import { attr } from '../site';
import type { DistRule } from '../rule';

/** An outbound link that would hand the page to the opened site (`window.opener`) or the referrer. */
export const externalLinkRel: DistRule = {
  rule: 'external-link-rel',
  check(site, report) {
    for (const page of site.pages) {
      for (const ref of page.references) {
        if (ref.tag !== 'a' || !site.isExternal(ref)) continue;
        const rel = (attr(ref.element, 'rel') ?? '').split(' ');
        if (!(rel.includes('noopener') && rel.includes('noreferrer'))) report(page.file, `<a href="${ref.value}"> leaves the site without rel="noopener noreferrer"`);
      }
    }
  },
};
