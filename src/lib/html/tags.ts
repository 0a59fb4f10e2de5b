import { decodeHTMLAttribute } from 'entities';

/**
 * Splits raw HTML from a Markdown file into tags and text, using CommonMark's own definition of a
 * tag (spec §6.6). Anything CommonMark would not treat as HTML stays text, so `a <b` in prose or
 * `dtype='<U17'` never becomes a tag here either.
 */

export interface Attr {
  name: string;
  /** Raw value as written (entities not decoded); undefined for a bare attribute. */
  raw: string | undefined;
}

export type HtmlToken =
  | { type: 'text'; start: number; end: number }
  | { type: 'open'; name: string; attrs: Attr[]; selfClosing: boolean; start: number; end: number }
  | { type: 'close'; name: string; start: number; end: number }
  | { type: 'comment'; start: number; end: number }
  /** `<!--` that never ends: in a browser it would hide the rest of the page. */
  | { type: 'unclosed-comment'; start: number; end: number }
  /** Declarations, processing instructions, CDATA: inert in HTML. */
  | { type: 'other'; start: number; end: number };

const NAME = '[A-Za-z][A-Za-z0-9-]*';
const ATTR = `\\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\\s*=\\s*(?:[^\\s"'=<>\`]+|'[^']*'|"[^"]*"))?`;
const OPEN = new RegExp(`<(${NAME})((?:${ATTR})*)\\s*(/?)>`, 'y');
const CLOSE = new RegExp(`</(${NAME})\\s*>`, 'y');
const COMMENT = /<!-->|<!--->|<!--[\s\S]*?-->/y;
const OTHER = /<\?[\s\S]*?\?>|<![A-Za-z][^>]*>|<!\[CDATA\[[\s\S]*?\]\]>/y;
const ONE_ATTR = /([A-Za-z_:][A-Za-z0-9_.:-]*)(?:\s*=\s*([^\s"'=<>`]+|'[^']*'|"[^"]*"))?/g;

export function tokenize(html: string): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  let textStart = 0;
  let i = html.indexOf('<');
  const pushText = (end: number) => {
    if (end > textStart) tokens.push({ type: 'text', start: textStart, end });
  };
  while (i !== -1) {
    const token = tagAt(html, i);
    if (token) {
      pushText(i);
      tokens.push(token);
      textStart = token.end;
      i = html.indexOf('<', token.end);
    } else i = html.indexOf('<', i + 1);
  }
  pushText(html.length);
  return tokens;
}

function tagAt(html: string, at: number): HtmlToken | undefined {
  const match = (re: RegExp) => {
    re.lastIndex = at;
    return re.exec(html);
  };
  const open = match(OPEN);
  if (open) {
    const attrs = [...(open[2] ?? '').matchAll(ONE_ATTR)].map((m) => ({ name: m[1] ?? '', raw: m[2] }));
    return {
      type: 'open',
      name: (open[1] ?? '').toLowerCase(),
      attrs,
      selfClosing: open[3] === '/',
      start: at,
      end: at + open[0].length,
    };
  }
  const close = match(CLOSE);
  if (close) return { type: 'close', name: (close[1] ?? '').toLowerCase(), start: at, end: at + close[0].length };
  const comment = match(COMMENT);
  if (comment) return { type: 'comment', start: at, end: at + comment[0].length };
  if (html.startsWith('<!--', at)) return { type: 'unclosed-comment', start: at, end: at + 4 };
  const other = match(OTHER);
  if (other) return { type: 'other', start: at, end: at + other[0].length };
  return undefined;
}

/** An attribute's value as the browser will see it: quotes removed and entities decoded. */
export function attrValue(attr: Attr): string {
  if (attr.raw === undefined) return '';
  const unquoted = /^(["'])([\s\S]*)\1$/.exec(attr.raw)?.[2] ?? attr.raw;
  return decodeHTMLAttribute(unquoted);
}

export function getAttr(attrs: readonly Attr[], name: string): string | undefined {
  const found = attrs.find((a) => a.name.toLowerCase() === name);
  return found ? attrValue(found) : undefined;
}

export const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
