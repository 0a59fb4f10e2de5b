import type { MarkdownHeading } from 'astro';
import { render, type CollectionEntry } from 'astro:content';
import { isMarkdownCollection, type MarkdownCollection } from '../lib/collections';
import type { OutlineSection } from '../lib/parallel/align';
import { storedOutline } from '../lib/parallel/outline';

/**
 * What the site's Markdown pipeline learnt about an entry while rendering it: whether it typesets
 * math, its headings, its section outline. The glob loader stores the render of a Markdown file at
 * sync time, so these are read without rendering again; MDX has no stored render and is rendered
 * once (Astro keeps the result) to learn them.
 */

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
  const { remarkPluginFrontmatter, headings } = await render(entry);
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
