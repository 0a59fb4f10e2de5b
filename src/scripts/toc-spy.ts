/** Marks the table-of-contents entry of the section being read, so the reader sees where they are. */
export function initTocSpy(): void {
  const links = new Map<string, HTMLAnchorElement>();
  for (const a of document.querySelectorAll<HTMLAnchorElement>('.toc a[href^="#"]')) links.set(decodeURIComponent(a.hash.slice(1)), a);
  const headings = [...document.querySelectorAll<HTMLElement>('.prose h2[id], .prose h3[id]')].filter((h) => links.has(h.id));
  if (headings.length === 0) return;
  let current: HTMLAnchorElement | undefined;
  const update = () => {
    let active = headings[0];
    for (const h of headings) {
      if (h.getBoundingClientRect().top > 140) break;
      active = h;
    }
    const link = active ? links.get(active.id) : undefined;
    if (link === current) return;
    current?.removeAttribute('aria-current');
    link?.setAttribute('aria-current', 'true');
    current = link;
  };
  let queued = false;
  window.addEventListener('scroll', () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      update();
    });
  }, { passive: true });
  update();
}
