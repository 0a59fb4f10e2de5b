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

function apply(theme: Theme): void {
  document.documentElement.setAttribute('data-theme', theme);
  for (const button of document.querySelectorAll<HTMLButtonElement>('.theme-toggle')) {
    button.setAttribute('aria-pressed', String(theme === 'dark'));
    button.title = (theme === 'dark' ? button.dataset['toLight'] : button.dataset['toDark']) ?? '';
  }
}

/** Wires the theme buttons: a click flips and remembers the theme; without a stored choice the page follows the system. */
export function initThemeToggle(): void {
  apply(current());
  for (const button of document.querySelectorAll<HTMLButtonElement>('.theme-toggle')) {
    button.addEventListener('click', () => {
      const next: Theme = current() === 'dark' ? 'light' : 'dark';
      try {
        localStorage.setItem(STORAGE_KEY, next);
      } catch {
        // Private browsing may refuse storage; the theme still changes for this page.
      }
      apply(next);
    });
  }
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', (event) => {
    if (!stored()) apply(event.matches ? 'dark' : 'light');
  });
}
