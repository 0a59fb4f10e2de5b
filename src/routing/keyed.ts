import { siteShape } from '../data/entries';
import { withCacheKeys, type Path } from './cache-key';

/** A page's `getStaticPaths`, keyed for incremental builds: `export const getStaticPaths = keyed(lessonPaths)`. */
export function keyed<P extends Path>(paths: () => P[] | Promise<P[]>) {
  return withCacheKeys(paths, siteShape);
}
