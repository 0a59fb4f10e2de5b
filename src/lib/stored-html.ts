/**
 * Where a build's stored render of a Markdown note says its HTML is: the render's metadata names
 * the file (src/markdown/note-html.ts writes it; src/data/rendered.ts reads it).
 */
export const HTML_FILE = 'htmlFile';

/** A stored render, as Astro keeps it in its content store. */
export interface StoredRender {
  html: string;
  metadata?: Record<string, unknown> | undefined;
}

/** The file a stored render's HTML was kept in, if it was kept aside. */
export function htmlFileOf(rendered: StoredRender | undefined): string | undefined {
  const file = rendered?.metadata?.[HTML_FILE];
  return typeof file === 'string' ? file : undefined;
}

/** A render's metadata without the file it names: what the note's render learnt, not where it lies. */
export function withoutHtmlFile(metadata: Record<string, unknown> | undefined): Record<string, unknown> {
  const { [HTML_FILE]: _file, ...facts } = metadata ?? {};
  return facts;
}
