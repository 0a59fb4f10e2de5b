import { currentSection } from './current-section';

/**
 * `<language-switch>`: keeps the reader's place across languages. When the counterpart has the
 * section being read (the URL's anchor, else the one scrolled to), the link carries its anchor.
 */
export class LanguageSwitch extends HTMLElement {
  connectedCallback(): void {
    const link = this.querySelector<HTMLAnchorElement>('a[data-section-ids]');
    if (!link) return;
    const ids = new Set((link.dataset['sectionIds'] ?? '').split(' ').filter(Boolean));
    if (ids.size === 0) return;
    const base = link.href.split('#')[0] ?? link.href;
    const update = () => {
      const section = decodeURIComponent(location.hash.slice(1)) || currentSection()?.id;
      link.href = section && ids.has(section) ? `${base}#${encodeURIComponent(section)}` : base;
    };
    for (const type of ['pointerdown', 'focus', 'mouseenter'] as const) link.addEventListener(type, update);
    link.addEventListener('click', update);
  }
}
