import fs from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { isObject, notebookTitle, NotebookError, parseNotebook, type Cell, type Notebook } from './nbformat';

/** A notebook file as the site reads it: the parsed cells, the author's metadata and the title. */
export interface NotebookSource {
  notebook: Notebook;
  /** `metadata.notes` in the notebook, overridden field by field by `<slug>.yml` beside it. */
  meta: Record<string, unknown>;
  title: string;
}

/**
 * Reads a notebook and its metadata; shared by the collection's loader and `npm run status`, so
 * both see the same title and fields. `display` is the path errors name.
 */
export function notebookSource(
  text: string,
  sidecarText: string,
  files: { notebook: string; sidecar: string },
  slug: string,
): NotebookSource {
  const notebook = parseNotebook(text, files.notebook);
  const meta = { ...notesMetadata(notebook.metadata, files.notebook), ...sidecar(sidecarText, files.sidecar) };
  const title = typeof meta['title'] === 'string' ? meta['title'] : (notebookTitle(notebook.cells) ?? slug);
  return { notebook, meta, title };
}

/** The sidecar beside a notebook file (`<slug>.yml`), empty when there is none. */
export function sidecarOf(notebookFile: string): { file: string; text: string } {
  const file = notebookFile.replace(/\.ipynb$/i, '.yml');
  return { file, text: fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '' };
}

/**
 * The notebook's prose as one Markdown text (its Markdown cells, in order), which is what its
 * outline and translation status are made of; code and outputs are the same in both languages.
 */
export function notebookMarkdown(cells: readonly Pick<Cell, 'type' | 'source'>[]): string {
  return cells
    .filter((c) => c.type === 'markdown')
    .map((c) => c.source.trim())
    .join('\n\n');
}

/** `metadata.notes` in the notebook: `{ "lesson": 3, "summary": "…" }`. */
function notesMetadata(metadata: Record<string, unknown>, file: string): Record<string, unknown> {
  const notes = metadata['notes'];
  if (notes === undefined) return {};
  if (!isObject(notes)) throw new NotebookError(file, 'metadata.notes must be an object such as { "lesson": 3 }.');
  return notes;
}

/** `<slug>.yml` beside the notebook; it wins over `metadata.notes`. */
function sidecar(text: string, file: string): Record<string, unknown> {
  if (!text.trim()) return {};
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    throw new NotebookError(file, `is not valid YAML: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isObject(data)) throw new NotebookError(file, 'must be YAML fields such as "lesson: 3".');
  return data;
}
