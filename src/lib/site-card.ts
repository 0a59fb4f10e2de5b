import { t } from '../i18n/ui';
import { courseParts } from './course';
import type { Locale } from './locales';

/** Open Graph's recommended card size; chat apps and social sites crop anything else. */
export const siteCard = { width: 1200, height: 630, path: '/site-card.png' } as const;

const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The site's link-preview card as SVG: the title in both languages, the two course parts and the
 * study log. Text only uses fonts the build machine has (Noto Sans CJK on CI, see .ci/run), so the
 * card is drawn without any network.
 */
export function siteCardSvg(): string {
  const { width, height } = siteCard;
  const font = `'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'DejaVu Sans', sans-serif`;
  const partLine = (l: Locale) =>
    [
      ...courseParts.map(({ part, first, last }) => t(l, 'share.cardPart', { part, first, last })),
      t(l, 'nav.log'),
    ].join(' · ');
  const text = (x: number, y: number, size: number, weight: number, fill: string, value: string) =>
    `<text x="${x}" y="${y}" font-family="${font}" font-size="${size}" font-weight="${weight}" fill="${fill}">${escapeXml(value)}</text>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="#0f1419"/>`,
    `<rect x="0" y="0" width="24" height="${height}" fill="#0b5cad"/>`,
    `<rect x="96" y="96" width="112" height="112" rx="24" fill="#0b5cad"/>`,
    `<text x="152" y="174" font-family="${font}" font-size="54" font-weight="700" text-anchor="middle" fill="#ffffff">fa</text>`,
    text(96, 330, 76, 700, '#e6edf3', t('zh', 'site.title')),
    text(96, 420, 60, 700, '#6cb6ff', t('en', 'site.title')),
    text(96, 510, 30, 400, '#a2adb8', partLine('zh')),
    text(96, 560, 30, 400, '#a2adb8', partLine('en')),
    `</svg>`,
  ].join('');
}
