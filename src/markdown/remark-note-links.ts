import fs from 'node:fs';
import path from 'node:path';
import type { Image, Link, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { t } from '../i18n/ui';
import { defaultLocale } from '../lib/locales';
import { localizedPath, withBase } from '../lib/urls';
import { warnAt } from './report';
import { noteSource } from './source';

export interface NoteLinkOptions {
  /** The notes folder, to tell which collection and locale a linked `.md` file belongs to. */
  notesRoot: string;
  /** The site's base path (`/` or `/fastai-notes/`). */
  base: string;
}

const EXTERNAL = /^([a-z][a-z0-9+.-]*:|\/\/)/i;

function splitHash(url: string): [string, string] {
  const i = url.search(/[?#]/);
  return i === -1 ? [url, ''] : [url.slice(0, i), url.slice(i)];
}

function decode(p: string): string {
  try {
    return decodeURIComponent(p);
  } catch {
    return p;
  }
}

/**
 * Makes links written for a notes folder work on the site: relative links between notes become
 * page URLs, site-absolute links get the base path, and an image that does not exist becomes a
 * visible placeholder (with a warning naming the note) instead of failing the whole build.
 */
export function remarkNoteLinks(options: NoteLinkOptions) {
  const { notesRoot, base } = options;
  return (tree: Root, file: VFile) => {
    const dir = file.path ? path.dirname(file.path) : undefined;
    const here = noteSource(file.path, notesRoot);
    const locale = here?.locale ?? defaultLocale;

    visit(tree, 'link', (node: Link) => {
      const url = node.url;
      if (!url || EXTERNAL.test(url) || url.startsWith('#')) return;
      if (url.startsWith('/')) {
        node.url = withBase(url, base);
        return;
      }
      if (!dir) return;
      const [target, suffix] = splitHash(url);
      const resolved = path.resolve(dir, decode(target));
      const linked = noteSource(resolved, notesRoot);
      if (!fs.existsSync(resolved)) {
        warnAt(file, node, `link to "${url}" points to a file that does not exist; fix the path or remove the link`, 'missing-link');
        return;
      }
      if (linked && /\.(mdx?|ipynb)$/i.test(resolved)) {
        node.url = withBase(localizedPath(linked.locale, linked.collection, linked.slug), base) + suffix;
        return;
      }
      warnAt(file, node, `link to "${url}" is a file the site does not publish; link to a note or an external URL`, 'unpublished-link');
    });

    visit(tree, 'image', (node: Image, index, parent) => {
      const url = node.url;
      if (!url || EXTERNAL.test(url)) return;
      if (url.startsWith('/')) {
        node.url = withBase(url, base);
        return;
      }
      if (!dir || index === undefined || !parent) return;
      const resolved = path.resolve(dir, decode(splitHash(url)[0]));
      if (fs.existsSync(resolved)) return;
      warnAt(file, node, `image "${url}" does not exist; a placeholder is shown instead. Add the file or fix the path`, 'missing-image');
      const label = t(locale, 'image.missing', { path: url });
      parent.children[index] = {
        type: 'text',
        value: label,
        data: {
          hName: 'span',
          hProperties: { className: ['missing-image'], role: 'img', ariaLabel: node.alt ? `${node.alt} — ${label}` : label },
          hChildren: [{ type: 'text', value: label }],
        },
      };
    });
  };
}
