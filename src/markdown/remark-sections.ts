import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { markSections, outlineOf, OUTLINE_KEY } from '../lib/parallel/outline';

/**
 * Reads a note's sections once, where the pipeline has the tree: stores the outline with the
 * render (Astro exposes it as `remarkPluginFrontmatter.sections`, as it does `hasMath`) and marks
 * each section's heading in the HTML. Runs after the heading ids and time chips are made.
 */
export function remarkSections() {
  return (tree: Root, file: VFile) => {
    const astro = (file.data['astro'] ??= {}) as { frontmatter?: Record<string, unknown> };
    astro.frontmatter = { ...astro.frontmatter, [OUTLINE_KEY]: outlineOf(tree) };
    markSections(tree);
  };
}
