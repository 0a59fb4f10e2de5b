import type { ExcerptPart } from './excerpt';

/** The part of Pagefind's browser API the search uses (so tests can pass a stand-in). */
export interface PagefindFragment {
  url: string;
  content: string;
  /** Pagefind's excerpt: escaped text with <mark> around matched words. */
  excerpt?: string;
  meta: Record<string, string | undefined>;
  filters?: Record<string, string[]>;
}
export interface PagefindResult {
  /** Pagefind's id of the page's text (its fragment). */
  id?: string;
  score: number;
  /** Positions of the matched words in the page. */
  words?: number[];
  data(): Promise<PagefindFragment>;
}
export interface PagefindSearchOptions {
  filters?: Record<string, string>;
  sort?: Record<string, 'asc' | 'desc'>;
}
export interface PagefindLike {
  /** A term in double quotes asks for its words in order and adjacent (Pagefind's exact phrase search). */
  search(term: string, options?: PagefindSearchOptions): Promise<{ results: PagefindResult[] } | null>;
}

/** One language's bundle as search uses it. */
export interface SearchBundle {
  lang: string;
  pagefind: PagefindLike;
  /** The bundle's most frequent Chinese characters, most frequent first, when it names them. */
  commonCharacters?: string | undefined;
  /** Results to leave out: earlier versions of pages a rebuild indexed again apart (`BundleEntry.hidden`). */
  hidden?: ReadonlySet<string> | undefined;
  /** In a rebuild's recent bundle: each result's id in the whole index (`BundleEntry.earlier`). */
  earlier?: ReadonlyMap<string, string> | undefined;
}

export interface SearchOptions {
  kind?: string | undefined;
  part?: string | undefined;
  sort?: 'relevance' | 'date';
}

export interface Hit {
  url: string;
  title: string;
  lang: string;
  kind: string;
  date: string | undefined;
  score: number;
  excerpt: ExcerptPart[];
  /** The words as they appear on the page (for marking them there), e.g. `learning` for `learn`. */
  highlights: string[];
}
