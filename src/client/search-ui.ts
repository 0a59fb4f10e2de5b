/**
 * The search dialog once it is used: each query as the reader types it, through the language
 * bundles it needs (search-bundles.ts), its results listed a page at a time and moved through with
 * the arrow keys.
 */
import { hasExactMatch, search, type Hit, type ResultList, type SearchOptions } from '../lib/search/engine';
import { languagePlan } from '../lib/search/languages';
import { isLocale, localeInfo } from '../lib/locales';
import { keepRoutedFiles } from './offline/keep-routed';
import { bundleSources, languageBundles } from './search-bundles';

// Loaded with the dialog's code, so that fetching ahead at idle also brings the code (search-triggers.ts).
export { prefetch } from './search-bundles';

const attached = new WeakSet<HTMLDialogElement>();
/** How long a query runs before the status says it is searching. */
const LOADING_AFTER_MS = 300;

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
  const { sources, runtimeUrl, cacheTag } = bundleSources(dialog);
  // The offline reader's worker is handed the index files search fetches past it.
  keepRoutedFiles();
  // Start fetching the page language's bundle while the reader types.
  if (sources[0]) void languageBundles(sources[0].lang, sources[0].basePath, runtimeUrl, cacheTag);
  const pageLang = sources[0]?.lang;
  const load = async (langs: string[]) =>
    (
      await Promise.all(
        sources
          .filter((s) => langs.includes(s.lang))
          .map((s) => languageBundles(s.lang, s.basePath, runtimeUrl, cacheTag)),
      )
    ).flat();

  let generation = 0;
  /** The query on screen: its results so far and the rest, loaded as the reader scrolls to them. */
  let current: { list: ResultList; query: string; shown: number } | undefined;
  let loadingMore = false;
  const more = document.createElement('li');
  more.className = 'search__more';
  const moreButton = document.createElement('button');
  moreButton.type = 'button';
  moreButton.className = 'search__more-button';
  moreButton.dataset['searchMore'] = '';
  moreButton.textContent = text('textMore');
  more.append(moreButton);
  const run = async () => {
    const query = input.value.trim();
    const mine = ++generation;
    if (!query) {
      current = undefined;
      list.replaceChildren();
      status.textContent = '';
      dialog.removeAttribute('data-state');
      return;
    }
    dialog.setAttribute('data-state', 'loading');
    // "Searching…" is said only of a query still running after a moment: most answer sooner, and
    // saying it at each keystroke made the status flicker and the dialog lay out its text again.
    const slow = setTimeout(() => {
      if (mine === generation) status.textContent = text('textLoading');
    }, LOADING_AFTER_MS);
    const options: SearchOptions = {
      kind: kind.value || undefined,
      part: part.value || undefined,
      sort: sort.value === 'date' ? 'date' : 'relevance',
    };
    try {
      const plan = languagePlan(
        sources.map((s) => s.lang),
        query,
        both.checked,
      );
      let chosen = await load(plan.now);
      // Latin words the page's language does not have: the reader is looking for the other one.
      if (plan.ifNothing.length && !(await hasExactMatch(chosen, query))) chosen = await load(plan.ifNothing);
      const results = await search(chosen, query, options);
      const hits = await results.next();
      clearTimeout(slow);
      if (mine !== generation) return;
      current = { list: results, query, shown: 0 };
      list.replaceChildren();
      render(hits);
    } catch (error) {
      clearTimeout(slow);
      if (mine !== generation) return;
      // Offline, a failed fetch means this language's index is not on the device.
      const offline = !navigator.onLine || error instanceof TypeError;
      status.textContent = offline
        ? text('textOffline')
        : text('textUnavailable').replace('{reason}', error instanceof Error ? error.message : String(error));
      dialog.setAttribute('data-state', 'error');
    }
  };

  const item = (hit: Hit, i: number) => {
    const li = document.createElement('li');
    const a = document.createElement('a');
    const url = new URL(hit.url, location.href);
    for (const h of hit.highlights) url.searchParams.append('highlight', h);
    a.href = url.pathname + url.search + url.hash;
    a.className = 'search__result';
    a.id = `search-result-${i}`;
    a.lang = isLocale(hit.lang) ? localeInfo[hit.lang].htmlLang : hit.lang;
    a.dataset['url'] = hit.url;
    a.dataset['lang'] = hit.lang;
    const head = document.createElement('span');
    head.className = 'search__result-head';
    const title = document.createElement('span');
    title.className = 'search__result-title';
    title.textContent = hit.title;
    const badge = document.createElement('span');
    badge.className = 'search__badge';
    badge.textContent = [kindLabels[hit.kind] ?? hit.kind, hit.date].filter(Boolean).join(' · ');
    head.append(title, badge);
    // A result in the other language says so, in that language's own name.
    if (hit.lang !== pageLang && isLocale(hit.lang)) {
      const language = document.createElement('span');
      language.className = 'search__lang';
      language.dataset['searchLang'] = hit.lang;
      language.textContent = localeInfo[hit.lang].nativeName;
      head.append(language);
    }
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
  };

  /** Appends a page of results and says how many there are (exactly, once all are loaded). */
  const render = (hits: Hit[]) => {
    if (!current) return;
    more.remove();
    list.append(...hits.map((hit, i) => item(hit, current!.shown + i)));
    current.shown += hits.length;
    if (!current.list.done) list.append(more);
    const count = current.list.done ? current.shown : Math.max(current.shown, current.list.total);
    const template = count === 0 ? text('textNone') : count === 1 ? text('textOne') : text('textResults');
    status.textContent = template.replace('{n}', String(count)).replace('{q}', current.query);
    dialog.setAttribute('data-state', count ? 'results' : 'empty');
  };

  const showMore = async () => {
    if (!current || current.list.done || loadingMore) return;
    const mine = generation;
    loadingMore = true;
    try {
      const hits = await current.list.next();
      if (mine === generation) render(hits);
    } finally {
      loadingMore = false;
    }
  };
  moreButton.addEventListener('click', () => void showMore());
  // Reaching the end of the list loads the next page, as the reader scrolls, or at once where the
  // list has room below a page. (Not earlier: a margin would load the next page with the first.)
  new IntersectionObserver(
    (entries) => {
      if (entries.some((e) => e.isIntersecting)) void showMore();
    },
    { root: list },
  ).observe(more);

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
