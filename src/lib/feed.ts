import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { toText } from 'hast-util-to-text';
import { SKIP, visit } from 'unist-util-visit';

/** What the feed needs of one log entry; the page route decides the link. */
export interface FeedEntry {
  /** Absolute URL of the entry's page. */
  url: string;
  title: string;
  /** The calendar day of the entry (UTC midnight, as the collection reads it). */
  date: Date;
  /** `HH:MM` or `HH:MM:SS` when the author wrote one. */
  time?: string | undefined;
  tags: readonly string[];
  /** The entry as the site renders it (the Content component's HTML). */
  html: string;
}

/** One `<item>` in the shape `@astrojs/rss` takes. */
export interface FeedItem {
  title: string;
  link: string;
  pubDate: Date;
  description: string;
  content: string;
  categories: string[];
}

/** Attributes holding a URL that a feed reader resolves without knowing the page. */
const URL_ATTRIBUTES = ['href', 'src', 'poster', 'cite'] as const;

/**
 * The moment an entry was written: its day plus its time when it has one. Days are calendar
 * days read as UTC everywhere on the site, so the time is read the same way.
 * @example publishedAt(new Date('2023-05-26'), '14:50') // 2023-05-26T14:50:00.000Z
 */
export function publishedAt(date: Date, time?: string): Date {
  if (!time) return date;
  const [h = 0, m = 0, s = 0] = time.split(':').map(Number);
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), h, m, s));
}

function isChrome(node: Element): boolean {
  const classes = node.properties['className'];
  const list = Array.isArray(classes) ? classes.map(String) : [];
  // Copy buttons, "#" section links and KaTeX's visual layer (readers get its MathML twin) need the site's CSS and JS.
  return (
    node.tagName === 'button' ||
    node.tagName === 'script' ||
    list.includes('heading-anchor') ||
    list.includes('code-block__bar') ||
    list.includes('katex-html')
  );
}

function absolutize(value: string, pageUrl: string): string {
  try {
    return new URL(value, pageUrl).href;
  } catch {
    return value;
  }
}

/**
 * Makes an entry's HTML stand on its own in a feed reader: every link, image and `srcset` becomes
 * an absolute URL (a `#section` link points into the entry's page), and page chrome that only
 * works with the site's CSS and scripts is dropped. Search markers (`data-pagefind-*`) go too.
 */
export function feedHtml(html: string, pageUrl: string): string {
  const tree = fromHtml(html, { fragment: true }) as Root;
  visit(tree, 'element', (node: Element, index, parent) => {
    if (isChrome(node) && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    for (const name of URL_ATTRIBUTES) {
      const value = node.properties[name];
      // An empty href means the page itself, which in a feed reader is the entry's page.
      if (typeof value === 'string') node.properties[name] = absolutize(value, pageUrl);
    }
    const srcset = node.properties['srcSet'];
    if (typeof srcset === 'string' || Array.isArray(srcset)) {
      const candidates = (Array.isArray(srcset) ? srcset.map(String) : srcset.split(','))
        .map((c) => c.trim())
        .filter(Boolean);
      node.properties['srcSet'] = candidates
        .map((c) => {
          const [url = '', ...descriptor] = c.split(/\s+/);
          return [absolutize(url, pageUrl), ...descriptor].join(' ');
        })
        .join(', ');
    }
    for (const key of Object.keys(node.properties)) if (key.startsWith('dataPagefind')) delete node.properties[key];
    return undefined;
  });
  return toHtml(tree);
}

/**
 * A plain-text summary of an entry for the item's `<description>`: its text without code blocks,
 * whitespace collapsed, cut at `max` characters on a word (or, in Chinese, character) boundary.
 * @example summarize('<p>Set up the <em>environment</em>.</p>') // 'Set up the environment.'
 */
export function summarize(html: string, max = 200): string {
  const tree = fromHtml(html, { fragment: true }) as Root;
  visit(tree, 'element', (node: Element, index, parent) => {
    if ((node.tagName === 'pre' || node.tagName === 'figure' || isChrome(node)) && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    return undefined;
  });
  const text = toText(tree).replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:，。；：、]+$/u, '')}…`;
}

/** The feed's items, newest first, each with the entry's full HTML in `content:encoded`. */
export function feedItems(entries: readonly FeedEntry[]): FeedItem[] {
  return entries
    .map((entry) => ({
      title: entry.title,
      link: entry.url,
      pubDate: publishedAt(entry.date, entry.time),
      description: summarize(entry.html),
      content: feedHtml(entry.html, entry.url),
      categories: [...entry.tags],
    }))
    .sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime());
}
