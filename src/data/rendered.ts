import fs from 'node:fs';
import type { MarkdownHeading } from 'astro';
import { render, type CollectionEntry, type CollectionKey } from 'astro:content';
import { summarize } from '../lib/feed';
import { htmlFileOf, type StoredRender } from '../lib/stored-html';
import { isMarkdownCollection, type MarkdownCollection } from '../lib/collections';
import type { OutlineSection } from '../lib/parallel/align';
import { storedOutline } from '../lib/parallel/outline';

/**
 * What the site's Markdown pipeline learnt about an entry while rendering it: whether it typesets
 * math, its headings, its section outline. The glob loader stores the render of a Markdown file at
 * sync time, so these are read without rendering again; MDX has no stored render and is rendered
 * once (Astro keeps the result) to learn them.
 */

/** An entry as `render` takes it, of any collection. */
type RenderableEntry = CollectionEntry<CollectionKey>;

/**
 * The HTML a build stored for an entry: read from the file it was kept in (a Markdown note's,
 * src/markdown/note-html.ts) or, in the dev server and for notebooks, from the store.
 * Read afresh each time: kept in memory, every note's HTML would be again, as it was in the store.
 */
export function storedHtml(entry: { rendered?: StoredRender | undefined }): string {
  const file = htmlFileOf(entry.rendered);
  if (!file) return entry.rendered?.html ?? '';
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(
      `The rendered HTML of a note is missing (${file}); build again with --force to render every note afresh.`,
      { cause: error },
    );
  }
}

/** Summaries made, by length and kept file: the HTML of a file never changes. */
const summaries = new Map<string, string>();

/**
 * A line of an entry's text (lib/feed.ts `summarize`), for lists and page descriptions. A log
 * entry is summed up on its page, the home pages and every tag page that lists it: its HTML is
 * read and parsed once for each length, not once for each list.
 */
export function entrySummary(entry: Parameters<typeof storedHtml>[0], max: number): string {
  const file = htmlFileOf(entry.rendered);
  const key = file && `${max}:${file}`;
  let summary = key ? summaries.get(key) : undefined;
  if (summary === undefined) {
    summary = summarize(storedHtml(entry), max);
    if (key) summaries.set(key, summary);
  }
  return summary;
}

/** Astro's `render`, for an entry whose HTML was kept in a file as for one whose store holds it. */
export function renderNote(entry: RenderableEntry): ReturnType<typeof render> {
  const file = htmlFileOf(entry.rendered);
  return render(
    file ? ({ ...entry, rendered: { ...entry.rendered!, html: storedHtml(entry) } } as RenderableEntry) : entry,
  );
}

/** The collections whose entries go through the Markdown pipeline. */
export type MarkdownEntry = CollectionEntry<MarkdownCollection>;

interface RenderFacts {
  frontmatter: Record<string, unknown>;
  headings: MarkdownHeading[];
}

/** The stored render of a Markdown file (MDX has none). Astro types its metadata loosely, hence the checks. */
function storedRender(entry: MarkdownEntry): RenderFacts | undefined {
  const metadata = entry.rendered?.metadata;
  const frontmatter = metadata?.['frontmatter'];
  const headings = metadata?.['headings'];
  if (typeof frontmatter !== 'object' || frontmatter === null || !Array.isArray(headings)) return undefined;
  return { frontmatter: frontmatter as Record<string, unknown>, headings: headings as MarkdownHeading[] };
}

async function renderFacts(entry: MarkdownEntry): Promise<RenderFacts> {
  const stored = storedRender(entry);
  if (stored) return stored;
  const { remarkPluginFrontmatter, headings } = await renderNote(entry);
  return { frontmatter: remarkPluginFrontmatter, headings };
}

/** Whether an entry typesets math, as `remarkMathFlag` recorded it. */
export async function entryHasMath(entry: MarkdownEntry): Promise<boolean> {
  return Boolean((await renderFacts(entry)).frontmatter['hasMath']);
}

/** Ids of an entry's headings (all levels), as Astro gave them. */
export async function entrySectionIds(entry: MarkdownEntry): Promise<string[]> {
  return (await renderFacts(entry)).headings.map((h) => h.slug);
}

/** The entry's sections, as `remarkSections` recorded them. */
export async function entryOutline(entry: MarkdownEntry): Promise<OutlineSection[]> {
  return storedOutline((await renderFacts(entry)).frontmatter, entry.filePath ?? entry.id);
}

/** Whether an entry of any collection went through the Markdown pipeline. */
export function isMarkdownEntry(entry: { collection: string }): entry is MarkdownEntry {
  return isMarkdownCollection(entry.collection);
}
