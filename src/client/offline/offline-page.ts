/**
 * `<offline-pages>` (components/OfflinePages.astro): lists the pages of one language this device
 * can show offline — the saved copy's, with the titles its record keeps, and the pages the reader
 * opened, titled from their cached HTML — and hands its search box to the site's search dialog,
 * which searches whatever of the index is on the device or says that it is not saved.
 */
import { isSiteCache, offlinePageUrl, parseSavedCacheName, savedRecordUrl } from '../../lib/offline/caches';
import type { OfflinePage, SavedRecord } from '../../lib/offline/manifest';
import { pageTitle } from '../../lib/offline/references';

/** Pages of `lang` in the site's caches, by path; the offline page itself left out. */
export async function availablePages(base: string, lang: string, siteTitle: string): Promise<OfflinePage[]> {
  const found = new Map<string, string>();
  const ours = (path: string) => path.startsWith(`${base}${lang}/`) && path !== offlinePageUrl(base, lang);
  for (const name of await caches.keys()) {
    if (!isSiteCache(base, name)) continue;
    const cache = await caches.open(name);
    const saved = parseSavedCacheName(base, name);
    if (saved) {
      const record = await cache.match(savedRecordUrl(base, saved.lang));
      if (saved.lang !== lang || !record) continue;
      for (const page of ((await record.json()) as SavedRecord).pages)
        if (ours(page.url)) found.set(page.url, page.title);
      continue;
    }
    if (!name.includes(':pages:')) continue;
    for (const request of await cache.keys()) {
      const path = new URL(request.url).pathname;
      if (!ours(path) || !path.endsWith('/') || found.has(path)) continue;
      const response = await cache.match(request);
      if (response) found.set(path, pageTitle(await response.text(), siteTitle));
    }
  }
  const order = new Intl.Collator(undefined, { numeric: true });
  return [...found].map(([url, title]) => ({ url, title })).sort((a, b) => order.compare(a.url, b.url));
}

/** Runs a query in the site's search dialog (the header's), as if typed there. */
function openSearch(query: string): void {
  const input = document.querySelector<HTMLInputElement>('#search-input');
  if (!input) return;
  input.value = query;
  document.querySelector<HTMLButtonElement>('[data-search-open]')?.click();
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

class OfflinePages extends HTMLElement {
  async connectedCallback(): Promise<void> {
    const { base = '/', lang = '', siteTitle = '' } = this.dataset;
    // Served in place of a page that is not on the device: say so.
    this.querySelector<HTMLElement>('[data-offline-missed]')!.hidden = location.pathname === offlinePageUrl(base, lang);
    this.querySelector('form')?.addEventListener('submit', (event) => {
      event.preventDefault();
      const query = this.querySelector<HTMLInputElement>('input[type="search"]')?.value.trim();
      if (query) openSearch(query);
    });
    const status = this.querySelector<HTMLElement>('[data-offline-status]')!;
    const list = this.querySelector<HTMLUListElement>('[data-offline-list]')!;
    const pages = 'caches' in window ? await availablePages(base, lang, siteTitle) : [];
    status.textContent = pages.length
      ? (this.dataset['textCount'] ?? '').replace('{n}', String(pages.length))
      : (this.dataset['textNone'] ?? '');
    list.replaceChildren(
      ...pages.map((page) => {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = page.url;
        a.textContent = page.title || page.url;
        li.append(a);
        return li;
      }),
    );
  }
}

if (!customElements.get('offline-pages')) customElements.define('offline-pages', OfflinePages);
