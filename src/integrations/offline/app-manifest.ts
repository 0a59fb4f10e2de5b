import fs from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import { t } from '../../i18n/ui';
import { ICON_SIZES, iconFile, manifestFile } from '../../lib/offline/config';
import type { Locale } from '../../lib/locales';
import { themeColors } from '../../lib/offline/theme';

/**
 * Draws the app icons from the site's mark (public/favicon.svg, the same file browsers show in
 * tabs), so the installed reader and the tab look alike and nothing drawn by hand drifts.
 */
export async function writeIcons(root: string, mark: string): Promise<void> {
  // Loaded when a build draws the icons, not with the config every dev server and build reads.
  // Node's own require: Astro has closed Vite's module runner, which would serve an import(), by
  // the time a build ends.
  const sharp = createRequire(import.meta.url)('sharp') as (typeof import('sharp'))['default'];
  const svg = await fs.readFile(mark);
  await fs.mkdir(path.join(root, 'icons'), { recursive: true });
  for (const size of ICON_SIZES) {
    await sharp(svg, { density: Math.ceil((72 * size) / 32) })
      .resize(size, size)
      .png()
      .toFile(path.join(root, iconFile(size)));
  }
}

/**
 * One web app manifest per language, so an installed reader opens in the language it was
 * installed from; both share one `id` and the one scope, the base path, which makes them one app.
 */
export async function writeAppManifests(root: string, base: string, locales: readonly Locale[]): Promise<void> {
  for (const locale of locales) {
    const manifest = {
      id: base,
      lang: locale,
      name: t(locale, 'site.title'),
      short_name: t(locale, 'offline.shortName'),
      description: t(locale, 'site.description'),
      start_url: `${base}${locale}/`,
      scope: base,
      display: 'standalone',
      // A manifest has one colour; pages name both themes' with <meta name="theme-color">.
      theme_color: themeColors.light,
      background_color: themeColors.light,
      icons: ICON_SIZES.map((size) => ({
        src: `${base}${iconFile(size)}`,
        sizes: `${size}x${size}`,
        type: 'image/png',
        purpose: 'any',
      })),
    };
    await fs.writeFile(path.join(root, manifestFile(locale)), JSON.stringify(manifest, null, 2) + '\n');
  }
}
