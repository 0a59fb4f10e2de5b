import fs from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromParse5 } from 'hast-util-from-parse5';
import { parse } from 'parse5';
import { EXIT, visit } from 'unist-util-visit';

/** A URL written in a page: a link a reader follows, or a resource the browser loads by itself. */
export interface Reference {
  element: Element;
  tag: string;
  /** As written: `../zh/a/#x`, `/fastai-notes/_astro/a.css`, `https://…`. */
  value: string;
  kind: 'link' | 'resource';
  /** Resolved against the page's own URL. */
  target: URL;
}

export interface Page {
  /** Absolute path of the HTML file. */
  file: string;
  /** Site path of the page, base included: `/fastai-notes/en/`. */
  url: string;
  tree: Root;
  /** The element children of `<head>`, where the page's metadata is: the rules that read it look only there. */
  head: Element[];
  /** Every id in document order, repeats included. */
  ids: string[];
  references: Reference[];
}

/** A built site as files, read once and shared by every rule. */
export interface BuiltSite {
  dist: string;
  base: string;
  siteOrigin: string;
  /** Sorted by file name. */
  pages: Page[];
  page(url: string): Page | undefined;
  pageOfFile(file: string): Page | undefined;
  /** The built file a static host would answer a site path with, if any, never outside `dist`. */
  resolveFile(sitePath: string): string | undefined;
  /** Files with this extension, sorted. */
  files(ext: string): string[];
  /** Whether a reference leaves the site's origin. */
  isExternal(ref: Reference): boolean;
}

/** Reads a string attribute as HTML has it (class lists joined by spaces). */
export function attr(el: Element, name: string): string | undefined {
  const v = el.properties[name];
  return v === undefined || v === null ? undefined : Array.isArray(v) ? v.join(' ') : String(v);
}

function walkFiles(dir: string, ext: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

function referencesOf(el: Element, here: URL): Reference[] {
  const tag = el.tagName;
  const written: { value: string; kind: Reference['kind'] }[] = [];
  const href = attr(el, 'href');
  if (href !== undefined) written.push({ value: href, kind: tag === 'a' || (tag === 'link' && /\b(alternate|canonical)\b/.test(attr(el, 'rel') ?? '')) ? 'link' : 'resource' });
  const src = attr(el, 'src');
  if (src !== undefined) written.push({ value: src, kind: 'resource' });
  for (const candidate of (attr(el, 'srcSet') ?? '').split(',').map((s) => s.trim().split(/\s+/)[0]).filter(Boolean)) {
    written.push({ value: candidate!, kind: 'resource' });
  }
  for (const m of attr(el, 'style')?.matchAll(/url\(\s*['"]?([^'")]+)/g) ?? []) written.push({ value: m[1]!, kind: 'resource' });
  return written.filter((w) => !/^(data|blob|mailto|tel|javascript):/i.test(w.value)).map((w) => ({ element: el, tag, ...w, target: new URL(w.value, here) }));
}

export function readSite(dist: string, options: { base: string; site: string }): BuiltSite {
  const base = options.base.endsWith('/') ? options.base : `${options.base}/`;
  const siteOrigin = new URL(options.site).origin;
  const pages = walkFiles(dist, '.html').map((file): Page => {
    const rel = path.relative(dist, file).split(path.sep).join('/');
    const url = base + rel.replace(/(^|\/)index\.html$/, '$1');
    const here = new URL(url, siteOrigin);
    // No rule reports a position, and parse5 takes a tenth to a third more CPU keeping them.
    const tree = fromParse5(parse(fs.readFileSync(file, 'utf8'))) as Root;
    const ids: string[] = [];
    const references: Reference[] = [];
    let head: Element[] = [];
    visit(tree, 'element', (el: Element) => {
      const id = attr(el, 'id');
      if (id !== undefined) ids.push(id);
      references.push(...referencesOf(el, here));
      if (el.tagName === 'head') head = el.children.filter((c): c is Element => c.type === 'element');
    });
    return { file, url, tree, head, ids, references };
  });
  const byUrl = new Map(pages.map((p) => [p.url, p]));
  const byFile = new Map(pages.map((p) => [p.file, p]));

  return {
    dist,
    base,
    siteOrigin,
    pages,
    page: (url) => byUrl.get(url),
    pageOfFile: (file) => byFile.get(file),
    resolveFile(sitePath) {
      if (!sitePath.startsWith(base)) return undefined;
      const rel = decodeURIComponent(sitePath.slice(base.length));
      const candidates = rel === '' || rel.endsWith('/') ? [`${rel}index.html`] : [rel, `${rel}/index.html`];
      for (const c of candidates) {
        const full = path.join(dist, c);
        const inside = path.relative(dist, full);
        if (inside.startsWith('..') || path.isAbsolute(inside)) continue;
        if (fs.statSync(full, { throwIfNoEntry: false })?.isFile()) return full;
      }
      return undefined;
    },
    files: (ext) => walkFiles(dist, ext),
    isExternal: (ref) => ref.target.origin !== siteOrigin,
  };
}

/** The first element in the page's `<head>` that passes `test`. */
export function headElement(page: Page, test: (el: Element) => boolean): Element | undefined {
  return page.head.find(test);
}

/** The first element of a page that passes `test`, in document order. */
export function findElement(page: Page, test: (el: Element) => boolean): Element | undefined {
  let found: Element | undefined;
  visit(page.tree, 'element', (el: Element) => {
    if (test(el)) {
      found = el;
      return EXIT;
    }
    return undefined;
  });
  return found;
}
