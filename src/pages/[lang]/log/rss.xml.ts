import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { allLogEntries } from '../../../data/entries';
import { t } from '../../../i18n/ui';
import { feedItems } from '../../../lib/feed';
import { feedUrl, pageUrl } from '../../../lib/hrefs';
import { localeInfo, type Locale } from '../../../lib/locales';
import { localePaths } from '../../../routing/paths';
import { renderNote } from '../../../data/rendered';

export const getStaticPaths = localePaths;

/**
 * The study log of one language as RSS 2.0. Each item carries the entry's full HTML, rendered by
 * Astro's container API from the same Content component the entry's page shows (so images get the
 * URLs Astro's image pipeline gave them), then made absolute for feed readers.
 */
export async function GET({ props, site }: APIContext<{ locale: Locale }>) {
  const { locale } = props;
  if (!site) throw new Error('The RSS feed needs absolute links: set SITE_URL (or `site` in astro.config.ts).');
  const absolute = (href: string) => new URL(href, site).href;
  const container = await AstroContainer.create();
  const mine = (await allLogEntries()).filter((e) => e.locale === locale);
  const entries = await Promise.all(
    mine.map(async (e) => ({
      url: absolute(pageUrl(locale, 'log', e.slug)),
      title: e.title,
      date: e.date,
      time: e.entry.data.time,
      tags: e.entry.data.tags,
      html: await container.renderToString((await renderNote(e.entry)).Content),
    })),
  );
  return rss({
    title: `${t(locale, 'log.title')} · ${t(locale, 'site.title')}`,
    description: t(locale, 'log.intro'),
    site: absolute(pageUrl(locale, 'log')),
    items: feedItems(entries),
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>${localeInfo[locale].htmlLang}</language><atom:link href="${absolute(feedUrl(locale))}" rel="self" type="application/rss+xml"/>`,
    trailingSlash: true,
  });
}
