import type { Nodes, Root } from 'mdast';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkCjkFriendlyGfmStrikethrough from 'remark-cjk-friendly-gfm-strikethrough';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/**
 * The importer reads Markdown with the same parser family as the site (micromark via remark), so
 * "is this code, HTML or a heading?" gets the answer the build will give. Without math, a stray
 * `$$` cannot swallow the rest of the file, which is what the first pass needs. Emphasis next to
 * CJK punctuation is read as the site reads it, so a summary taken from it has no stray `**`.
 */
const withMath = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkCjkFriendly)
  .use(remarkCjkFriendlyGfmStrikethrough)
  .use(remarkMath);
const withoutMath = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkCjkFriendly)
  .use(remarkCjkFriendlyGfmStrikethrough);

export function parse(text: string, options: { math: boolean }): Root {
  return (options.math ? withMath : withoutMath).parse(text);
}

export function startOf(node: Nodes): number {
  return node.position?.start.offset ?? 0;
}

export function endOf(node: Nodes): number {
  return node.position?.end.offset ?? 0;
}

/** Visits every node with its ancestors, in document order. */
export function walk(
  node: Nodes,
  visit: (node: Nodes, ancestors: readonly Nodes[]) => boolean | void,
  ancestors: Nodes[] = [],
): void {
  if (visit(node, ancestors) === false) return;
  if ('children' in node) {
    ancestors.push(node);
    for (const child of node.children) walk(child, visit, ancestors);
    ancestors.pop();
  }
}

/** Code blocks (fenced or indented) as 1-based inclusive line ranges, and inline code as offsets. */
export interface CodeMap {
  blockLines: Set<number>;
  inline: [number, number][];
}

export function codeMap(tree: Root): CodeMap {
  const blockLines = new Set<number>();
  const inline: [number, number][] = [];
  walk(tree, (node) => {
    if ((node.type === 'code' || node.type === 'math') && node.position) {
      for (let l = node.position.start.line; l <= node.position.end.line; l++) blockLines.add(l);
    } else if ((node.type === 'inlineCode' || node.type === 'inlineMath') && node.position) {
      inline.push([startOf(node), endOf(node)]);
    }
  });
  return { blockLines, inline };
}

export function insideAny(ranges: readonly [number, number][], start: number, end = start + 1): boolean {
  return ranges.some(([a, b]) => start < b && end > a);
}

/** Block containers: an `html` node directly inside one is an HTML block, elsewhere inline HTML. */
export function isFlowParent(node: Nodes | undefined): boolean {
  return (
    !node ||
    node.type === 'root' ||
    node.type === 'blockquote' ||
    node.type === 'listItem' ||
    node.type === 'footnoteDefinition'
  );
}
