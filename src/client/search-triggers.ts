/**
 * The only search code every page loads: `<site-search>` opens the dialog (button, "/",
 * Ctrl/Cmd+K), and `highlightFromUrl` marks the searched words on a page opened from a result.
 * The search itself loads on first open.
 */
import { layOutWholePage } from './whole-page';

let loaded: Promise<typeof import('./search-ui')> | undefined;

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/** Loads the search code and starts loading the page language's index (see `attach`). */
async function prepare(dialog: HTMLDialogElement): Promise<void> {
  loaded ??= import('./search-ui');
  (await loaded).attach(dialog);
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
    document.addEventListener('keydown', (event) => {
      const mod = event.ctrlKey || event.metaKey;
      if ((event.key === '/' && !mod && !isTyping(event.target)) || (mod && event.key.toLowerCase() === 'k')) {
        event.preventDefault();
        void open(dialog);
      }
    });
  }
}

/** Wraps each occurrence of the searched words in <mark> and scrolls to the first one. */
export function highlightFromUrl(): void {
  const terms = new URLSearchParams(location.search)
    .getAll('highlight')
    .map((t) => t.trim())
    .filter(Boolean);
  const root = document.querySelector('[data-pagefind-body]');
  if (!terms.length || !root) return;
  const pattern = new RegExp(terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi');
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) =>
      n.parentElement?.closest('script, style, .katex, mark') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  let first: HTMLElement | undefined;
  for (const node of nodes) {
    const text = node.data;
    const matches = [...text.matchAll(pattern)];
    if (!matches.length) continue;
    const frag = document.createDocumentFragment();
    let last = 0;
    for (const m of matches) {
      frag.append(text.slice(last, m.index));
      const mark = document.createElement('mark');
      mark.className = 'search-hit';
      mark.textContent = m[0];
      first ??= mark;
      frag.append(mark);
      last = m.index + m[0].length;
    }
    frag.append(text.slice(last));
    node.replaceWith(frag);
  }
  if (first && !location.hash) {
    layOutWholePage();
    first.scrollIntoView({ block: 'center' });
  }
}
