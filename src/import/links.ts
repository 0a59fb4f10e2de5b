import path from 'node:path';
import { locales } from '../lib/locales';
import type { Link, Root } from 'mdast';
import { escapesFolder, resolveLocal, type SourceIndex } from './images';
import { destinationStart, mdDest, mdTitle, safeDecode, splitSuffix } from '../lib/markdown/syntax';
import { endOf, startOf, walk } from '../lib/markdown/parse';
import type { Edit } from '../lib/text-edits';

export interface LinkContext {
  noteRel: string;
  index: SourceIndex;
  /** Output path (relative to the notes folder) of the note being written. */
  outPath: string;
  /** Source rel path of every imported note → its output path. */
  imported: ReadonlyMap<string, string>;
  unresolved(url: string, offset: number): void;
  /** A link that would run script when clicked was defused. */
  removed(what: string, offset: number): void;
}

/** `javascript:`, `vbscript:` or `data:` as a link target, however it is spaced or cased. */
export function scriptScheme(url: string): string | undefined {
  return /^(javascript|vbscript|data):/i.exec(url.replace(/[\u0000-\u0020]/g, ''))?.[1]?.toLowerCase();
}

/**
 * Links between imported notes are rewritten to the new files (the site turns relative `.md` links
 * into page URLs). Bare URLs that GFM would extend over Chinese text are cut where the URL ends.
 */
export function rewriteLinks(text: string, tree: Root, ctx: LinkContext): Edit[] {
  const edits: Edit[] = [];
  walk(tree, (node) => {
    if (node.type === 'definition' && scriptScheme(node.url)) {
      ctx.removed(`${scriptScheme(node.url)}: URL in a link definition`, startOf(node));
      const label =
        /^\s*\[(?:\\.|[^\]\\])*\]:/.exec(text.slice(startOf(node), endOf(node)))?.[0] ?? `[${node.identifier}]:`;
      edits.push({ start: startOf(node), end: endOf(node), text: `${label} #` });
    }
    if (node.type !== 'link') return;
    const start = startOf(node);
    const src = text.slice(start, endOf(node));
    const scheme = scriptScheme(node.url);
    if (scheme) {
      // Markdown links are not HTML, but `[x](javascript:…)` still becomes a script link on the page.
      ctx.removed(`${scheme}: URL in a Markdown link`, start);
      const open = destinationStart(src);
      edits.push({
        start,
        end: endOf(node),
        text: src.startsWith('<')
          ? src.slice(1, -1).replace(/:/, '\\:')
          : src.slice(1, open === -1 ? src.indexOf(']') : open - 1),
      });
      return;
    }
    if (!src.startsWith('[') && !src.startsWith('<')) {
      const fixed = fixBareUrl(src);
      if (fixed !== src) edits.push({ start, end: endOf(node), text: fixed });
      return;
    }
    const open = destinationStart(src);
    if (open === -1) return;
    const target = retarget(node, ctx, start);
    if (target === undefined) return;
    if (target === OUTSIDE) {
      // Written as is, the link would name a file outside the notes folder: keep its words only.
      edits.push({ start, end: endOf(node), text: src.slice(1, open - 1) });
      return;
    }
    const title = node.title ? ` ${mdTitle(node.title)}` : '';
    edits.push({ start: start + open, end: endOf(node), text: `(${mdDest(target)}${title})` });
  });
  return edits;
}

/** What `retarget` returns for an unresolved link that, kept as written, would lead out of the notes folder. */
const OUTSIDE = Symbol('outside the notes folder');

function retarget(node: Link, ctx: LinkContext, offset: number): string | typeof OUTSIDE | undefined {
  // Empty links and the site's own routes (`/zh/log/`, written by the importer) are not files.
  if (!node.url.trim() || locales.some((l) => node.url.startsWith(`/${l}/`))) return undefined;
  const resolved = resolveLocal(node.url, ctx.noteRel, ctx.index);
  if (resolved.kind === 'external') return undefined;
  const out = resolved.kind === 'found' ? ctx.imported.get(resolved.rel) : undefined;
  if (!out) {
    ctx.unresolved(node.url, offset);
    const written = safeDecode(splitSuffix(node.url.trim())[0] ?? '').replace(/\\/g, '/');
    // `/lesson6/33.png` meant the source repository's root, which the notes folder now stands for:
    // written relative to it, the site finds the file missing, says so and shows the words.
    if (/^\/(?!\/)/.test(written)) {
      const fromNote = path.posix.relative(path.posix.dirname(ctx.outPath), written.replace(/^\/+/, ''));
      return fromNote.startsWith('.') ? fromNote : `./${fromNote}`;
    }
    return escapesFolder(path.posix.join(path.posix.dirname(ctx.outPath), written)) ? OUTSIDE : undefined;
  }
  const suffix = splitSuffix(node.url)[1] ?? '';
  const rel = path.posix.relative(path.posix.dirname(ctx.outPath), out);
  return `${rel.startsWith('.') ? rel : `./${rel}`}${suffix.startsWith('#') ? suffix : ''}`;
}

/**
 * GFM's autolink literal runs to the next space, so `https://images.google.com/，输入` links the
 * Chinese text too. The URL is cut at the first non-ASCII character and trailing punctuation, and
 * written as `<…>`, which CommonMark ends exactly there.
 */
export function fixBareUrl(src: string): string {
  const cut = src.search(/[^\x21-\x7e]/);
  if (cut === -1) return src;
  let url = src.slice(0, cut);
  while (/[?!.,:;*_~'"]$/.test(url) || (url.endsWith(')') && count(url, '(') < count(url, ')'))) url = url.slice(0, -1);
  if (!url) return src;
  const rest = src.slice(url.length);
  return /^(https?|ftp|mailto):/i.test(url) ? `<${url}>${rest}` : `[${url}](http://${url})${rest}`;
}

function count(s: string, c: string): number {
  return s.split(c).length - 1;
}
