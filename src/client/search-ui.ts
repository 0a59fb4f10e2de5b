import {
  hasExactMatch,
  search,
  type Hit,
  type PagefindLike,
  type ResultList,
  type SearchOptions,
} from '../lib/search/engine';
import { withFragmentReader } from './pagefind-fragments';
import { languagePlan } from '../lib/search/languages';
import { isLocale, localeInfo } from '../lib/locales';
import { UNSTAMPED } from '../lib/offline/config';
import { entryAddress, setupFiles, type BundleEntry } from '../lib/search/bundles';

interface Bundle {
  lang: string;
  pagefind: PagefindLike;
}

/** What the search uses of Pagefind's module. */
interface PagefindRuntime {
  createInstance(options: {
    basePath: string;
    noWorker: boolean;
    metaCacheTag?: string;
  }): PagefindLike & { init(): Promise<void> };
}

const bundles = new Map<string, Promise<Bundle>>();

/**
 * Loads one language's Pagefind bundle with the one runtime file, imported once per language
 * (`pagefind.js?zh`): each import is a module of its own, and Pagefind keeps its WebAssembly in
 * module state, so two languages in one module would share one search core. Each language keeps
 * its own query processing (English stemming). Search runs on the page: Pagefind would start its
 * worker from the bundle's folder, and the runtime is shipped once, beside the bundles.
 */
function bundle(lang: string, basePath: string, runtimeUrl: string, metaCacheTag: string): Promise<Bundle> {
  let pending = bundles.get(lang);
  if (!pending) {
    const runtime = import(/* @vite-ignore */ `${runtimeUrl}?${lang}`) as Promise<PagefindRuntime>;
    pending = runtime.then(async (pf) => {
      // Pagefind asks for its entry file with `?ts=<tag>`: the build's id, so the offline reader's
      // caches answer a page with its own build's index (without a tag Pagefind sends the time).
      const instance = pf.createInstance({ basePath, noWorker: true, ...(metaCacheTag ? { metaCacheTag } : {}) });
      await instance.init();
      return { lang, pagefind: withFragmentReader(instance, basePath) };
    });
    bundles.set(lang, pending);
    // A bundle that could not load (offline, index not saved) is tried again on the next query.
    pending.catch(() => bundles.delete(lang));
  }
  return pending;
}

/** The language bundles the dialog names (page language first), Pagefind's runtime and the build's tag. */
function bundlesOf(dialog: HTMLDialogElement) {
  const sources = (dialog.dataset['bundles'] ?? '')
    .split(' ')
    .filter(Boolean)
    .map((pair) => {
      const i = pair.indexOf('=');
      return { lang: pair.slice(0, i), basePath: pair.slice(i + 1) };
    });
  // Left unstamped by the dev server, which builds no index.
  const tag = dialog.dataset['metaCacheTag'];
  return { sources, runtimeUrl: dialog.dataset['runtime'] ?? '', cacheTag: tag === UNSTAMPED ? '' : (tag ?? '') };
}

/**
 * Fetches what the page language's first search needs before it can look up a word (Pagefind's
 * runtime, the bundle's entry, WebAssembly and metadata) at the addresses Pagefind asks for them,
 * without running any of it: the reader's page does no work for a search they may never make, and
 * a first query no longer waits on four requests in turn, wherever the host lets the browser keep
 * files (GitHub Pages: ten minutes).
 */
export async function prefetch(dialog: HTMLDialogElement): Promise<void> {
  const { sources, runtimeUrl, cacheTag } = bundlesOf(dialog);
  const page = sources[0];
  // Without the build's tag (the dev server) Pagefind asks for its entry at a new address each time.
  if (!page || !cacheTag || bundles.has(page.lang)) return;
  const hint = (rel: 'modulepreload' | 'prefetch', href: string) =>
    document.head.append(Object.assign(document.createElement('link'), { rel, href }));
  hint('modulepreload', `${runtimeUrl}?${page.lang}`);
  const response = await fetch(entryAddress(page.basePath, cacheTag));
  if (!response.ok) return;
  const entry = (await response.json()) as BundleEntry;
  for (const language of Object.values(entry.languages))
    for (const file of setupFiles(page.basePath, language)) hint('prefetch', file);
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
  const { sources, runtimeUrl, cacheTag } = bundlesOf(dialog);
  // Start fetching the page language's bundle while the reader types.
  if (sources[0]) void bundle(sources[0].lang, sources[0].basePath, runtimeUrl, cacheTag);
  const pageLang = sources[0]?.lang;
  const load = (langs: string[]) =>
    Promise.all(
      sources.filter((s) => langs.includes(s.lang)).map((s) => bundle(s.lang, s.basePath, runtimeUrl, cacheTag)),
    );

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
    status.textContent = text('textLoading');
    dialog.setAttribute('data-state', 'loading');
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
      if (mine !== generation) return;
      current = { list: results, query, shown: 0 };
      list.replaceChildren();
      render(hits);
    } catch (error) {
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
  // Reaching the end of the list loads the next page, as the reader scrolls. (Not earlier: five
  // results are about one and a half screens of the list, and a margin would load the next five
  // with the first.)
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
