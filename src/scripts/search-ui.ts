import { runSearch, type Hit, type PagefindLike, type SearchOptions } from '../lib/search/engine';

interface Bundle {
  lang: string;
  pagefind: PagefindLike;
}

const bundles = new Map<string, Promise<Bundle>>();

/** Loads one language's Pagefind bundle; each bundle URL is its own module, with its own language. */
function bundle(lang: string, url: string): Promise<Bundle> {
  let pending = bundles.get(lang);
  if (!pending) {
    pending = import(/* @vite-ignore */ url).then(async (pf: PagefindLike & { init?: () => Promise<void> }) => {
      await pf.init?.();
      return { lang, pagefind: pf };
    });
    bundles.set(lang, pending);
  }
  return pending;
}

const attached = new WeakSet<HTMLDialogElement>();

/** Wires the search dialog once. */
export function attach(dialog: HTMLDialogElement): void {
  const input = dialog.querySelector<HTMLInputElement>('#search-input')!;
  if (attached.has(dialog)) return;
  attached.add(dialog);

  const status = dialog.querySelector<HTMLElement>('[data-search-status]')!;
  const list = dialog.querySelector<HTMLUListElement>('[data-search-results]')!;
  const both = dialog.querySelector<HTMLInputElement>('[data-search-both]')!;
  const kind = dialog.querySelector<HTMLSelectElement>('[data-search-kind]')!;
  const part = dialog.querySelector<HTMLSelectElement>('[data-search-part]')!;
  const sort = dialog.querySelector<HTMLSelectElement>('[data-search-sort]')!;
  const text = (key: string) => dialog.dataset[key] ?? '';
  const kindLabels = JSON.parse(dialog.dataset['kindLabels'] ?? '{}') as Record<string, string>;
  const sources = (dialog.dataset['bundles'] ?? '').split(' ').filter(Boolean).map((pair) => {
    const i = pair.indexOf('=');
    return { lang: pair.slice(0, i), url: pair.slice(i + 1) };
  });
  // Start fetching the page language's bundle while the reader types.
  if (sources[0]) void bundle(sources[0].lang, sources[0].url);

  let generation = 0;
  const run = async () => {
    const query = input.value.trim();
    const mine = ++generation;
    if (!query) {
      list.replaceChildren();
      status.textContent = '';
      dialog.removeAttribute('data-state');
      return;
    }
    status.textContent = text('textLoading');
    dialog.setAttribute('data-state', 'loading');
    const options: SearchOptions = { kind: kind.value || undefined, part: part.value || undefined, sort: sort.value === 'date' ? 'date' : 'relevance' };
    try {
      const chosen = both.checked ? sources : sources.slice(0, 1);
      const loadedBundles = await Promise.all(chosen.map((s) => bundle(s.lang, s.url)));
      const hits = await runSearch(loadedBundles, query, options);
      if (mine !== generation) return;
      render(hits, query);
    } catch (error) {
      if (mine !== generation) return;
      status.textContent = text('textUnavailable').replace('{reason}', error instanceof Error ? error.message : String(error));
      dialog.setAttribute('data-state', 'error');
    }
  };

  const render = (hits: Hit[], query: string) => {
    list.replaceChildren(
      ...hits.map((hit, i) => {
        const li = document.createElement('li');
        const a = document.createElement('a');
        const url = new URL(hit.url, location.href);
        for (const h of hit.highlights) url.searchParams.append('highlight', h);
        a.href = url.pathname + url.search + url.hash;
        a.className = 'search__result';
        a.id = `search-result-${i}`;
        a.lang = hit.lang === 'zh' ? 'zh-CN' : hit.lang;
        a.dataset['url'] = hit.url;
        const head = document.createElement('span');
        head.className = 'search__result-head';
        const title = document.createElement('span');
        title.className = 'search__result-title';
        title.textContent = hit.title;
        const badge = document.createElement('span');
        badge.className = 'search__badge';
        badge.textContent = [kindLabels[hit.kind] ?? hit.kind, hit.date].filter(Boolean).join(' · ');
        head.append(title, badge);
        const excerpt = document.createElement('span');
        excerpt.className = 'search__excerpt';
        for (const part of hit.excerpt) {
          if (part.mark) {
            const m = document.createElement('mark');
            m.textContent = part.text;
            excerpt.append(m);
          } else excerpt.append(part.text);
        }
        a.append(head, excerpt);
        li.append(a);
        return li;
      }),
    );
    const template = hits.length === 0 ? text('textNone') : hits.length === 1 ? text('textOne') : text('textResults');
    status.textContent = template.replace('{n}', String(hits.length)).replace('{q}', query);
    dialog.setAttribute('data-state', hits.length ? 'results' : 'empty');
  };

  input.addEventListener('input', () => void run());
  // Whatever was typed while this module was loading is searched straight away.
  if (input.value.trim()) void run();
  for (const control of [both, kind, part, sort]) control.addEventListener('change', () => void run());

  // Arrow keys move between results; focus returns to the input with Escape handled by <dialog>.
  dialog.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = [...list.querySelectorAll<HTMLAnchorElement>('a')];
    if (!links.length) return;
    event.preventDefault();
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    const next = event.key === 'ArrowDown' ? Math.min(links.length - 1, at + 1) : at - 1;
    if (next < 0) input.focus();
    else links[next]?.focus();
  });
  input.addEventListener('keydown', (event) => {
    // A search field would only clear itself on Escape; readers expect the dialog to close.
    if (event.key === 'Escape') {
      event.preventDefault();
      dialog.close();
    }
    if (event.key === 'Enter') {
      event.preventDefault();
      list.querySelector<HTMLAnchorElement>('a')?.click();
    }
  });
  dialog.querySelector('[data-search-close]')?.addEventListener('click', () => dialog.close());
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
}
