import fs from 'node:fs';
import path from 'node:path';
import { NotebookError, parseNotebook } from '../notebooks/nbformat';
import { listFiles } from './discover';
import { decode } from './encoding';
import { detectLocale, folderHint } from './locale';
import { slugOf } from './slug';
import type { Findings, PlannedFile } from './types';

/**
 * Jupyter notebooks in a source folder go to `notebooks/<lang>/<slug>.ipynb` unchanged, outputs
 * and all (the site renders them). The language is read from the Markdown cells as for notes,
 * with the folder as a hint. A file that is not a readable notebook is reported and skipped.
 */
export function planNotebooks(root: string, findings: Findings, taken: (p: string) => boolean): PlannedFile[] {
  const rootName = path.basename(root);
  const planned: PlannedFile[] = [];
  const used = new Set<string>();
  for (const rel of listFiles(root).filter((f) => /\.ipynb$/i.test(f))) {
    const display = `${rootName}/${rel}`;
    const abs = path.join(root, rel);
    let markdown: string;
    try {
      const nb = parseNotebook(decode(fs.readFileSync(abs)).text, display);
      markdown = nb.cells
        .filter((c) => c.type === 'markdown')
        .map((c) => c.source)
        .join('\n\n');
    } catch (error) {
      if (!(error instanceof NotebookError)) throw error;
      findings.notebooksSkipped.push({ file: display, reason: error.message.slice(display.length + 2) });
      continue;
    }
    const { locale } = detectLocale(markdown, folderHint(rel));
    const stem = slugOf(path.posix.basename(rel).replace(/\.ipynb$/i, ''));
    let out = `notebooks/${locale}/${stem}.ipynb`;
    for (let n = 2; used.has(out) || taken(out); n++) out = `notebooks/${locale}/${stem}-${n}.ipynb`;
    used.add(out);
    planned.push({ path: out, kind: 'copy', from: abs, source: display });
  }
  return planned;
}
