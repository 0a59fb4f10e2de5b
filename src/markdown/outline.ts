import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { markdownSyntax } from '../lib/markdown/parse';
import type { OutlineSection } from '../lib/parallel/align';
import { sectionGroups, storedOutline } from '../lib/parallel/outline';
import { remarkHeadingIds } from './remark-heading-ids';
import { remarkSections } from './remark-sections';
import { remarkSmartPunctuation } from './remark-smart-punctuation';
import { remarkVideoTimes } from './remark-video-times';

/**
 * The site's pipeline up to the outline, without rendering: GFM, SmartyPants, the notes' syntax,
 * then the plugins the outline depends on. `npm run status` and the status page read a note's
 * sections through it, so they pair what the side-by-side pages pair.
 */
function outlinePipeline(notesRoot: string, mdx: boolean) {
  const processor = unified().use(remarkParse);
  if (mdx) processor.use(remarkMdx);
  return processor
    .use(remarkGfm)
    .use(remarkSmartPunctuation)
    .use([...markdownSyntax])
    .use(remarkHeadingIds)
    .use(remarkVideoTimes, { notesRoot })
    .use(remarkSections);
}

const pipelines = new Map<string, ReturnType<typeof outlinePipeline>>();

/**
 * A note's sections from its source (the body, without frontmatter), as the site's render stores them.
 * @example sourceOutline('## Loss {#loss}', { file: 'content/lessons/en/lesson-1.md', frontmatter: {}, notesRoot: 'content' })
 * // [{ id: 'loss', depth: 2, title: 'Loss', times: [] }]
 */
export function sourceOutline(body: string, source: NoteFile): OutlineSection[] {
  return readOutline(body, source).outline;
}

/** Where a note's source comes from: its file (which says .md or .mdx), frontmatter and notes folder. */
export interface NoteFile {
  file: string;
  frontmatter: Record<string, unknown>;
  notesRoot: string;
}

function readOutline(body: string, source: NoteFile): { tree: Root; outline: OutlineSection[] } {
  const mdx = source.file.endsWith('.mdx');
  const key = `${source.notesRoot}\0${mdx}`;
  let pipeline = pipelines.get(key);
  if (!pipeline) pipelines.set(key, (pipeline = outlinePipeline(source.notesRoot, mdx)));
  const file = new VFile({ value: body, path: source.file, data: { astro: { frontmatter: source.frontmatter } } });
  const tree = pipeline.runSync(pipeline.parse(file), file) as Root;
  const astro = file.data['astro'] as { frontmatter: Record<string, unknown> };
  return { tree, outline: storedOutline(astro.frontmatter, source.file) };
}

/** A section of a note's source: its place in the outline and the Markdown it is written in. */
export interface SourceSection extends OutlineSection {
  /** The section's source, from its heading line (or the start, for the intro) to the next section. */
  text: string;
}

/** A note's sections with their source text, for comparing two versions of it section by section. */
export function sourceSections(body: string, source: NoteFile): SourceSection[] {
  const { tree, outline } = readOutline(body, source);
  const groups = sectionGroups(tree);
  const starts = groups.map((g, i) => (i === 0 && !g.heading ? 0 : (g.heading?.position?.start.offset ?? 0)));
  return outline.map((section, i) => ({ ...section, text: body.slice(starts[i], starts[i + 1] ?? body.length) }));
}
