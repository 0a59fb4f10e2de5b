import { unified, type RehypePlugins, type RemarkPlugins, type ShikiConfig } from '@astrojs/markdown-remark';
import rehypeExternalLinks from 'rehype-external-links';
import rehypeKatex from 'rehype-katex';
import { rehypeCodeBlocks } from './rehype-code-blocks';
import { rehypeHeadingAnchors } from './rehype-heading-anchors';
import { rehypeScrollRegions } from './rehype-scroll-regions';
import { rehypeTaskLabels } from './rehype-task-labels';
import { rehypeMathReport, remarkMathFlag } from './math';
import { remarkCallouts } from './remark-callouts';
import { remarkHeadingIds } from './remark-heading-ids';
import { remarkNoteLinks } from './remark-note-links';
import { remarkSections } from './remark-sections';
import { remarkVideoTimes } from './remark-video-times';
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
 * The remark plugins, in order; Astro runs GFM and SmartyPants before them. The tests render
 * through this same list (tests/unit/markdown/render.ts), so a plugin added here is tested there.
 */
export function remarkPlugins({ notesRoot, base }: MarkdownSetup): RemarkPlugins {
  return [
    ...markdownSyntax,
    remarkMathFlag,
    remarkHeadingIds,
    [remarkCallouts, { notesRoot }],
    [remarkVideoTimes, { notesRoot }],
    [remarkNoteLinks, { notesRoot, base }],
    remarkSections,
  ];
}

/** The rehype plugins, in order; Astro runs Shiki before them and its own heading ids after them. */
export function rehypePlugins({ notesRoot, strictMath }: MarkdownSetup): RehypePlugins {
  return [
    // Before KaTeX: these look for code blocks, headings, task items and links, and KaTeX's output
    // is most of a page's elements (a formula becomes dozens), which each would walk through.
    [rehypeCodeBlocks, { notesRoot }],
    [rehypeHeadingAnchors, { notesRoot }],
    rehypeTaskLabels,
    [rehypeExternalLinks, { rel: ['noopener', 'noreferrer'] }],
    // KaTeX's own strict mode warns about Unicode text in math, which Chinese notes use on purpose.
    [rehypeKatex, { strict: 'ignore' }],
    [rehypeMathReport, { strict: strictMath }],
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

/** The Markdown pipeline, shared by `.md` and `.mdx` notes. */
export function markdownProcessor(setup: MarkdownSetup) {
  return unified({ remarkPlugins: remarkPlugins(setup), rehypePlugins: rehypePlugins(setup) });
}

type ShikiTransformer = NonNullable<ShikiConfig['transformers']>[number];

/**
 * Shiki gives up on a line after 500 ms and keeps the colours it has so far, without a word. A
 * language's first lines compile its grammar's patterns, so on a busy machine code came out
 * coloured wrongly (seen in builds running beside the test suite). A build has no such deadline.
 */
const tokenizeWithoutTimeLimit: ShikiTransformer = {
  name: 'fastai-notes:tokenize-without-time-limit',
  preprocess(_code, options) {
    options.tokenizeTimeLimit = 0;
  },
};

/** Light and dark code themes; colours come out as CSS variables and the theme picks one. */
export const shikiConfig = {
  themes: { light: 'github-light-default', dark: 'github-dark-default' },
  defaultColor: false,
  transformers: [tokenizeWithoutTimeLimit],
} satisfies Partial<ShikiConfig>;

/** Astro's `markdown` option: what the site builds with and what the tests render with. */
export function markdownConfig(setup: MarkdownSetup) {
  return { processor: markdownProcessor(setup), shikiConfig };
}
