/**
 * Whether this build ships the offline reader. `OFFLINE=0` (or `false`, `off`, `no`) turns it off:
 * the build then ships a worker at the same address that removes itself and its caches, so
 * readers of an earlier build are never left on an old cached site.
 */
export function offlineEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return !/^(0|false|off|no)$/i.test(env['OFFLINE']?.trim() ?? '');
}

/** The service worker's file, at the root of the base path so that its scope is the whole site. */
export const WORKER_FILE = 'sw.js';
/** Each language's web app manifest, beside it. */
export const manifestFile = (locale: string) => `manifest.${locale}.webmanifest`;
/** The app icons drawn from the site's mark at build time. */
export const ICON_SIZES = [192, 512] as const;
export const iconFile = (size: number) => `icons/icon-${size}.png`;

/**
 * The attribute that carries the build's name on every page (the search dialog's, Pagefind's
 * `metaCacheTag`). Pages are rendered with a placeholder of the name's length and get the name
 * once the build is done (integrations/offline/page-stamp.ts), so a page's HTML does not depend on
 * every other note: an incremental build reuses the pages whose own data did not change.
 */
export const BUILD_NAME_ATTRIBUTE = 'data-meta-cache-tag';
/** How long a build's name is: the placeholder is as long, so stamping rewrites 12 bytes of a page, not the page. */
export const BUILD_NAME_LENGTH = 12;
/** A page's build name before the build is done, and in the dev server. */
export const UNSTAMPED = '0'.repeat(BUILD_NAME_LENGTH);
