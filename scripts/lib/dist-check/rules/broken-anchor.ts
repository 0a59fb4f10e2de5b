import path from 'node:path';
import type { DistRule } from '../rule';

/** A `#fragment` (on the same page or another built page) that names no id there. */
export const brokenAnchor: DistRule = {
  rule: 'broken-anchor',
  check(site, report) {
    const ids = new Map(site.pages.map((p) => [p, new Set(p.ids)]));
    for (const page of site.pages) {
      for (const ref of page.references) {
        if (site.isExternal(ref)) continue;
        const sameDocument = ref.value.startsWith('#');
        if (!sameDocument && ref.target.hash.length <= 1) continue;
        const target = sameDocument ? page : site.pageOfFile(site.resolveFile(ref.target.pathname) ?? '');
        if (!target) continue;
        const hash = decodeURIComponent(sameDocument ? ref.value.slice(1) : ref.target.hash.slice(1));
        // `#top` scrolls to the top of any page without an element of that id.
        if (hash === 'top' || ids.get(target)?.has(hash)) continue;
        report(page.file, `${ref.value} points to an id that ${target === page ? 'this page' : path.relative(site.dist, target.file)} does not have`);
      }
    }
  },
};
