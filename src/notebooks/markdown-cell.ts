import fs from 'node:fs';
import path from 'node:path';
import type { Image } from 'mdast';
import { sanitizeHtml } from '../lib/html/markdown-html';
import { destinationStart, mdDest, mdImage, mdTitle } from '../lib/markdown/syntax';
import { endOf, parse, startOf, walk } from '../lib/markdown/parse';
import { applyEdits, type Edit } from '../lib/text-edits';
import { outsideNotesFolder } from '../node/notes-dir';
import { IMAGE_EXTENSIONS, parseDataUrl, placeImage, type NotebookAsset } from './assets';
import type { MimeBundle } from './nbformat';
import { EXTERNAL_URL } from '../lib/urls';

export interface CellImages {
  /** The cell's `attachments`: `![](attachment:plot.png)` points into them. */
  attachments: Record<string, MimeBundle>;
  assets: Map<string, NotebookAsset>;
  assetUrl(file: string): string;
  /** Folder of the notebook file, for images written relative to it. */
  dir: string;
  /** The notes folder: nothing outside it is read or published. */
  notesRoot: string;
  report(message: string): void;
}

/**
 * Prepares a Markdown cell for the site's Markdown pipeline, the one lessons go through. Jupyter
 * lets a cell embed raw HTML, attachments and pictures from anywhere, which a note in the notes
 * folder does not: raw HTML goes through the importer's sanitiser, attachments and embedded images
 * become files of the build, and images from other hosts (a Colab badge) become links, so the page
 * never loads anything from another host. Missing local images are left for the pipeline's
 * placeholder.
 */
export function prepareMarkdown(source: string, images: CellImages): string {
  const tree = parse(source, { math: true });
  const edits: Edit[] = sanitizeHtml(source, tree, {
    image: (img) => imageMarkdown(img.src, img.alt || img.title, img.title, images),
    removed: (what) => images.report(`removed ${what} from a Markdown cell`),
    repaired: () => undefined,
  });
  walk(tree, (node) => {
    if (node.type === 'image') {
      const edit = imageEdit(source, node, images);
      if (edit) edits.push(edit);
    }
  });
  const text = applyEdits(source, edits);
  // A cell that starts with a thematic break would be read as frontmatter by the pipeline.
  return /^(---|\+\+\+)\s*$/m.test(text.split('\n', 1)[0] ?? '') ? `\n${text}` : text;
}

function imageEdit(source: string, node: Image, images: CellImages): Edit | undefined {
  const start = startOf(node);
  const target = resolveImage(node.url, images);
  if (target.kind === 'keep') return undefined;
  if (target.kind === 'link')
    return { start, end: endOf(node), text: `[${linkText(node.alt || node.url)}](${mdDest(node.url)})` };
  const open = destinationStart(source.slice(start, endOf(node)));
  if (open === -1) return undefined;
  return {
    start: start + open,
    end: endOf(node),
    text: `(${mdDest(target.url)}${node.title ? ` ${mdTitle(node.title)}` : ''})`,
  };
}

function imageMarkdown(src: string, alt: string, title: string, images: CellImages): string {
  const target = resolveImage(src, images);
  if (target.kind === 'link') return `[${linkText(alt || src)}](${mdDest(src)})`;
  return mdImage(target.kind === 'file' ? target.url : src, alt, title || undefined);
}

function linkText(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/[\\`*_[\]<>!$&]/g, '\\$&');
}

type Target = { kind: 'keep' } | { kind: 'link' } | { kind: 'file'; url: string };

function resolveImage(url: string, images: CellImages): Target {
  const trimmed = url.trim();
  if (/^attachment:/i.test(trimmed)) {
    const name = decodeURIComponent(trimmed.slice('attachment:'.length));
    const bundle = images.attachments[name];
    const mime = bundle && Object.keys(bundle).find((m) => IMAGE_EXTENSIONS[m]);
    const placed =
      mime && bundle?.[mime] !== undefined ? placeImage(mime, bundle[mime], images.assets, 'attachment') : undefined;
    if (placed) return { kind: 'file', url: images.assetUrl(placed.file) };
    images.report(`attachment "${name}" is not in the cell's attachments; a placeholder is shown`);
    return { kind: 'file', url: `./${name}` };
  }
  const data = parseDataUrl(trimmed);
  if (data) {
    const placed = placeImage(data.mime, data.base64, images.assets, 'image');
    return placed ? { kind: 'file', url: images.assetUrl(placed.file) } : { kind: 'link' };
  }
  if (/^(https?:)?\/\//i.test(trimmed)) return { kind: 'link' };
  if (EXTERNAL_URL.test(trimmed) || trimmed.startsWith('/') || trimmed === '') return { kind: 'keep' };
  // An image beside the notebook, inside the notes folder, is published with the page.
  const file = path.resolve(images.dir, decodeURIComponent(trimmed.split(/[?#]/)[0] ?? ''));
  const mime =
    Object.entries(IMAGE_EXTENSIONS).find(([, ext]) => file.toLowerCase().endsWith(`.${ext}`))?.[0] ??
    (/\.jpeg$/i.test(file) ? 'image/jpeg' : undefined);
  // Left as written, an image outside the folder (a symbolic link too) meets the Markdown pipeline's
  // refusal and placeholder, as in a lesson.
  if (outsideNotesFolder(file, images.notesRoot) || !mime || !fs.existsSync(file)) return { kind: 'keep' };
  const placed = placeImage(mime, fs.readFileSync(file).toString('base64'), images.assets, 'image');
  return placed ? { kind: 'file', url: images.assetUrl(placed.file) } : { kind: 'keep' };
}
