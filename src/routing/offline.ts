import { t } from '../i18n/ui';
import { locales } from '../lib/locales';
import { offlineEnabled } from '../lib/offline/config';
import { sectionPage } from './data';

/**
 * `/<lang>/offline/`: what the offline reader shows for a page that is neither online nor kept on
 * the device. A build without the reader (`OFFLINE=0`) has none.
 */
export function offlinePaths() {
  if (!offlineEnabled()) return [];
  return locales.map((locale) => ({
    params: { lang: locale },
    props: sectionPage(locale, 'offline', {
      title: t(locale, 'offline.title'),
      description: t(locale, 'offline.description'),
    }),
  }));
}
