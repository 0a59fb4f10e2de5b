import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { shareLiveStore } from '../node/live-collections';
import { outsideNotesFolder } from '../node/notes-dir';
import { isLocale, locales } from '../lib/locales';
import { localizedPath, withBase } from '../lib/urls';
import { NotebookError, type Cell } from './nbformat';
import { renderNotebook } from './render';
import { notebookSource, sidecarOf } from './source';

export interface NotebookLoaderOptions {
  /** `<notes>/notebooks`: holds `zh/<slug>.ipynb` and `en/<slug>.ipynb`. */
  base: string;
  /** The notes folder; nothing outside it is read. */
  notesRoot: string;
}

/**
 * Loads `.ipynb` files as a content collection. Each entry is validated (nbformat 4; 3 is
 * converted), rendered once here through the site's Markdown pipeline, and stored with its
 * headings and math flag, so `render(entry)` and the table of contents work as for lessons. The
 * images its outputs contain travel in `data.assets` and are written beside the page by an endpoint.
 * Metadata linking it to a lesson comes from `metadata.notes` in the notebook or `<slug>.yml` beside it.
 */
export function notebookLoader({ base, notesRoot }: NotebookLoaderOptions): Loader {
  return {
    name: 'notebook-loader',
    async load(context) {
      const { watcher, collection, logger } = context;
      const store = watcher ? shareLiveStore(collection, context.store) : context.store;
      const pass = () => loadNotebooks({ ...context, store }, base, notesRoot);
      await pass();
      if (!watcher) return;
      // `astro dev`: a saved notebook or sidecar is read again (the pass skips unchanged ones by
      // digest); a broken one is reported and the page keeps its last good version.
      watcher.add(base);
      let queue = Promise.resolve();
      watcher.on('all', (_event, file) => {
        if (!/\.(ipynb|yml)$/i.test(file) || outsideNotesFolder(file, base)) return;
        queue = queue.then(pass).catch((error: unknown) => logger.error(String(error)));
      });
    },
  };
}

/** One pass over the notebooks: renders the new and changed ones, drops the removed ones. */
async function loadNotebooks(
  { store, parseData, renderMarkdown, generateDigest, logger, config }: LoaderContext,
  base: string,
  notesRoot: string,
): Promise<void> {
  const seen = new Set<string>();
  for (const { id, abs, locale, slug } of findNotebooks(base)) {
    const display = path.relative(process.cwd(), abs);
    const text = fs.readFileSync(abs, 'utf8');
    const { file: sidecarPath, text: sidecarText } = sidecarOf(abs);
    const pageUrl = withBase(localizedPath(locale, 'notebooks', slug), config.base);
    const digest = generateDigest({ text, sidecarText, pageUrl });
    seen.add(id);
    if (store.get(id)?.digest === digest) continue;

    const files = { notebook: display, sidecar: path.relative(process.cwd(), sidecarPath) };
    const { notebook: nb, meta, title } = notebookSource(text, sidecarText, files, slug);
    const rendered = await renderNotebook(nb, {
      locale,
      file: display,
      dir: path.dirname(abs),
      notesRoot,
      pageUrl,
      title,
      markdown: (source) => renderMarkdown(source, { fileURL: pathToFileURL(abs) }),
      warn: (message) => logger.warn(message),
    });
    const data = await parseData({
      id,
      filePath: display,
      data: {
        ...meta,
        title,
        kernelLanguage: nb.language,
        nbformat: nb.nbformat,
        cells: nb.cells.map(cellSummary),
        assets: rendered.assets,
      },
    });
    store.set({
      id,
      data,
      filePath: path.relative(fileURLToPath(config.root), abs),
      digest,
      rendered: {
        html: rendered.html,
        metadata: { headings: rendered.headings, frontmatter: { hasMath: rendered.hasMath } },
      },
    });
  }
  for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
}

/** Every `<locale>/<slug>.ipynb`; a notebook outside a language folder is an error, as for notes. */
function findNotebooks(base: string): { id: string; abs: string; locale: (typeof locales)[number]; slug: string }[] {
  if (!fs.existsSync(base)) return [];
  const found = [];
  for (const entry of fs.readdirSync(base, { withFileTypes: true })) {
    if (entry.isFile() && /\.ipynb$/i.test(entry.name)) {
      throw new NotebookError(
        path.join(base, entry.name),
        'a notebook must be inside a language folder. Move it to notebooks/zh/ or notebooks/en/.',
      );
    }
    if (!entry.isDirectory() || !isLocale(entry.name)) continue;
    const locale = entry.name;
    for (const file of fs.readdirSync(path.join(base, locale)).sort()) {
      if (!/\.ipynb$/i.test(file)) continue;
      const slug = file.replace(/\.ipynb$/i, '');
      found.push({ id: `${locale}/${slug}`, abs: path.join(base, locale, file), locale, slug });
    }
  }
  return found;
}

/** What the collection keeps of each cell: enough to list, count and index it. */
function cellSummary(cell: Cell) {
  return {
    type: cell.type,
    source: cell.source,
    executionCount: cell.type === 'code' ? cell.executionCount : null,
    outputs: cell.type === 'code' ? cell.outputs.map((o) => (o.type === 'stream' ? `stream:${o.name}` : o.type)) : [],
  };
}
