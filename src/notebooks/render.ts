import type { Element, ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import path from 'node:path';
import { VFile } from 'vfile';
import { rehypeHeadingAnchors } from '../markdown/rehype-heading-anchors';
import { t } from '../i18n/ui';
import type { Locale } from '../lib/locales';
import type { NotebookAsset } from './assets';
import { outline, type NotebookHeading } from './headings';
import { prepareMarkdown } from './markdown-cell';
import { shikiLanguage } from '../markdown/rehype-code-highlight';
import type { Cell, MimeBundle, Notebook } from './nbformat';
import { renderOutput } from './outputs';
import type { RenderContext } from './render-context';

/** The site's Markdown pipeline as the content layer exposes it: HTML plus remark's frontmatter. */
export type MarkdownRenderer = (
  source: string,
) => Promise<{ html: string; metadata?: { frontmatter?: Record<string, unknown> } }>;

export interface RenderOptions {
  locale: Locale;
  /** Shown in build messages, e.g. `content/notebooks/en/tensor-basics.ipynb`. */
  file: string;
  /** Folder of the notebook file and the notes folder it must stay inside. */
  dir: string;
  notesRoot: string;
  /** URL of the notebook page's folder, base path included, ending in `/`. */
  pageUrl: string;
  /** The title shown as the page's h1; a first heading that repeats it is not shown twice. */
  title: string;
  markdown: MarkdownRenderer;
  warn(message: string): void;
}

export interface RenderedNotebook {
  html: string;
  headings: NotebookHeading[];
  hasMath: boolean;
  assets: NotebookAsset[];
}

/**
 * Renders a notebook's cells to the page body: Markdown cells through the site's pipeline, code
 * cells highlighted by the same pipeline in the kernel's language, outputs by the richest type the
 * site can show safely. Images become files beside the page, never inline data.
 */
export async function renderNotebook(nb: Notebook, options: RenderOptions): Promise<RenderedNotebook> {
  const assets = new Map<string, NotebookAsset>();
  const warn = (where: string, message: string) => options.warn(`[notebook] ${options.file} ${where}: ${message}`);
  const render = async (source: string, attachments: Record<string, MimeBundle>, where: string) => {
    const prepared = prepareMarkdown(source, {
      attachments,
      assets,
      assetUrl: (file) => options.pageUrl + file,
      dir: options.dir,
      notesRoot: options.notesRoot,
      report: (message) => warn(where, message),
    });
    const out = await options.markdown(prepared);
    return { html: out.html, hasMath: Boolean(out.metadata?.frontmatter?.['hasMath']) };
  };
  const ctx: RenderContext = {
    locale: options.locale,
    assetUrl: (file) => options.pageUrl + file,
    assets,
    markdown: (source) => render(source, {}, 'text/markdown output'),
    report: warn,
    hasMath: false,
  };

  const sections: Element[] = [];
  for (const [i, cell] of nb.cells.entries()) {
    const where = `cell ${i + 1}`;
    if (cell.type === 'markdown') {
      if (cell.source.trim() === '') continue;
      const out = await render(cell.source, cell.attachments, where);
      if (out.hasMath) ctx.hasMath = true;
      sections.push(
        h(
          'div',
          { className: ['nb-cell', 'nb-cell--markdown'] },
          fromHtml(out.html, { fragment: true }).children as ElementContent[],
        ),
      );
    } else if (cell.type === 'code') {
      const section = await codeCell(cell, nb.language, ctx, options, where);
      if (section) sections.push(section);
    } else if (cell.source.trim() !== '') {
      sections.push(
        h('div', { className: ['nb-cell', 'nb-cell--raw'] }, [
          h('pre', { className: ['nb-raw'], tabIndex: 0 }, cell.source),
        ]),
      );
    }
  }
  const headings = outline(sections, options.title);
  // The "#" links, added by the same plugin as in lessons, now that levels and ids are final.
  rehypeHeadingAnchors({ notesRoot: options.notesRoot })(
    { type: 'root', children: sections },
    new VFile({ path: path.join(options.dir, path.basename(options.file)) }),
  );
  return { html: toHtml(sections), headings, hasMath: ctx.hasMath, assets: [...assets.values()] };
}

async function codeCell(
  cell: Cell & { type: 'code' },
  language: string,
  ctx: RenderContext,
  options: RenderOptions,
  where: string,
): Promise<Element | undefined> {
  if (cell.source.trim() === '' && cell.outputs.length === 0) return undefined;
  const outputs: ElementContent[] = [];
  for (const [k, output] of cell.outputs.entries()) {
    const shown = await renderOutput(output, cell.executionCount, ctx, `${where}, output ${k + 1}`);
    if (shown) outputs.push(shown);
  }
  const prompt = cell.executionCount === null ? ' ' : String(cell.executionCount);
  const input: ElementContent[] = [];
  if (cell.source.trim() !== '') {
    // A fence longer than any backtick run in the code, so the code cannot end it.
    const fence = '`'.repeat(Math.max(3, ...[...cell.source.matchAll(/`+/g)].map((m) => m[0].length + 1)));
    const { html } = await options.markdown(`${fence}${fenceLanguage(language)}\n${cell.source}\n${fence}\n`);
    input.push(...(fromHtml(html, { fragment: true }).children as ElementContent[]));
  }
  return h('div', { className: ['nb-cell', 'nb-cell--code'] }, [
    h('div', { className: ['nb-cell__input'] }, [
      h('span', { className: ['nb-prompt'], dataPagefindIgnore: '' }, [
        h('span', { className: ['sr-only'] }, t(ctx.locale, 'notebook.cellInput')),
        `In [${prompt}]:`,
      ]),
      ...input,
    ]),
    ...(outputs.length ? [h('div', { className: ['nb-cell__outputs'] }, outputs)] : []),
  ]);
}

/** Shiki's name for the kernel's language; IPython is highlighted as Python. */
function fenceLanguage(language: string): string {
  const lang = shikiLanguage(language.toLowerCase());
  return /^[\w+#-]+$/.test(lang) ? lang : 'text';
}
