import type { DistRule } from '../rule';

/** A repeated id makes anchors, labels and the language switch land on the wrong element. */
export const duplicateId: DistRule = {
  rule: 'duplicate-id',
  check(site, report) {
    for (const page of site.pages) {
      const seen = new Set<string>();
      for (const id of page.ids) {
        if (seen.has(id)) report(page.file, `id "${id}" appears more than once`);
        seen.add(id);
      }
    }
  },
};
