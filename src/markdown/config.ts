import { unified } from '@astrojs/markdown-remark';
import rehypeExternalLinks from 'rehype-external-links';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import { rehypeCodeBlocks } from './rehype-code-blocks';
import { rehypeHeadingAnchors } from './rehype-heading-anchors';
import { rehypeTaskLabels } from './rehype-task-labels';
import { rehypeMathReport, remarkMathFlag } from './math';
import { remarkHeadingIds } from './remark-heading-ids';
import { remarkNoteLinks } from './remark-note-links';

export interface MarkdownSetup {
  notesRoot: string;
  base: string;
  strictMath: boolean;
}

/** The Markdown pipeline, shared by `.md` and `.mdx` notes. */
export function markdownProcessor({ notesRoot, base, strictMath }: MarkdownSetup) {
  return unified({
    remarkPlugins: [remarkMath, remarkMathFlag, remarkHeadingIds, [remarkNoteLinks, { notesRoot, base }]],
    rehypePlugins: [
      // KaTeX's own strict mode warns about Unicode text in math, which Chinese notes use on purpose.
      [rehypeKatex, { strict: 'ignore' }],
      [rehypeMathReport, { strict: strictMath }],
      [rehypeCodeBlocks, { notesRoot }],
      [rehypeHeadingAnchors, { notesRoot }],
      rehypeTaskLabels,
      [rehypeExternalLinks, { rel: ['noopener', 'noreferrer'] }],
    ],
  });
}

/** Light and dark code themes; colours come out as CSS variables and the theme picks one. */
export const shikiConfig = {
  themes: { light: 'github-light-default', dark: 'github-dark-default' },
  defaultColor: false,
} as const;
