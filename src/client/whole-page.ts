import { safeDecode } from '../lib/markdown/syntax';
import { WHOLE_PAGE_ATTRIBUTE } from '../lib/whole-page';

/** Lays the page out whole, before a jump into it (see lib/whole-page.ts). */
export function layOutWholePage(): void {
  document.documentElement.setAttribute(WHOLE_PAGE_ATTRIBUTE, '');
}

/**
 * A link to a place on this page (the table of contents, a heading's anchor, a footnote) lays the
 * page out whole before the browser jumps. Listened for while capturing, so before the jump. A
 * jump no link made (a place typed after the address, a script setting the hash) is only heard
 * of once the browser has jumped by the guessed heights: the page is then laid out whole and the
 * place brought back into view.
 */
export function initInPageJumps(): void {
  document.addEventListener(
    'click',
    (event) => {
      const link = event.target instanceof Element ? event.target.closest('a[href*="#"]') : null;
      if (
        link instanceof HTMLAnchorElement &&
        link.hash &&
        link.origin === location.origin &&
        link.pathname === location.pathname
      )
        layOutWholePage();
    },
    { capture: true },
  );
  window.addEventListener('hashchange', () => {
    if (document.documentElement.hasAttribute(WHOLE_PAGE_ATTRIBUTE)) return;
    layOutWholePage();
    document.getElementById(safeDecode(location.hash.slice(1)))?.scrollIntoView();
  });
}
