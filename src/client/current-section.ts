/**
 * Where the reader is, measured the same way for the table of contents and the language switch:
 * against the bottom of the header as it is drawn (sticky on wide screens, scrolled away on
 * phones), not a guessed offset.
 */

/** The headings that start sections: `##` and `###` of the rendered notes. */
export function sectionHeadings(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('main .prose h2[id], main .prose h3[id]')];
}

/** How far down the viewport the header reaches; 0 once it has scrolled away. */
export function headerBottom(): number {
  const header = document.querySelector('.site-header');
  return header ? Math.max(0, header.getBoundingClientRect().bottom) : 0;
}

/**
 * The heading of the section being read: the last one whose top has passed the header's bottom
 * (plus the room an anchor jump leaves above a heading); none while the reader is above them all.
 */
export function currentSection(headings: readonly HTMLElement[] = sectionHeadings()): HTMLElement | undefined {
  const line = headerBottom() + anchorRoom();
  let found: HTMLElement | undefined;
  for (const heading of headings) {
    if (heading.getBoundingClientRect().top > line) break;
    found = heading;
  }
  return found;
}

/** The gap `scroll-padding-top` leaves between the header and a heading jumped to, plus slack. */
function anchorRoom(): number {
  const padding = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
  const stuck = headerBottom();
  // scroll-padding includes the sticky header's height on wide screens; count only the gap.
  return Math.max(0, padding - stuck) + 8;
}
