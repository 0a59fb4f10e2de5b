/**
 * Where search lives, relative to the site root: one copy of Pagefind's runtime, and beside it one
 * bundle of data per language, written there by the search-index integration and loaded from
 * there by the search dialog.
 * @example bundleDir('zh') // 'pagefind/zh/'
 */
export const bundleRoot = 'pagefind/';
export const bundleDir = (lang: string) => `${bundleRoot}${lang}/`;
export const pagefindRuntime = `${bundleRoot}pagefind.js`;

/**
 * Where part `i` of a language's bundle lives when the index step splits a large language
 * (search-parts.ts): the first part is the language's own folder, and its entry names the others,
 * folders inside it.
 * @example partFolder(2) // 'part-2/'
 */
export const partFolder = (i: number) => (i === 0 ? '' : `part-${i}/`);

/** A bundle's entry file: the languages it holds, each with its metadata file and WebAssembly. */
export const BUNDLE_ENTRY = 'pagefind-entry.json';

/** What a bundle's entry file says of each language (Pagefind writes more), and what we add. */
export interface BundleEntry {
  languages: Record<string, { hash: string; wasm: string | null }>;
  /**
   * The bundle's most frequent Chinese characters, most frequent first (character-frequency.ts),
   * added by the search-index step when its pages have any. Pagefind reads no other field.
   */
  commonCharacters?: string;
  /** In the first part of a split language only: the other parts' folders, relative to its own. */
  parts?: string[];
  /**
   * In the first part only, after a rebuild that indexed only the pages changed since the language
   * was last indexed whole: the folder of the bundle holding them (also named in `parts`), and the
   * result ids of their earlier versions in the other bundles, which search leaves out.
   */
  recent?: string;
  hidden?: string[];
  /**
   * In a recent bundle: the result id each of its pages had in the whole index, by its id here. A
   * page takes the rank its earlier version has there, scored against every page of the language,
   * not against the few pages beside it.
   */
  earlier?: Record<string, string>;
}

/** What Pagefind writes before the JSON of a fragment file (one page's text), once gunzipped. */
export const FRAGMENT_SIGNATURE = 'pagefind_dcd';

/** Where a rebuild puts the pages changed since a language was last indexed whole (search-recent.ts). */
export const RECENT_FOLDER = 'recent/';

/**
 * The address Pagefind asks for a bundle's entry at, given the build's tag (its `metaCacheTag`):
 * a cache answers it with this build's entry, never another's.
 * @example entryAddress('/b/pagefind/zh/', 'ab12') // '/b/pagefind/zh/pagefind-entry.json?ts=ab12'
 */
export const entryAddress = (bundle: string, tag: string) => `${bundle}${BUNDLE_ENTRY}?ts=${tag}`;

/**
 * A language's WebAssembly file, as the entry names it: `null` is Pagefind's language-neutral core.
 * @example wasmFile(null) // 'wasm.unknown.pagefind'
 */
export const wasmFile = (wasm: string | null) => `wasm.${wasm ?? 'unknown'}.pagefind`;

/**
 * The files Pagefind loads to set one language of a bundle up, as its entry names them.
 * @example setupFiles('/b/pagefind/zh/', { hash: 'zh_1a', wasm: null }) // ['/b/pagefind/zh/wasm.unknown.pagefind', '/b/pagefind/zh/pagefind.zh_1a.pf_meta']
 */
export const setupFiles = (bundle: string, { hash, wasm }: BundleEntry['languages'][string]) => [
  `${bundle}${wasmFile(wasm)}`,
  `${bundle}pagefind.${hash}.pf_meta`,
];
