import type { Heading, Nodes, Root } from 'mdast';
import { endOf, startOf, walk } from '../lib/markdown/parse';
import type { Edit } from '../lib/text-edits';

/** Visible text of a heading without its video timestamp links (`[4:31](…)`) and brackets. */
export function headingText(heading: Heading): string {
  const parts: string[] = [];
  const collect = (node: Nodes) => {
    if (node.type === 'link' && /^\[?\d{1,2}(:\d{2}){1,2}\]?$/.test(plain(node))) return;
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'inlineMath') parts.push(node.value);
    else if ('children' in node) node.children.forEach(collect);
  };
  heading.children.forEach(collect);
  return parts
    .join('')
    .replace(/\s*(\[\s*\]|\\?\[\s*\\?\])\s*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function plain(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  return 'children' in node ? node.children.map(plain).join('') : '';
}

/** The note's own title heading: the first block of the note when it is a heading. */
export function leadingHeading(tree: Root): Heading | undefined {
  const first = tree.children.find((n) => n.type !== 'html' || !/^\s*<!--/.test(n.value));
  return first?.type === 'heading' ? first : undefined;
}

/**
 * Levels that make the outline start at h2 and never skip: each heading's depth in the heading
 * tree, plus one. `###` straight under the title becomes `##`; an h1 inside the body becomes `##`
 * and what sits under it moves down with it. Returns the edits; `drop` is removed entirely.
 */
export function outlineEdits(text: string, tree: Root, drop?: Heading): Edit[] {
  const edits: Edit[] = [];
  if (drop) edits.push({ start: startOf(drop), end: lineEnd(text, endOf(drop)), text: '' });
  const stack: number[] = [];
  const headings: Heading[] = [];
  walk(tree, (node) => {
    if (node.type === 'heading' && node !== drop) headings.push(node);
  });
  for (const h of headings) {
    while (stack.length && (stack.at(-1) ?? 0) >= h.depth) stack.pop();
    stack.push(h.depth);
    const level = Math.min(stack.length + 1, 6);
    if (level !== h.depth) edits.push(relevel(text, h, level));
  }
  return edits;
}

function lineEnd(text: string, offset: number): number {
  return text[offset] === '\n' ? offset + 1 : offset;
}

function relevel(text: string, h: Heading, level: number): Edit {
  const start = startOf(h);
  const src = text.slice(start, endOf(h));
  const atx = /^(#{1,6})(?=\s|$)/.exec(src);
  if (atx?.[1]) return { start, end: start + atx[1].length, text: '#'.repeat(level) };
  // Setext (`Title` over `===`): rewritten as ATX, since only ATX has a level for every depth.
  const lines = src.split('\n');
  const content = lines
    .slice(0, -1)
    .map((l) => l.trim())
    .join(' ');
  return { start, end: endOf(h), text: `${'#'.repeat(level)} ${content}` };
}
