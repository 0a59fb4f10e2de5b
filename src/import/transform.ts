import type { Definition, Heading, Image, Root } from 'mdast';
import { sanitizeHtml } from '../lib/html/markdown-html';
import path from 'node:path';
import { imageFileProblem } from '../node/image-file';
import { formulaImageTex, formulaMarkdown } from './formula-images';
import { imageOutput, missingImageUrl, resolveLocal, type SourceIndex } from './images';
import { rewriteLinks } from './links';
import { destinationStart, mdDest, mdImage, mdTitle } from '../lib/markdown/syntax';
import { endOf, parse, startOf, walk } from '../lib/markdown/parse';
import { outlineEdits } from './outline';
import { applyEdits, lineStarts, sourceLine, type Edit, type LineMap } from '../lib/text-edits';
import type { Findings } from './types';

/** Everything the second pass needs to know about the note it rewrites. */
export interface TransformContext {
  /** Source path shown in reports (`fastai-notes/chinese/Lesson1.md`). */
  display: string;
  /** Path inside the source folder. */
  noteRel: string;
  /** The source folder, absolute: images are read from it. */
  root: string;
  index: SourceIndex;
  /** Output Markdown file, relative to the notes folder (`lessons/zh/lesson-1.md`). */
  outPath: string;
  imported: ReadonlyMap<string, string>;
  findings: Findings;
  /** Collects image copies: output path → source rel path. */
  copy(outPath: string, fromRel: string): void;
}

/**
 * Second pass: with the text now parsing as intended, sanitise HTML, move images beside the note,
 * retarget links and fix the heading outline. `drop` is the title heading, which the site renders.
 * `tree` is the text's parse, when the caller has it: it is only read, and parsing is most of an
 * import's time.
 */
export function transformBody(
  text: string,
  lineMap: LineMap,
  ctx: TransformContext,
  drop?: (tree: Root) => Heading | undefined,
  tree: Root = parse(text, { math: true }),
): string {
  const starts = lineStarts(text);
  const lineAt = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return sourceLine(lineMap, lo + 1);
  };
  const place = (offset: number) => {
    const line = lineAt(offset);
    return line === undefined ? { file: ctx.display } : { file: ctx.display, line };
  };
  const slash = ctx.outPath.lastIndexOf('/');
  const dirOut = ctx.outPath.slice(0, slash);
  const assetDir = ctx.outPath.slice(slash + 1).replace(/\.md$/, '');

  const imageUrl = (url: string, offset: number): string | undefined => {
    const resolved = resolveLocal(url, ctx.noteRel, ctx.index);
    if (resolved.kind === 'external') return undefined;
    if (resolved.kind === 'missing') {
      ctx.findings.missingImages.push({ ...place(offset), note: ctx.outPath, path: url });
      return missingImageUrl(url, ctx.outPath);
    }
    if (resolved.kind === 'refused') {
      ctx.findings.refused.push({ ...place(offset), note: ctx.outPath, path: url, reason: resolved.reason });
      return missingImageUrl(url, ctx.outPath);
    }
    const target = imageOutput(resolved.rel, ctx.noteRel, dirOut, assetDir);
    // Not copied when it is not the image it claims to be: the page shows a placeholder instead.
    const problem = imageFileProblem(path.join(ctx.root, resolved.rel));
    if (problem) ctx.findings.refused.push({ ...place(offset), note: ctx.outPath, path: url, reason: problem });
    else ctx.copy(target.outPath, resolved.rel);
    return target.url;
  };

  const formula = (tex: string, offset: number): string => {
    const { markdown, typeset } = formulaMarkdown(tex);
    ctx.findings.formulaImages.push({ ...place(offset), tex, typeset });
    return markdown;
  };

  const edits: Edit[] = [
    ...sanitizeHtml(text, tree, {
      image: (img, offset) => {
        const tex = formulaImageTex(img.src, img.title || img.alt);
        if (tex !== undefined) return formula(tex, offset);
        return mdImage(imageUrl(img.src, offset) ?? img.src, img.alt || img.title, img.title || undefined);
      },
      removed: (what, offset) => ctx.findings.htmlRemoved.push({ ...place(offset), what }),
      repaired: (what, offset) => ctx.findings.htmlRepaired.push({ ...place(offset), what }),
    }),
    ...imageEdits(text, tree, imageUrl, formula),
    ...rewriteLinks(text, tree, {
      noteRel: ctx.noteRel,
      index: ctx.index,
      outPath: ctx.outPath,
      imported: ctx.imported,
      unresolved: (url, offset) => ctx.findings.unresolvedLinks.push({ ...place(offset), url }),
      removed: (what, offset) => ctx.findings.htmlRemoved.push({ ...place(offset), what }),
    }),
    ...outlineEdits(text, tree, drop?.(tree)),
  ];
  return tidy(applyEdits(text, edits));
}

function imageEdits(
  text: string,
  tree: Root,
  imageUrl: (url: string, offset: number) => string | undefined,
  formula: (tex: string, offset: number) => string,
): Edit[] {
  const edits: Edit[] = [];
  const definitions = new Map<string, Definition>();
  const referenced = new Set<string>();
  walk(tree, (node) => {
    if (node.type === 'definition') definitions.set(node.identifier, node);
    if (node.type === 'imageReference') referenced.add(node.identifier);
    if (node.type !== 'image') return;
    const tex = formulaImageTex(node.url, node.title || node.alt || '');
    if (tex !== undefined) {
      edits.push({ start: startOf(node), end: endOf(node), text: formula(tex, startOf(node)) });
      return;
    }
    const edit = rewriteImage(text, node, imageUrl);
    if (edit) edits.push(edit);
  });
  for (const id of [...referenced].sort()) {
    const def = definitions.get(id);
    if (!def) continue;
    const url = imageUrl(def.url, startOf(def));
    if (url === undefined || url === def.url) continue;
    const src = text.slice(startOf(def), endOf(def));
    const label = /^\[(?:\\.|[^\]\\])*\]:/.exec(src)?.[0] ?? `[${id}]:`;
    edits.push({
      start: startOf(def),
      end: endOf(def),
      text: `${label} ${mdDest(url)}${def.title ? ` ${mdTitle(def.title)}` : ''}`,
    });
  }
  return edits;
}

function rewriteImage(
  text: string,
  node: Image,
  imageUrl: (url: string, offset: number) => string | undefined,
): Edit | undefined {
  const start = startOf(node);
  const src = text.slice(start, endOf(node));
  const open = destinationStart(src);
  if (open === -1) return undefined;
  const url = imageUrl(node.url, start);
  if (url === undefined || url === node.url) return undefined;
  return {
    start: start + open,
    end: endOf(node),
    text: `(${mdDest(url)}${node.title ? ` ${mdTitle(node.title)}` : ''})`,
  };
}

/** LF only, no leading blank lines, exactly one newline at the end. */
function tidy(body: string): string {
  return `${body.replace(/^\s*\n/, '').trimEnd()}\n`;
}
