import { WHOLE_PAGE_ATTRIBUTE } from '../lib/whole-page';

/** Lays the page out whole, before a jump into it (see lib/whole-page.ts). */
export function layOutWholePage(): void {
  document.documentElement.setAttribute(WHOLE_PAGE_ATTRIBUTE, '');
}

/**
 * A link to a place on this page (the table of contents, a heading's anchor, a footnote) lays the
 * page out whole before the browser jumps. Listened for while capturing, so before the jump.
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
}
