type Theme = 'light' | 'dark';

const STORAGE_KEY = 'theme';

function current(): Theme {
  return document.documentElement.getAttribute('data-theme') === 'dark' ? 'dark' : 'light';
}

function stored(): Theme | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'dark' || value === 'light' ? value : null;
  } catch {
    return null;
  }
}

/** Sets the page's theme and tells every toggle on the page, so they all show the same state. */
function apply(theme: Theme): void {
  document.documentElement.setAttribute('data-theme', theme);
  for (const toggle of document.querySelectorAll<ThemeToggle>('theme-toggle')) toggle.show(theme);
}

let followingSystem = false;

/** Without a stored choice the page follows the system's theme, even while it is open. */
function followSystem(): void {
  if (followingSystem) return;
  followingSystem = true;
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', (event) => {
    if (!stored()) apply(event.matches ? 'dark' : 'light');
  });
}

/**
 * `<theme-toggle>`: owns the button inside it. A click flips and remembers the theme (the
 * bootstrap script in <head> applies the remembered one before the first paint).
 */
export class ThemeToggle extends HTMLElement {
  #button: HTMLButtonElement | null = null;

  connectedCallback(): void {
    this.#button = this.querySelector('button');
    this.#button?.addEventListener('click', () => {
      const next: Theme = current() === 'dark' ? 'light' : 'dark';
      try {
        localStorage.setItem(STORAGE_KEY, next);
      } catch {
        // Private browsing may refuse storage; the theme still changes for this page.
      }
      apply(next);
    });
    this.show(current());
    followSystem();
  }

  /** Shows `theme` as the button's state and offers the other one in its title. */
  show(theme: Theme): void {
    const button = this.#button;
    if (!button) return;
    button.setAttribute('aria-pressed', String(theme === 'dark'));
    button.title = (theme === 'dark' ? button.dataset['toLight'] : button.dataset['toDark']) ?? '';
  }
}
