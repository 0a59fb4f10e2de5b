import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { h } from 'hastscript';
import { SKIP, visit } from 'unist-util-visit';
import { t } from '../i18n/ui';
import { sanitizeTree } from '../lib/html/sanitize';
import { parseDataUrl, placeImage } from './assets';
import type { RenderContext } from './render-context';
import { EXTERNAL_URL } from '../lib/urls';

// Reported when removed; a pandas table's <style> is dropped silently, it is expected.
const ACTIVE = new Set(['script', 'iframe', 'object', 'embed', 'base', 'form']);

/**
 * A `text/html` output made safe for the page: embedded images become files of the build, images
 * from other hosts become links (nothing is loaded from elsewhere), then the importer's GitHub
 * allow-list removes scripts, styles, handlers and unknown tags. Returns [] when nothing visible
 * is left, so the caller can show the next MIME type instead.
 */
export function htmlOutput(html: string, ctx: RenderContext, where: string): ElementContent[] {
  const tree = fromHtml(html, { fragment: true });
  const active = new Set<string>();
  visit(tree, 'element', (node: Element, index, parent) => {
    if (ACTIVE.has(node.tagName)) active.add(`<${node.tagName}>`);
    for (const key of Object.keys(node.properties)) if (/^on/i.test(key)) active.add(`${key.toLowerCase()} handler`);
    if (node.tagName !== 'img' || !parent || index === undefined) return;
    parent.children[index] = localImage(node, ctx, where);
    return SKIP;
  });
  // Scripts and style sheets in outputs are routine (pandas styling, progress bars); say so once per output.
  if (active.size) ctx.report(where, `removed ${[...active].sort().join(', ')} from an HTML output`);
  const clean = sanitizeTree(tree);
  return finish(clean);
}

/**
 * HTML the build made itself (the Markdown pipeline, KaTeX): no sanitising, only the changes every
 * output needs to sit inside the page.
 */
export function builtFragment(html: string): ElementContent[] {
  return finish(fromHtml(html, { fragment: true }));
}

/**
 * Outputs sit inside the page: their ids would collide with the page's and each other's, and their
 * headings would enter the page outline, so ids go and headings become bold paragraphs. Links to
 * other hosts get the site's rel, and tables scroll sideways on narrow screens.
 */
function finish(tree: Root): ElementContent[] {
  visit(tree, 'element', (node: Element, index, parent) => {
    delete node.properties['id'];
    delete node.properties['name'];
    // pandas writes border="1"; the site's table style draws the rules.
    if (node.tagName === 'table') delete node.properties['border'];
    if (
      node.tagName === 'a' &&
      typeof node.properties['href'] === 'string' &&
      EXTERNAL_URL.test(node.properties['href'])
    ) {
      node.properties['rel'] = ['noopener', 'noreferrer'];
    }
    if (/^h[1-6]$/.test(node.tagName)) {
      node.tagName = 'p';
      node.children = [h('strong', node.children)];
    }
    if (
      node.tagName === 'table' &&
      parent &&
      index !== undefined &&
      !(parent.type === 'element' && parent.properties['className']?.toString() === 'nb-table')
    ) {
      parent.children[index] = h('div', { className: ['nb-table'] }, [node]);
      return SKIP;
    }
    return undefined;
  });
  const visible = toText(tree).trim() !== '' || hasElement(tree, 'img');
  return visible ? (tree.children as ElementContent[]) : [];
}

function hasElement(tree: Root, name: string): boolean {
  let found = false;
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === name) found = true;
  });
  return found;
}

function localImage(node: Element, ctx: RenderContext, where: string): ElementContent {
  const src = String(node.properties['src'] ?? '').trim();
  const alt = String(node.properties['alt'] ?? '');
  const data = parseDataUrl(src);
  if (data) {
    const placed = placeImage(data.mime, data.base64, ctx.assets);
    if (placed) {
      const width = node.properties['width'] ?? placed.width;
      const height = node.properties['height'] ?? (node.properties['width'] ? undefined : placed.height);
      return h('img', {
        src: ctx.assetUrl(placed.file),
        alt,
        ...(width ? { width } : {}),
        ...(height ? { height } : {}),
        loading: 'lazy',
        decoding: 'async',
      });
    }
  }
  if (EXTERNAL_URL.test(src) && /^(https?:)?\/\//i.test(src))
    return h('a', { href: src.startsWith('//') ? `https:${src}` : src }, alt || src);
  ctx.report(
    where,
    `an HTML output shows an image the notebook does not contain (${src.slice(0, 80) || 'no src'}); a placeholder is shown`,
  );
  const label = t(ctx.locale, 'image.missing', { path: src.slice(0, 80) });
  return h('span', { className: ['missing-image'], role: 'img', ariaLabel: alt ? `${alt} — ${label}` : label }, label);
}
