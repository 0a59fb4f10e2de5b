import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import rehypeExternalLinks from 'rehype-external-links';
import { rehypeCodeBlocks } from './rehype-code-blocks';
import { rehypeCodeHighlight } from './rehype-code-highlight';
import { rehypeHeadingAnchors } from './rehype-heading-anchors';
import { rehypeScrollRegions } from './rehype-scroll-regions';
import { rehypeTaskLabels } from './rehype-task-labels';
import { remarkMathFlag } from './math';
import { rehypeMath } from './rehype-math';
import { remarkCallouts } from './remark-callouts';
import { remarkHeadingIds } from './remark-heading-ids';
import { remarkNoteLinks } from './remark-note-links';
import { remarkSections } from './remark-sections';
import { remarkSmartPunctuation } from './remark-smart-punctuation';
import { remarkVideoTimes } from './remark-video-times';
import { notesProcessor } from './renderer';
import { markdownSyntax } from '../lib/markdown/parse';
import { notesDir } from '../node/notes-dir';
import { normalizeBase } from '../lib/urls';

export interface MarkdownSetup {
  /** The notes folder: a file's place in it gives its collection and language. */
  notesRoot: string;
  /** The site's base path (`/` or `/fastai-notes/`). */
  base: string;
  /** `STRICT_MATH=1`: a formula KaTeX cannot parse fails the build. */
  strictMath: boolean;
}

/**
 * The remark plugins, in order; Astro runs GFM before them. The tests render through this same
 * list (tests/unit/markdown/render.ts), so a plugin added here is tested there.
 */
export function remarkPlugins({ notesRoot, base }: MarkdownSetup): RemarkPlugins {
  return [
    // Where Astro's own SmartyPants would run (turned off in markdownProcessor): before every
    // step of ours, remarkPlainDirectives (in markdownSyntax) among them.
    remarkSmartPunctuation,
    ...markdownSyntax,
    remarkMathFlag,
    remarkHeadingIds,
    [remarkCallouts, { notesRoot }],
    [remarkVideoTimes, { notesRoot }],
    [remarkNoteLinks, { notesRoot, base }],
    remarkSections,
  ];
}

/** The rehype plugins, in order; Astro runs its own heading ids after them. */
export function rehypePlugins({ notesRoot, strictMath }: MarkdownSetup): RehypePlugins {
  return [
    // Where Astro's own highlighting would run: before every plugin of ours.
    rehypeCodeHighlight,
    // Before KaTeX: these look for code blocks, headings, task items and links, and KaTeX's output
    // is most of a page's elements (a formula becomes dozens), which each would walk through.
    [rehypeCodeBlocks, { notesRoot }],
    [rehypeHeadingAnchors, { notesRoot }],
    rehypeTaskLabels,
    [rehypeExternalLinks, { rel: ['noopener', 'noreferrer'] }],
    // KaTeX's own strict mode warns about Unicode text in math, which Chinese notes use on purpose.
    [rehypeMath, { strict: strictMath, katex: { strict: 'ignore' } }],
    [rehypeScrollRegions, { notesRoot }],
  ];
}

/**
 * The setup the site builds with, from the environment (NOTES_DIR, BASE_PATH, STRICT_MATH): read by
 * astro.config.ts and by each Markdown render thread, so both build the same pipeline.
 */
export function siteMarkdownSetup(env: Record<string, string | undefined> = process.env): MarkdownSetup {
  return { notesRoot: notesDir(env), base: normalizeBase(env['BASE_PATH']), strictMath: env['STRICT_MATH'] === '1' };
}

/**
 * The Markdown pipeline, shared by `.md` and `.mdx` notes. Astro's SmartyPants is off: the same
 * punctuation comes from remarkSmartPunctuation, which reads only the text it can change.
 */
export function markdownProcessor(setup: MarkdownSetup) {
  return notesProcessor({ remarkPlugins: remarkPlugins(setup), rehypePlugins: rehypePlugins(setup) });
}

/** Astro's `markdown` option: what the site builds with and what the tests render with. */
export function markdownConfig(setup: MarkdownSetup) {
  return { processor: markdownProcessor(setup), ...rendererOptions };
}

/** Astro's own highlighting is off: the pipeline's first rehype step colours code (rehype-code-highlight.ts). */
export const rendererOptions = { syntaxHighlight: false } as const;
