import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { forEachNode } from '../lib/markdown/nodes';

/**
 * Marks notes that contain math, so only their pages load KaTeX's stylesheet and fonts.
 * Astro exposes the flag as `remarkPluginFrontmatter.hasMath`.
 */
export function remarkMathFlag() {
  return (tree: Root, file: VFile) => {
    let found = false;
    forEachNode(tree, (node) => {
      if (node.type === 'math' || node.type === 'inlineMath') found = true;
    });
    const astro = (file.data['astro'] ??= {}) as { frontmatter?: Record<string, unknown> };
    astro.frontmatter = { ...astro.frontmatter, hasMath: found };
  };
}
