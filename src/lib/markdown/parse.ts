import type { Nodes, Root } from 'mdast';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkCjkFriendlyGfmStrikethrough from 'remark-cjk-friendly-gfm-strikethrough';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified, type Pluggable } from 'unified';
import { VFile } from 'vfile';
import { remarkPlainDirectives } from './plain-directives';

/**
 * The Markdown syntax the notes are written in, beyond CommonMark and GFM (which Astro adds
 * itself): the site's pipeline starts with this list, and every other reader of a note's source
 * (the importer, the content checks, the outlines) parses with it, so "is this code, math, a
 * heading?" has one answer. Emphasis next to CJK punctuation is read as CJK readers expect:
 * `论文**《…》**，可惜` would otherwise keep its `**`.
 */
export const markdownSyntax = [
  remarkCjkFriendly,
  remarkCjkFriendlyGfmStrikethrough,
  remarkMath,
  remarkDirective,
  remarkPlainDirectives,
] as const satisfies readonly Pluggable[];

const withMath = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use([...markdownSyntax]);
/**
 * The importer's first pass reads a file before its math is known to be balanced: without math, a
 * stray `$$` cannot swallow the rest of the file.
 */
const withoutMath = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(markdownSyntax.filter((p) => p !== remarkMath));

/** A note's source as the site reads it, before any of the site's own steps has changed it. */
export function parse(text: string, options: { math: boolean } = { math: true }): Root {
  const processor = options.math ? withMath : withoutMath;
  const file = new VFile(text);
  return processor.runSync(processor.parse(file), file) as Root;
}

/**
 * A whole note file, frontmatter included, parsed with its frontmatter blanked out line for line:
 * positions stay those of the file, and `---` cannot be read as a rule or a heading underline.
 */
export function parseFile(text: string): Root {
  const frontmatter = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?=\r?\n|$)/.exec(text)?.[0];
  return parse(frontmatter ? frontmatter.replace(/[^\n]/g, ' ') + text.slice(frontmatter.length) : text);
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
