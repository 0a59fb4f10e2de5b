import type { Nodes, Root } from 'mdast';
import { tokenize, VOID_ELEMENTS, type HtmlToken } from './tags';
import { endOf, isFlowParent, startOf, walk } from '../markdown/parse';
import { containerPrefix, layout, type Piece } from './layout';
import { judgeClose, judgeOpen, removesContent } from './sanitize';
import type { Edit } from '../text-edits';

export interface HtmlHooks {
  /** Markdown for an `<img>` (so it goes through the image pipeline and the base path). */
  image(img: { src: string; alt: string; title: string }, offset: number): string;
  removed(what: string, offset: number): void;
  repaired(what: string, offset: number): void;
}

/** CommonMark's HTML-block tag names (spec §4.6, type 6): on a line of their own they start a block. */
const BLOCK_TAGS = new Set(
  'address article aside blockquote caption center col colgroup dd details dialog dir div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr legend li main menu nav ol p section summary table tbody td tfoot th thead tr ul'.split(
    ' ',
  ),
);
const TABLE_PARTS = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'colgroup']);

interface Open {
  name: string;
}

/**
 * Sanitises every piece of raw HTML in a note and returns the edits. Block HTML keeps a stack for
 * the whole note (a `<details>` may wrap Markdown that follows it); inline HTML is balanced within
 * its paragraph, because an unclosed `<b>` would otherwise bleed into every following paragraph.
 */
export function sanitizeHtml(text: string, tree: Root, hooks: HtmlHooks): Edit[] {
  const edits: Edit[] = [];
  const flow: Open[] = [];
  let region: { node: Nodes; stack: Open[]; drop?: { name: string; start: number } } | undefined;

  const closeRegion = () => {
    if (!region) return;
    const at = endOf(region.node);
    if (region.drop) {
      hooks.removed(`<${region.drop.name}> (not closed)`, region.drop.start);
      edits.push({ start: region.drop.start, end: at, text: '' });
    }
    const closing = region.stack.reverse().map((o) => `</${o.name}>`);
    for (const o of region.stack) hooks.repaired(`closed <${o.name}>`, at);
    if (closing.length) edits.push({ start: at, end: at, text: closing.join('') });
    region = undefined;
  };

  walk(tree, (node, ancestors) => {
    if (node.type !== 'html') return;
    if (isFlowParent(ancestors.at(-1))) {
      closeRegion();
      const replacement = processBlock(text, node, flow, hooks);
      if (replacement !== undefined) edits.push({ start: startOf(node), end: endOf(node), text: replacement });
      return;
    }
    const container =
      ancestors.findLast((a) => a.type === 'paragraph' || a.type === 'heading' || a.type === 'tableCell') ??
      ancestors.at(-1);
    if (!container) return;
    if (region?.node !== container) {
      closeRegion();
      region = { node: container, stack: [] };
    }
    processInline(text, node, region, flow, hooks, edits);
  });
  closeRegion();
  if (flow.length) {
    const closing = flow.reverse().map((o) => `</${o.name}>`);
    for (const o of flow) hooks.repaired(`closed <${o.name}>`, text.length);
    edits.push({ start: text.length, end: text.length, text: `\n${closing.join('')}\n` });
  }
  return edits;
}

function escaped(raw: string): string {
  return `&lt;${raw.slice(1)}`;
}

/** Closes `stack` down to and including `name`; returns the closing tags for what was left open inside. */
function popTo(stack: Open[], name: string, hooks: HtmlHooks, at: number): string {
  let closing = '';
  while (stack.length) {
    const top = stack.pop();
    if (!top || top.name === name) break;
    hooks.repaired(`closed <${top.name}>`, at);
    closing += `</${top.name}>`;
  }
  return closing;
}

function processBlock(text: string, node: Nodes, flow: Open[], hooks: HtmlHooks): string | undefined {
  const start = startOf(node);
  const slice = text.slice(start, endOf(node));
  const pieces: Piece[] = [];
  let drop: string | undefined;
  let images = false;
  for (const token of tokenize(slice)) {
    const raw = slice.slice(token.start, token.end);
    const at = start + token.start;
    if (drop) {
      if (token.type === 'close' && token.name === drop) drop = undefined;
      continue;
    }
    const piece = judgeToken(token, raw, at, flow, true, hooks);
    if (piece.drop) drop = piece.drop;
    if (piece.image) images = true;
    pieces.push(piece);
  }
  if (drop) hooks.removed(`<${drop}> (not closed)`, start);
  const out = images ? layout(pieces, containerPrefix(text, start)) : pieces.map((p) => p.text).join('');
  return out === slice ? undefined : out;
}

function processInline(
  text: string,
  node: Nodes,
  region: { node: Nodes; stack: Open[]; drop?: { name: string; start: number } },
  flow: Open[],
  hooks: HtmlHooks,
  edits: Edit[],
): void {
  const start = startOf(node);
  const slice = text.slice(start, endOf(node));
  for (const token of tokenize(slice)) {
    const raw = slice.slice(token.start, token.end);
    const at = start + token.start;
    if (region.drop) {
      if (token.type === 'close' && token.name === region.drop.name) {
        edits.push({ start: region.drop.start, end: at + raw.length, text: '' });
        delete region.drop;
      }
      continue;
    }
    const piece = judgeToken(token, raw, at, region.stack, false, hooks, flow);
    if (piece.drop) {
      region.drop = { name: piece.drop, start: at };
      continue;
    }
    if (piece.text !== raw) edits.push({ start: at, end: at + raw.length, text: piece.text });
  }
}

function judgeToken(
  token: HtmlToken,
  raw: string,
  at: number,
  stack: Open[],
  block: boolean,
  hooks: HtmlHooks,
  outer?: Open[],
): Piece & { drop?: string; image?: boolean } {
  switch (token.type) {
    case 'comment':
      // Comments stay (the author's hidden notes), unless they hide markup we would remove anyway.
      if (/<\s*(script|iframe|style|object|embed)\b/i.test(raw)) {
        hooks.removed('comment containing active HTML', at);
        return { text: '', block: false };
      }
      return { text: raw, block: false };
    case 'text':
    case 'other':
      return { text: raw, block: false };
    case 'unclosed-comment':
      hooks.repaired('unclosed <!-- shown as text', at);
      return { text: escaped(raw), block: false };
    case 'open': {
      const verdict = judgeOpen(token.name, token.attrs, raw);
      if (verdict.kind === 'image') return { text: hooks.image(verdict, at), block: false, image: true };
      if (verdict.kind === 'escape') return { text: escaped(raw), block: false };
      if (verdict.kind === 'remove') {
        hooks.removed(`<${token.name}>`, at);
        return verdict.withContent && !token.selfClosing && removesContent(token.name)
          ? { text: '', block: false, drop: token.name }
          : { text: '', block: false };
      }
      for (const what of verdict.removed) hooks.removed(what, at);
      const isBlock = block && BLOCK_TAGS.has(token.name);
      const top = stack.at(-1)?.name;
      if (token.name === 'table' && top && TABLE_PARTS.has(top) && top !== 'td' && top !== 'th') {
        // `</tr><table>`: a table cannot open directly inside a table, so this was meant to close it.
        hooks.repaired('<table> read as </table>', at);
        return { text: `${popTo(stack, 'table', hooks, at)}</table>`, block: isBlock };
      }
      if (VOID_ELEMENTS.has(token.name)) return { text: verdict.text, block: isBlock };
      if (token.selfClosing) return { text: `${verdict.text.replace(/\s*\/>$/, '>')}</${token.name}>`, block: isBlock };
      stack.push({ name: token.name });
      return { text: verdict.text, block: isBlock };
    }
    case 'close': {
      const verdict = judgeClose(token.name);
      if (verdict === 'remove') return { text: '', block: false };
      if (verdict === 'escape') return { text: escaped(raw), block: false };
      const isBlock = block && BLOCK_TAGS.has(token.name);
      if (VOID_ELEMENTS.has(token.name)) return { text: '', block: false };
      if (stack.some((o) => o.name === token.name))
        return { text: popTo(stack, token.name, hooks, at) + raw, block: isBlock };
      if (outer?.some((o) => o.name === token.name))
        return { text: popTo(outer, token.name, hooks, at) + raw, block: isBlock };
      hooks.repaired(`dropped stray </${token.name}>`, at);
      return { text: '', block: false };
    }
  }
}
