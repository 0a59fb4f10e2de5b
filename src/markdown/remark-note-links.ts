import fs from 'node:fs';
import path from 'node:path';
import type { Definition, Link, Parent, Root } from 'mdast';
import type { VFile } from 'vfile';
import type { UiKey } from '../i18n/ui';
import { imageFileProblem } from '../node/image-file';
import { defaultLocale } from '../lib/locales';
import { forEachNode } from '../lib/markdown/nodes';
import { safeDecode, splitSuffix } from '../lib/markdown/syntax';
import { outsideNotesFolder } from '../node/notes-dir';
import { EXTERNAL_URL, localizedPath, withBase } from '../lib/urls';
import { externalImageLink, placeholder } from './image-placeholders';
import { warnAt } from './report';
import { noteSource } from './source';

export interface NoteLinkOptions {
  /** The notes folder, to tell which collection and locale a linked `.md` file belongs to. */
  notesRoot: string;
  /** The site's base path (`/` or `/fastai-notes/`). */
  base: string;
}

/** Images a browser would fetch from another host (`data:` images are part of the page). */
const OTHER_HOST = /^(https?:)?\/\//i;

/**
 * Makes links written for a notes folder work on the site: relative links between notes become
 * page URLs, site-absolute links get the base path, and an image that does not exist becomes a
 * visible placeholder (with a warning naming the note) instead of failing the whole build.
 *
 * Nothing outside the notes folder is read or published, whoever wrote the note: a link or image
 * that resolves outside it (a `../` too many, a symbolic link) is refused with a warning, the link
 * kept as text and the image as a placeholder. A file that is not the image it claims to be (an
 * HTML page or a Git LFS pointer saved as `.png`, a truncated JPEG) gets a placeholder too, instead
 * of stopping Astro's image pipeline with no note named.
 */
export function remarkNoteLinks(options: NoteLinkOptions) {
  const { notesRoot, base } = options;
  return (tree: Root, file: VFile) => {
    const dir = file.path ? path.dirname(file.path) : undefined;
    const here = noteSource(file.path, notesRoot);
    const locale = here?.locale ?? defaultLocale;

    // Links that would lead nowhere on the site: each becomes its own words, in place.
    const deadLinks: { node: Link; parent: Parent }[] = [];
    forEachNode(tree, (node, _index, parent) => {
      if (node.type !== 'link') return;
      const url = node.url;
      if (!url || EXTERNAL_URL.test(url) || url.startsWith('#')) return;
      if (url.startsWith('/')) {
        node.url = withBase(url, base);
        return;
      }
      if (!dir) return;
      const [target, suffix] = splitSuffix(url);
      const resolved = path.resolve(dir, safeDecode(target));
      if (outsideNotesFolder(resolved, notesRoot)) {
        warnAt(
          file,
          node,
          `link to "${url}" leads outside the notes folder (${notesRoot}); it is shown as text. Link to a note inside the folder or to an external URL`,
          'outside-notes',
        );
        if (parent) deadLinks.push({ node, parent });
        return;
      }
      const linked = noteSource(resolved, notesRoot);
      if (!fs.existsSync(resolved)) {
        warnAt(
          file,
          node,
          `link to "${url}" points to a file that does not exist; it is shown as text. Fix the path or remove the link`,
          'missing-link',
        );
        if (parent) deadLinks.push({ node, parent });
        return;
      }
      if (linked && /\.mdx?$/i.test(resolved)) {
        node.url = withBase(localizedPath(linked.locale, linked.collection, linked.slug), base) + suffix;
        return;
      }
      warnAt(
        file,
        node,
        `link to "${url}" is a file the site does not publish; it is shown as text. Link to a note or an external URL`,
        'unpublished-link',
      );
      if (parent) deadLinks.push({ node, parent });
    });

    for (const { node, parent } of deadLinks)
      parent.children.splice(parent.children.indexOf(node), 1, ...(node.children as typeof parent.children));

    const definitions = new Map<string, Definition>();
    forEachNode(tree, (node) => {
      if (node.type === 'definition' && !definitions.has(node.identifier)) definitions.set(node.identifier, node);
    });

    /** The placeholder key and warning for a relative image that must not reach Astro, if any. */
    const refusal = (url: string): { key: UiKey; message: string; ruleId: string } | undefined => {
      if (!dir) return undefined;
      const resolved = path.resolve(dir, safeDecode(splitSuffix(url)[0]));
      if (outsideNotesFolder(resolved, notesRoot)) {
        return {
          key: 'image.outside',
          ruleId: 'outside-notes',
          message: `image "${url}" is outside the notes folder (${notesRoot}) and is not published; a placeholder is shown instead. Copy the image into the notes folder`,
        };
      }
      if (!fs.existsSync(resolved))
        return {
          key: 'image.missing',
          ruleId: 'missing-image',
          message: `image "${url}" does not exist; a placeholder is shown instead. Add the file or fix the path`,
        };
      const problem = fs.statSync(resolved).isFile() ? imageFileProblem(resolved) : 'is a folder, not an image';
      return problem
        ? {
            key: 'image.unreadable',
            ruleId: 'broken-image',
            message: `image "${url}" ${problem}; a placeholder is shown instead`,
          }
        : undefined;
    };

    forEachNode(tree, (image, index, parent) => {
      if (image.type !== 'image' && image.type !== 'imageReference') return;
      const url = image.type === 'image' ? image.url : definitions.get(image.identifier)?.url;
      if (url && OTHER_HOST.test(url)) {
        warnAt(
          file,
          image,
          `image "${url}" is on another host, which the site never loads; a link to it is shown instead. Copy the image into the notes folder to show it`,
          'external-image',
        );
        parent.children[index] = externalImageLink(
          locale,
          url,
          image.alt,
          parent.type === 'link',
        ) as (typeof parent.children)[number];
        return;
      }
      if (!url || EXTERNAL_URL.test(url)) return;
      if (url.startsWith('/')) {
        if (image.type === 'image') image.url = withBase(url, base);
        return;
      }
      const refused = refusal(url);
      if (!refused) return;
      warnAt(file, image, refused.message, refused.ruleId);
      parent.children[index] = placeholder(locale, refused.key, url, image.alt) as (typeof parent.children)[number];
    });
  };
}
