import { currentSection, sectionHeadings } from './current-section';

/**
 * `<table-of-contents>`: marks the entry of the section being read (the first one until the
 * reader reaches it), so the reader sees where they are.
 */
export class TableOfContents extends HTMLElement {
  connectedCallback(): void {
    const links = new Map<string, HTMLAnchorElement>();
    for (const a of this.querySelectorAll<HTMLAnchorElement>('a[href^="#"]'))
      links.set(decodeURIComponent(a.hash.slice(1)), a);
    const headings = sectionHeadings().filter((h) => links.has(h.id));
    if (headings.length === 0) return;
    let current: HTMLAnchorElement | undefined;
    const update = () => {
      const active = currentSection(headings) ?? headings[0];
      const link = active ? links.get(active.id) : undefined;
      if (link === current) return;
      current?.removeAttribute('aria-current');
      link?.setAttribute('aria-current', 'true');
      current = link;
    };
    let queued = false;
    window.addEventListener(
      'scroll',
      () => {
        if (queued) return;
        queued = true;
        requestAnimationFrame(() => {
          queued = false;
          update();
        });
      },
      { passive: true },
    );
    update();
  }
}
