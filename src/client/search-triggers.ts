/**
 * The only search code every page loads: `<site-search>` opens the dialog (button, "/",
 * Ctrl/Cmd+K). The search itself loads once the page is loaded and the browser idle, where the
 * connection allows, or else on first open; the marking of searched words on a page opened from a
 * result only there.
 */

import { mayFetchAhead, type Connection } from '../lib/fetch-ahead';

let loaded: Promise<typeof import('./search-ui')> | undefined;

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/** The search code, loaded once; a load that failed (offline) is tried again the next time. */
function load(): Promise<typeof import('./search-ui')> {
  return (loaded ??= import('./search-ui').catch((error: unknown) => {
    loaded = undefined;
    throw error;
  }));
}

/** Loads the search code and starts loading the page language's index (see `attach`). */
async function prepare(dialog: HTMLDialogElement): Promise<void> {
  (await load()).attach(dialog);
}

/**
 * Once the page has loaded and the browser is idle, fetches the search code and what the page
 * language's first query needs (search-ui.ts `prefetch`), so that the query waits only for its
 * own words. Nothing runs before the load event (this module runs before it, as module scripts
 * do); Safari has no idle callback, and starts at load.
 */
function prefetchWhenIdle(dialog: HTMLDialogElement): void {
  if (mayFetchAhead((navigator as Navigator & { connection?: Connection }).connection))
    addEventListener(
      'load',
      () =>
        (self.requestIdleCallback ?? setTimeout)(() =>
          load()
            .then((ui) => ui.prefetch(dialog))
            .catch(() => {}),
        ),
      { once: true },
    );
}

async function open(dialog: HTMLDialogElement): Promise<void> {
  if (!dialog.open) {
    dialog.showModal();
    // Focus and select now, not after the search code loads, so early keystrokes are kept.
    const input = dialog.querySelector<HTMLInputElement>('input[type="search"]');
    input?.focus();
    input?.select();
  }
  await prepare(dialog);
}

/**
 * `<site-search>`: owns its button and dialog. The button, "/" and Ctrl/Cmd+K open the dialog; the
 * search code is loaded and attached on first open, or as soon as the reader points at the button.
 */
export class SiteSearch extends HTMLElement {
  connectedCallback(): void {
    const dialog = this.querySelector('dialog');
    if (!dialog) return;
    const button = this.querySelector('[data-search-open]');
    button?.addEventListener('click', () => void open(dialog));
    // A pointer on the button or focus reaching it comes a moment before the click: enough to
    // load the search code and index, so the first query does not wait for them.
    for (const type of ['pointerenter', 'focus'])
      button?.addEventListener(type, () => void prepare(dialog), { once: true });
    prefetchWhenIdle(dialog);
    document.addEventListener('keydown', (event) => {
      const mod = event.ctrlKey || event.metaKey;
      if ((event.key === '/' && !mod && !isTyping(event.target)) || (mod && event.key.toLowerCase() === 'k')) {
        event.preventDefault();
        void open(dialog);
      }
    });
  }
}

/**
 * A page opened from a search result marks the searched words (`search-highlight.ts`). That code
 * loads only for such a page: every other page would carry it unused before interaction.
 */
export function highlightIfAsked(): void {
  if (new URLSearchParams(location.search).has('highlight'))
    void import('./search-highlight').then(({ highlightFromUrl }) => highlightFromUrl());
}
