/** The id of the section the reader is in: the URL's anchor, else the last heading scrolled past. */
function currentSection(): string | undefined {
  const fromHash = decodeURIComponent(location.hash.slice(1));
  if (fromHash) return fromHash;
  const headings = [...document.querySelectorAll<HTMLElement>('main h2[id], main h3[id]')];
  let found: string | undefined;
  for (const heading of headings) {
    if (heading.getBoundingClientRect().top > 120) break;
    found = heading.id;
  }
  return found;
}

/**
 * Keeps the reader's place across languages: when the counterpart has the section being read,
 * the switch link carries its anchor.
 */
export function initLanguageSwitch(): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('[data-language-switch]')) {
    const ids = new Set((link.dataset['sectionIds'] ?? '').split(' ').filter(Boolean));
    if (ids.size === 0) continue;
    const base = link.href.split('#')[0] ?? link.href;
    const update = () => {
      const section = currentSection();
      link.href = section && ids.has(section) ? `${base}#${encodeURIComponent(section)}` : base;
    };
    for (const type of ['pointerdown', 'focus', 'mouseenter'] as const) link.addEventListener(type, update);
    link.addEventListener('click', update);
  }
}
