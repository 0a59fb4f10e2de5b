import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { where } from './source';

/**
 * Marks notes that contain math, so only their pages load KaTeX's stylesheet and fonts.
 * Astro exposes the flag as `remarkPluginFrontmatter.hasMath`.
 */
export function remarkMathFlag() {
  return (tree: Root, file: VFile) => {
    let found = false;
    visit(tree, (node) => {
      if (node.type === 'math' || node.type === 'inlineMath') found = true;
    });
    const astro = (file.data['astro'] ??= {}) as { frontmatter?: Record<string, unknown> };
    astro.frontmatter = { ...astro.frontmatter, hasMath: found };
  };
}

/**
 * Runs after rehype-katex. A formula KaTeX cannot parse is already shown as its TeX source in an
 * error style; this names the note, line and expression in the build log, and with
 * `STRICT_MATH=1` turns it into a build failure.
 */
export function rehypeMathReport(options: { strict: boolean }) {
  return (_tree: unknown, file: VFile) => {
    const failures = file.messages.filter((m) => m.source === 'rehype-katex');
    for (const m of failures) {
      const expr = m.ancestors?.at(-1);
      const tex = expr && 'children' in expr ? JSON.stringify(textOf(expr)) : '';
      const text = `[math] ${where(file.path, m.line ?? undefined)}: KaTeX cannot render ${tex}: ${m.cause instanceof Error ? m.cause.message : m.reason}`;
      if (options.strict)
        throw new Error(`${text}\nFix the formula, or build without STRICT_MATH=1 to show it as an error on the page.`);
      console.warn(text);
    }
  };
}

function textOf(node: unknown): string {
  if (!node || typeof node !== 'object') return '';
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node && Array.isArray(node.children)) return node.children.map(textOf).join('');
  return '';
}
