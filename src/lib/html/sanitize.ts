import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { h } from 'hastscript';
import { attrValue, getAttr, VOID_ELEMENTS, type Attr } from './tags';

/**
 * What may stay of the author's HTML. The allow-list is GitHub's (hast-util-sanitize's default
 * schema): the notes were written to be read on GitHub, so what GitHub showed is what the author
 * meant. A few harmless formatting tags Typora emits are added.
 */
const EXTRA_TAGS = [
  'u',
  'mark',
  'center',
  'small',
  'big',
  'font',
  'abbr',
  'cite',
  'dfn',
  'caption',
  'colgroup',
  'col',
  'figure',
  'figcaption',
  'time',
  'wbr',
  'nobr',
];

const schema: Schema = {
  ...defaultSchema,
  // Tags are judged one at a time here; nesting is repaired separately by the balancer.
  ancestors: {},
  // GitHub prefixes ids with `user-content-` and fixes links with script; the site has no such
  // script, so in-page links (`[x](#id)` to `<a id="id">`) only keep working with ids as written.
  clobber: [],
  tagNames: [...(defaultSchema.tagNames ?? []), ...EXTRA_TAGS],
  attributes: { ...defaultSchema.attributes, font: ['color', 'size', 'face'] },
};

const ALLOWED = new Set(schema.tagNames);

/** Active or page-breaking content: removed with everything inside it. */
const REMOVE_WITH_CONTENT = new Set([
  'script',
  'style',
  'iframe',
  'noscript',
  'template',
  'textarea',
  'xmp',
  'noembed',
  'noframes',
  'object',
  'applet',
  'svg',
  'math',
  'title',
  'select',
]);
/** Removed, but what they wrap stays (it is the author's text). */
const REMOVE_TAG = new Set([
  'embed',
  'base',
  'link',
  'meta',
  'frame',
  'frameset',
  'form',
  'button',
  'param',
  'portal',
  'html',
  'head',
  'body',
  'input',
]);

const URL_ATTRS = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'data',
  'cite',
  'background',
  'poster',
  'longdesc',
  'srcset',
]);

/**
 * Sanitises a parsed HTML fragment with the same allow-list, for HTML that arrives whole rather
 * than inside Markdown (a notebook's `text/html` outputs). Active and page-breaking elements go
 * with their content, as in `judgeOpen`; everything else outside the list is unwrapped.
 */
export function sanitizeTree(tree: Root): Root {
  const clean = sanitize(tree, { ...schema, strip: [...REMOVE_WITH_CONTENT] });
  return clean.type === 'root' ? clean : { type: 'root', children: [] };
}

export type Verdict =
  /** Keep; `text` is the tag as written, or rebuilt when attributes had to go. */
  | { kind: 'keep'; text: string; removed: string[] }
  | { kind: 'remove'; withContent: boolean }
  /** Not HTML the page should interpret (`<module>`, `<MeanBackward1>`): show it as text. */
  | { kind: 'escape' }
  | { kind: 'image'; src: string; alt: string; title: string };

export function removesContent(name: string): boolean {
  return REMOVE_WITH_CONTENT.has(name);
}

export function isAllowed(name: string): boolean {
  return ALLOWED.has(name);
}

export function judgeOpen(name: string, attrs: readonly Attr[], raw: string): Verdict {
  if (name === 'img') {
    const get = (n: string) => getAttr(attrs, n) ?? '';
    return { kind: 'image', src: get('src').trim(), alt: get('alt'), title: get('title') };
  }
  if (
    name === 'input' &&
    attrs.some((a) => a.name.toLowerCase() === 'type' && attrValue(a).toLowerCase() === 'checkbox')
  ) {
    return keep(name, attrs, raw);
  }
  if (REMOVE_WITH_CONTENT.has(name)) return { kind: 'remove', withContent: true };
  if (REMOVE_TAG.has(name)) return { kind: 'remove', withContent: false };
  if (!ALLOWED.has(name)) return { kind: 'escape' };
  return keep(name, attrs, raw);
}

export function judgeClose(name: string): 'keep' | 'remove' | 'escape' {
  if (REMOVE_WITH_CONTENT.has(name) || REMOVE_TAG.has(name)) return 'remove';
  return ALLOWED.has(name) ? 'keep' : 'escape';
}

/** Reasons worth reporting: event handlers and script URLs. Other dropped attributes (style, class) are routine. */
export function dangerousAttributes(name: string, attrs: readonly Attr[]): string[] {
  const found: string[] = [];
  for (const a of attrs) {
    const attr = a.name.toLowerCase();
    if (attr.startsWith('on')) found.push(`${attr} handler on <${name}>`);
    else if (
      URL_ATTRS.has(attr) &&
      /^(javascript|vbscript|data):/i.test(attrValue(a).replace(/[\s\u0000-\u001f]/g, ''))
    ) {
      found.push(`${attrValue(a).split(':')[0]?.toLowerCase()}: URL in ${attr} of <${name}>`);
    }
  }
  return found;
}

function element(name: string, attrs: readonly Attr[]): Element {
  const props: Record<string, string> = {};
  for (const a of attrs) props[a.name.toLowerCase()] = attrValue(a);
  return h(name, props);
}

/**
 * A link that leaves the site gets rel="noopener noreferrer", as the site's own Markdown links do
 * (raw HTML is not part of the page's syntax tree, so the site cannot add it later).
 */
function outboundLink(name: string, attrs: readonly Attr[]): { outbound: boolean; hasRel: boolean } {
  const value = (n: string) => getAttr(attrs, n) ?? '';
  const rel = value('rel').toLowerCase().split(/\s+/);
  return {
    outbound: name === 'a' && /^(https?:)?\/\//i.test(value('href').trim()),
    hasRel: rel.includes('noopener') && rel.includes('noreferrer'),
  };
}

function keep(name: string, attrs: readonly Attr[], raw: string): Verdict {
  const removed = dangerousAttributes(name, attrs);
  const survives = (a: Attr) => {
    const clean = sanitize(element(name, [a]), schema);
    return clean.type === 'element' && Object.keys(clean.properties).length > 0;
  };
  const { outbound, hasRel } = outboundLink(name, attrs);
  if (attrs.every(survives) && (!outbound || hasRel)) return { kind: 'keep', text: raw, removed };
  const clean = sanitize(element(name, attrs), schema);
  if (outbound && clean.type === 'element') clean.properties['rel'] = ['noopener', 'noreferrer'];
  const html = clean.type === 'element' ? toHtml(clean) : `<${name}>`;
  const start = VOID_ELEMENTS.has(name) ? html : html.slice(0, html.length - `</${name}>`.length);
  return { kind: 'keep', text: start, removed };
}
