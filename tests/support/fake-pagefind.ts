import { INDEX_SEPARATOR, spaceCjk } from '../../src/lib/search/cjk';
import type { PagefindFragment, PagefindLike } from '../../src/lib/search/engine';

/** The words a page is indexed as: each CJK character, and Latin words (lower case). */
function indexWords(text: string): string[] {
  return spaceCjk(text)
    .replaceAll(INDEX_SEPARATOR, ' ')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export function fakeBundle(
  pages: { url: string; title: string; content: string; kind?: string; date?: string }[],
  loads: string[] = [],
): PagefindLike {
  // Stands in for Pagefind: words by position, exact phrases in quotes, prefix matches otherwise,
  // filters and sort by date; records which pages' text was loaded.
  return {
    async search(term, options) {
      const exact = /^".*"$/.test(term);
      const query = term.replace(/"/g, '').toLowerCase().split(' ').filter(Boolean);
      const results = pages
        .filter((p) => !options?.filters?.['kind'] || p.kind === options.filters['kind'])
        .flatMap((p) => {
          const words = indexWords(`${p.title} ${p.content}`);
          let positions: number[] = [];
          if (exact) {
            const start = words.findIndex((_, i) => query.every((q, j) => words[i + j] === q));
            if (start === -1) return [];
            positions = query.map((_, j) => start + j);
          } else {
            if (!query.every((q) => words.some((w) => w.startsWith(q)))) return [];
            positions = words.flatMap((w, i) => (query.some((q) => w.startsWith(q)) ? [i] : []));
          }
          return [
            {
              id: p.url,
              score: exact ? 1 : positions.length,
              words: positions,
              date: p.date ?? '',
              data: async (): Promise<PagefindFragment> => {
                loads.push(p.url);
                return { url: p.url, content: p.content, meta: { title: p.title, kind: p.kind, date: p.date } };
              },
            },
          ];
        });
      if (options?.sort?.['date']) results.sort((a, b) => b.date.localeCompare(a.date));
      else results.sort((a, b) => b.score - a.score);
      return { results };
    },
  };
}
