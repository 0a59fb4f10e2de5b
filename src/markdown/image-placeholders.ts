import type { Link, PhrasingContent } from 'mdast';
import { t, type UiKey } from '../i18n/ui';
import type { Locale } from '../lib/locales';

/** The visible stand-in for an image the page cannot show, in the page's language. */
export function placeholder(locale: Locale, key: UiKey, url: string, alt: string | null | undefined): PhrasingContent {
  const label = t(locale, key, { path: url });
  return {
    type: 'text',
    value: label,
    data: {
      hName: 'span',
      hProperties: { className: ['missing-image'], role: 'img', ariaLabel: alt ? `${alt} — ${label}` : label },
      hChildren: [{ type: 'text', value: label }],
    },
  };
}

/**
 * An image on another host, which the site never loads (no request leaves the reader's machine
 * unless they follow a link): a placeholder that is an ordinary link to the image, named by its
 * alt text and host, for the reader to open if they want it.
 */
export function externalImageLink(
  locale: Locale,
  url: string,
  alt: string | null | undefined,
  insideLink: boolean,
): Link | PhrasingContent {
  let host = url;
  try {
    host = new URL(url, 'https://invalid.example').hostname;
  } catch {
    // Not a URL a browser would load either; the link shows it as written.
  }
  const label = t(locale, 'image.external', { host });
  // GitHub names every pasted image "image": a name that says nothing is left out.
  const named = alt && !/^(image|img|picture|screenshot|图片|截图)$/i.test(alt.trim()) ? alt : '';
  const text = named ? `${named} — ${label}` : label;
  // Inside a link already (a clickable picture), the stand-in is text: links do not nest.
  if (insideLink)
    return {
      type: 'text',
      value: text,
      data: {
        hName: 'span',
        hProperties: { className: ['missing-image', 'missing-image--external'] },
        hChildren: [{ type: 'text', value: text }],
      },
    };
  return {
    type: 'link',
    url,
    children: [{ type: 'text', value: text }],
    data: { hProperties: { className: ['missing-image', 'missing-image--external'] } },
  };
}
