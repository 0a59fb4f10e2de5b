import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { markdownProcessor, rendererOptions } from '../../../src/markdown/config';
import type { Locale } from '../../../src/lib/locales';
import { parseNotebook } from '../../../src/notebooks/nbformat';
import { renderNotebook } from '../../../src/notebooks/render';

export const fixtures = path.resolve('tests/fixtures/notebooks');
const fixturesRoot = path.resolve('tests/fixtures');

/** The site's production Markdown pipeline, created the way Astro's content layer creates it: one per notes folder. */
const renderers = new Map<string, ReturnType<ReturnType<typeof markdownProcessor>['createRenderer']>>();
function rendererFor(notesRoot: string) {
  let renderer = renderers.get(notesRoot);
  if (!renderer) {
    renderer = markdownProcessor({ notesRoot, base: '/fastai-notes/', strictMath: false }).createRenderer(
      rendererOptions,
    );
    renderers.set(notesRoot, renderer);
  }
  return renderer;
}

/** Renders a fixture notebook as the loader does, collecting its build warnings. */
export function renderFixture(name: string, locale: Locale = 'en') {
  return renderNotebookFile(path.join(fixtures, name), fixturesRoot, locale);
}

/** Renders the notebook `file` of the notes folder `notesRoot` as the loader does, collecting its build warnings. */
export async function renderNotebookFile(file: string, notesRoot: string, locale: Locale = 'en') {
  const name = path.basename(file);
  const nb = parseNotebook(fs.readFileSync(file, 'utf8'), name);
  const warnings: string[] = [];
  const md = await rendererFor(notesRoot);
  const out = await renderNotebook(nb, {
    locale,
    file: name,
    dir: path.dirname(file),
    notesRoot,
    pageUrl: '/fastai-notes/en/notebooks/x/',
    title: 'Output gallery',
    markdown: async (source) => {
      const r = await md.render(source, { fileURL: pathToFileURL(file) });
      return { html: r.code, metadata: r.metadata };
    },
    warn: (m) => warnings.push(m),
  });
  return { ...out, warnings, nb };
}
