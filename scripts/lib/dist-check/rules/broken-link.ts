import type { DistRule } from '../rule';

/** An internal link or resource that no built file under the base path answers. */
export const brokenLink: DistRule = {
  rule: 'broken-link',
  check(site, report) {
    for (const page of site.pages) {
      for (const ref of page.references) {
        if (site.isExternal(ref) || ref.value.startsWith('#') || site.resolveFile(ref.target.pathname)) continue;
        report(page.file, `<${ref.tag}> ${ref.kind === 'link' ? 'links to' : 'loads'} ${ref.value}, which is not a file under ${site.base}`);
      }
    }
  },
};
