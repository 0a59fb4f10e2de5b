import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { markdownConfigDefaults } from '@astrojs/markdown-remark';
import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { VFile } from 'vfile';
import { markdownConfig, type MarkdownSetup } from '../../../src/markdown/config';

/**
 * Renders Markdown the way the site does: the processor and options come from `markdownConfig()`,
 * the same call astro.config.ts makes, so a plugin added to `remarkPlugins()` / `rehypePlugins()`
 * is tested without touching this file. `.md` goes through Astro's own renderer
 * (`processor.createRenderer`, i.e. `createMarkdownProcessor`), GFM, SmartyPants, Shiki, image
 * collection and heading ids included; `.mdx` through Astro's MDX compiler with the same plugins.
 *
 * @example
 * const { html, messages } = await renderMarkdown('## 学习率 {#lr}', { file: 'lessons/zh/lesson-1.md' });
 */

export interface RenderOptions {
  /** `md` (default) or `mdx`: which of Astro's two pipelines renders the source. */
  format?: 'md' | 'mdx';
  /** Where the note sits in the notes folder, which gives its collection and language. Default `lessons/en/lesson-1.<format>`. */
  file?: string;
  /** The notes folder. Default: tests/fixtures/notes-mini, whose files links and images may point to. */
  notesRoot?: string;
  /** The site's base path. Default `/fastai-notes/`. */
  base?: string;
  /** `STRICT_MATH=1`. Default off. */
  strictMath?: boolean;
  /** The note's own front matter. */
  frontmatter?: Record<string, unknown>;
}

export interface Rendered {
  /** For `.md`, the page HTML as Astro writes it. For `.mdx`, the HTML tree after the site's plugins, before MDX compiles it to a component. */
  html: string;
  /** The front matter with what the plugins added (`hasMath`): Astro's `remarkPluginFrontmatter`. */
  frontmatter: Record<string, unknown>;
  /** Warnings the plugins recorded on the file (`ruleId` says which: `missing-image`, `missing-link`…). */
  messages: VFile['messages'];
  /** Relative images left for Astro's image pipeline. */
  localImagePaths: string[];
  /** For `.md`, the headings Astro collects for the table of contents (text and id); empty for `.mdx`. */
  headings: { depth: number; slug: string; text: string }[];
}

export const fixtureNotes = path.resolve('tests/fixtures/notes-mini');

/** What the capture plugin saw last: renders await one another, so it is always the current one's. */
let seen: { file: VFile; tree: Root } | undefined;

type Processor = ReturnType<typeof markdownConfig>['processor'];
interface Pipeline {
  processor: Processor;
  options: Parameters<Processor['createRenderer']>[0];
  md?: ReturnType<Processor['createRenderer']>;
  mdx?: ReturnType<NonNullable<Processor['createMdxRenderer']>>;
}

/** One processor per setup, its renderers made on first use: Shiki and KaTeX load once per test file. */
const pipelines = new Map<string, Pipeline>();

function pipelineFor(setup: MarkdownSetup): Pipeline {
  const key = JSON.stringify(setup);
  let pipeline = pipelines.get(key);
  if (!pipeline) {
    const { processor, ...markdown } = markdownConfig(setup);
    // Runs after the site's rehype plugins to read what the file carries; it changes nothing.
    processor.options.rehypePlugins.push(() => (tree: Root, file: VFile) => {
      seen = { file, tree };
    });
    pipeline = { processor, options: { ...markdownConfigDefaults, ...markdown } };
    pipelines.set(key, pipeline);
  }
  return pipeline;
}

export async function renderMarkdown(source: string, options: RenderOptions = {}): Promise<Rendered> {
  const format = options.format ?? 'md';
  const notesRoot = options.notesRoot ?? fixtureNotes;
  const setup: MarkdownSetup = {
    notesRoot,
    base: options.base ?? '/fastai-notes/',
    strictMath: options.strictMath ?? false,
  };
  const filePath = path.join(notesRoot, options.file ?? `lessons/en/lesson-1.${format}`);
  const pipeline = pipelineFor(setup);

  seen = undefined;
  let html: string;
  let headings: Rendered['headings'] = [];
  if (format === 'md') {
    const renderer = await (pipeline.md ??= pipeline.processor.createRenderer(pipeline.options));
    const result = await renderer.render(source, {
      fileURL: pathToFileURL(filePath),
      frontmatter: options.frontmatter ?? {},
    });
    html = result.code;
    headings = result.metadata.headings;
  } else {
    const renderer = await (pipeline.mdx ??= pipeline.processor.createMdxRenderer!(pipeline.options, {
      optimize: false,
    }));
    await renderer.process(source, filePath, options.frontmatter ?? {});
    html = seen ? toHtml(withoutMdxNodes((seen as { tree: Root }).tree)) : '';
  }
  const captured = seen as { file: VFile; tree: Root } | undefined;
  if (!captured) throw new Error('the capture plugin did not run');
  const astro = (captured.file.data.astro ?? {}) as {
    frontmatter?: Record<string, unknown>;
    localImagePaths?: string[];
  };
  return {
    html,
    frontmatter: astro.frontmatter ?? {},
    messages: captured.file.messages,
    localImagePaths: astro.localImagePaths ?? [],
    headings,
  };
}

/** MDX's JSX and ESM nodes have no HTML form; tests look at what the plugins made of the Markdown. */
function withoutMdxNodes(tree: Root): Root {
  const strip = <T extends { children?: unknown[] }>(node: T): T => {
    if (!Array.isArray(node.children)) return node;
    const children = node.children
      .filter((c) => !String((c as { type: string }).type).startsWith('mdx'))
      .map((c) => strip(c as { children?: unknown[] }));
    return { ...node, children };
  };
  return strip(tree);
}
