/**
 * The searched words marked on a page opened from a search result (`?highlight=…`), loaded only
 * for such a page (search-triggers.ts).
 */
import { layOutWholePage } from './whole-page';

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
