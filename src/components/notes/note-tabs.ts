/**
 * `<note-tabs>`: switches the panels of a server-rendered tab group with the mouse and the keyboard
 * (← → Home End, as the ARIA tabs pattern asks) and remembers the choice in localStorage, so every
 * group with the same key, on this page and the next, opens on the reader's version.
 */
const STORE = 'fastai-notes:tabs:';

class NoteTabs extends HTMLElement {
  #tabs: HTMLButtonElement[] = [];
  #panels: HTMLElement[] = [];

  connectedCallback() {
    this.#tabs = [...this.querySelectorAll<HTMLButtonElement>(':scope > [role=tablist] > [role=tab]')];
    this.#panels = [...this.querySelectorAll<HTMLElement>(':scope > [role=tabpanel]')];
    this.#tabs.forEach((tab, i) => {
      tab.addEventListener('click', () => this.#choose(i));
      tab.addEventListener('keydown', (e) => this.#key(e, i));
    });
    const saved = read(this.dataset['sync']);
    if (saved) this.show(saved);
  }

  /** Shows the tab with this label, if the group has one. */
  show(label: string) {
    const i = this.#tabs.findIndex((t) => t.textContent?.trim() === label);
    if (i === -1) return;
    this.#tabs.forEach((tab, j) => {
      tab.setAttribute('aria-selected', String(i === j));
      tab.tabIndex = i === j ? 0 : -1;
    });
    this.#panels.forEach((panel, j) => (panel.hidden = i !== j));
  }

  #choose(i: number) {
    const label = this.#tabs[i]?.textContent?.trim();
    if (!label) return;
    // Groups above this one may change height; keep this one where the reader's eyes are.
    const top = this.getBoundingClientRect().top;
    const key = this.dataset['sync'] ?? '';
    for (const group of document.querySelectorAll<NoteTabs>('note-tabs')) {
      if (group === this || group.dataset['sync'] === key) group.show(label);
    }
    window.scrollBy(0, this.getBoundingClientRect().top - top);
    try {
      localStorage.setItem(STORE + key, label);
    } catch {
      // Storage can be disabled; the choice then lasts for this page only.
    }
  }

  #key(e: KeyboardEvent, i: number) {
    const n = this.#tabs.length;
    const next = { ArrowRight: (i + 1) % n, ArrowLeft: (i - 1 + n) % n, Home: 0, End: n - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    this.#choose(next);
    this.#tabs[next]?.focus();
  }
}

function read(key: string | undefined): string | null {
  try {
    return key === undefined ? null : localStorage.getItem(STORE + key);
  } catch {
    return null;
  }
}

export function defineNoteTabs() {
  if (!customElements.get('note-tabs')) customElements.define('note-tabs', NoteTabs);
}
