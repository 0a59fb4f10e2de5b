import type { Element, ElementContent } from 'hast';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';

/** A heading of the notebook page, for the table of contents (the shape Astro gives for Markdown). */
export interface NotebookHeading {
  depth: number;
  slug: string;
  text: string;
}

const HEADING = /^h([1-6])$/;

/**
 * Fits the Markdown cells' headings into one page outline. Each cell was rendered on its own, so
 * ids may repeat across cells (two "Results" sections): later ones get `-1`, `-2`, as a single
 * Markdown file would. Notebooks use `#` freely, but the page already has its h1: a first heading
 * that repeats the title is dropped, the top level becomes h2, and no heading goes more than one
 * level deeper than the one before it, so the outline has no holes.
 */
export function outline(cells: readonly Element[], title: string): NotebookHeading[] {
  const found: { node: Element; parent: Element; depth: number }[] = [];
  for (const cell of cells) {
    if (!cell.properties['className']?.toString().includes('nb-cell--markdown')) continue;
    visit(cell, 'element', (node: Element, _i, parent) => {
      const level = HEADING.exec(node.tagName)?.[1];
      if (level && parent?.type === 'element') found.push({ node, parent, depth: Number(level) });
    });
  }
  const first = found[0];
  if (first && first.depth === 1 && headingText(first.node) === title.trim()) {
    first.parent.children = first.parent.children.filter((c) => c !== first.node);
    found.shift();
  }
  // Anchors were added per cell before the levels were known; the caller adds them again.
  for (const f of found) f.node.children = f.node.children.filter((c) => !isAnchor(c));
  const top = Math.min(...found.map((f) => f.depth));
  const used = new Map<string, number>();
  const headings: NotebookHeading[] = [];
  let previous = 1;
  for (const f of found) {
    const depth = Math.min(6, f.depth - top + 2, previous + 1);
    previous = depth;
    f.node.tagName = `h${depth}`;
    const id = f.node.properties['id'];
    if (typeof id !== 'string') continue;
    const seen = used.get(id) ?? 0;
    used.set(id, seen + 1);
    const slug = seen === 0 ? id : `${id}-${seen}`;
    f.node.properties['id'] = slug;
    headings.push({ depth, slug, text: headingText(f.node) });
  }
  return headings;
}

function isAnchor(node: ElementContent): boolean {
  return node.type === 'element' && Boolean(node.properties['className']?.toString().includes('heading-anchor'));
}

/** The heading's words without its "#" link. */
function headingText(node: Element): string {
  const words = node.children.filter((c) => !isAnchor(c));
  return toText({ type: 'element', tagName: 'span', properties: {}, children: words }).trim();
}
