import { hasCjk } from './cjk';

/** Which language bundles a query searches, and which instead when those lack its words. */
export interface LanguagePlan {
  now: string[];
  ifNothing: string[];
}

const LATIN = /[A-Za-z]/;

/**
 * Search follows the reader's language, not only the page's: a query in Chinese characters on
 * an English page searches the Chinese notes too, and Latin words that the Chinese notes do not
 * have (as written) are looked up in the English notes instead. `languages` lists the page's language first.
 * @example languagePlan(['en', 'zh'], '交叉熵', false) // { now: ['en', 'zh'], ifNothing: [] }
 */
export function languagePlan(languages: readonly string[], query: string, both: boolean): LanguagePlan {
  const [page, ...others] = languages;
  if (page === undefined) return { now: [], ifNothing: [] };
  if (both) return { now: [...languages], ifNothing: [] };
  if (page !== 'zh' && hasCjk(query)) return { now: [page, ...others.filter((l) => l === 'zh')], ifNothing: [] };
  if (page === 'zh' && !hasCjk(query) && LATIN.test(query))
    return { now: [page], ifNothing: others.filter((l) => l !== 'zh') };
  return { now: [page], ifNothing: [] };
}
