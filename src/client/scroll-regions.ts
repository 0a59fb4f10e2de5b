/**
 * Formulas and tables are built as focusable, named regions so they can be scrolled by keyboard
 * (rehype-scroll-regions.ts). Where one fits the page there is nothing to scroll, and a tab stop
 * and landmark would only be noise: remove them there, and give them back when the width changes.
 */
export function initScrollRegions(): void {
  const regions = [...document.querySelectorAll<HTMLElement>('[data-scroll-region]')];
  if (regions.length === 0) return;
  const fit = (region: HTMLElement) => {
    if (region.scrollWidth > region.clientWidth + 1) {
      region.tabIndex = 0;
      region.setAttribute('role', 'region');
      region.setAttribute('aria-label', region.dataset['scrollRegion'] ?? '');
    } else {
      region.removeAttribute('tabindex');
      region.removeAttribute('role');
      region.removeAttribute('aria-label');
    }
  };
  // A region the browser has not laid out yet, or whose block it has not (lib/whole-page.ts), is
  // measured when it is drawn: measuring it before would lay it out at load, the work the skipping
  // saves, as one long task, and a skipped region itself measures as fitting.
  const fitIfDrawn = (region: HTMLElement) => {
    if ((region.firstElementChild ?? region).checkVisibility({ contentVisibilityAuto: true })) fit(region);
  };
  const observer = new ResizeObserver((entries) => {
    for (const entry of entries) fitIfDrawn(entry.target as HTMLElement);
  });
  for (const region of regions) observer.observe(region);
  // A formula set before KaTeX's fonts arrive grows when they do, inside a box whose own size
  // stays the same, so the observer is not told: one that fitted in the fallback font could be
  // left without its tab stop once it scrolled (a phone-width axe scan caught it).
  const refit = () => regions.forEach(fitIfDrawn);
  document.fonts.addEventListener('loadingdone', refit);
  addEventListener('load', refit, { once: true });
  document.addEventListener(
    'contentvisibilityautostatechange',
    (event) => {
      const block = event.target;
      if (!(block instanceof HTMLElement) || (event as ContentVisibilityAutoStateChangeEvent).skipped) return;
      // Told before the block is laid out: measured once it has been.
      requestAnimationFrame(() => {
        for (const region of regions) if (block.contains(region)) fitIfDrawn(region);
      });
    },
    { capture: true },
  );
}
