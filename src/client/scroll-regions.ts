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
  const observer = new ResizeObserver((entries) => {
    for (const entry of entries) fit(entry.target as HTMLElement);
  });
  for (const region of regions) observer.observe(region);
  // A formula set before KaTeX's fonts arrive grows when they do, inside a box whose own size
  // stays the same, so the observer is not told: one that fitted in the fallback font could be
  // left without its tab stop once it scrolled (a phone-width axe scan caught it).
  const refit = () => regions.forEach(fit);
  document.fonts.addEventListener('loadingdone', refit);
  addEventListener('load', refit, { once: true });
}
