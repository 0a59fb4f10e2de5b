import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { markdownProcessor, rendererOptions } from '../../src/markdown/config';
import { parseNotebook } from '../../src/notebooks/nbformat';
import { renderNotebook } from '../../src/notebooks/render';
import { measurePage, type PageWeight } from './page-weight';
import type { StaticServer } from '../lib/serve';

export interface NotebookFigures {
  /** What a notebook page loads before any interaction (images below the fold wait: they are lazy). */
  page: PageWeight;
  /** Every output image of that page, as files of the build (raw bytes; PNGs do not gzip). */
  allImageBytes: number;
  /** The corpus notebooks rendered as the loader renders them in a build (parse, pipeline, outputs). */
  corpus: { file: string; cells: number; images: number; htmlBytes: number; ms: number }[];
}

const PAGE = 'en/notebooks/sgd-from-scratch/';

/**
 * Notebook figures for `npm run bench`: the weight of our own notebook page in the built site,
 * and the time the loader takes on the real notebooks in ../shared/corpus (when present), through
 * the production Markdown pipeline.
 */
export async function benchNotebooks(
  browser: Browser,
  server: StaticServer,
  dist: string,
  base: string,
  corpus: string,
): Promise<NotebookFigures> {
  const page = await measurePage(browser, server, dist, base, PAGE);
  const html = fs.readFileSync(path.join(dist, PAGE, 'index.html'), 'utf8');
  const srcs = [...html.matchAll(/<img src="([^"]+)"/g)]
    .map((m) => m[1] ?? '')
    .filter((s) => s.startsWith(`${base}${PAGE}`));
  const allImageBytes = srcs.reduce(
    (n, s) => n + fs.statSync(path.join(dist, decodeURIComponent(s.slice(base.length)))).size,
    0,
  );

  const corpusFigures: NotebookFigures['corpus'] = [];
  const folder = path.join(corpus, 'fastai-notes');
  if (fs.existsSync(folder)) {
    const notesRoot = path.resolve('content');
    const renderer = await markdownProcessor({ notesRoot, base, strictMath: false }).createRenderer(rendererOptions);
    for (const name of ['pets.ipynb', 'train-catdog.ipynb']) {
      const file = path.join(folder, name);
      const t0 = performance.now();
      const nb = parseNotebook(fs.readFileSync(file, 'utf8'), name);
      const out = await renderNotebook(nb, {
        locale: 'zh',
        file: name,
        dir: folder,
        notesRoot: folder,
        pageUrl: `${base}zh/notebooks/${name.replace('.ipynb', '')}/`,
        title: name,
        markdown: async (source) => {
          const r = await renderer.render(source, { fileURL: pathToFileURL(file) });
          return { html: r.code, metadata: r.metadata };
        },
        warn: () => undefined,
      });
      corpusFigures.push({
        file: name,
        cells: nb.cells.length,
        images: out.assets.length,
        htmlBytes: Buffer.byteLength(out.html),
        ms: performance.now() - t0,
      });
    }
  }
  return { page, allImageBytes, corpus: corpusFigures };
}

export function formatNotebookFigures(f: NotebookFigures): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const w = f.page;
  const lines = [
    `  ${w.url}: html ${kb(w.html.gzip)}, css ${kb(w.css.gzip)}, js ${kb(w.js.gzip)}, images ${kb(w.images.gzip)} before interaction (gzip); all output images ${kb(f.allImageBytes)}; ${w.requests} requests`,
  ];
  for (const c of f.corpus)
    lines.push(
      `  render ${c.file}: ${c.ms.toFixed(0)} ms (${c.cells} cells, ${c.images} images, ${kb(c.htmlBytes)} HTML)`,
    );
  if (!f.corpus.length) lines.push('  (no ../shared/corpus here: corpus notebook timings skipped)');
  return lines.join('\n');
}
