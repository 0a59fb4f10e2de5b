import type { DistRule } from '../rule';
import { attr, findElement } from '../site';

/** Screen readers choose their voice, and browsers their fonts, from `<html lang>`. */
export const missingLang: DistRule = {
  rule: 'missing-lang',
  check(site, report) {
    for (const page of site.pages) {
      if (!findElement(page, (el) => el.tagName === 'html' && attr(el, 'lang') !== undefined)) report(page.file, '<html> has no lang attribute');
    }
  },
};
