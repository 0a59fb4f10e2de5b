import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Element, Root, Text } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { toHtml } from 'hast-util-to-html';
import * as pagefind from 'pagefind';
import { visit, SKIP } from 'unist-util-visit';
import { spaceCjkNode, unspaceCjk } from '../lib/search/cjk';

/** Where each language's search bundle is written, relative to the site root. */
export const bundleDir = (lang: string) => `pagefind/${lang}/`;

/**
 * The HTML Pagefind reads: the page as built, with every CJK character in the indexed text
 * made a word of its own (see lib/search/cjk.ts). The files in dist are left untouched.
 */
export function indexableHtml(html: string): string {
  const tree = fromHtml(html) as Root;
  visit(tree, (node, _index, parent) => {
    if (node.type !== 'element' && node.type !== 'text') return undefined;
    if (node.type === 'element' && ['script', 'style', 'template'].includes(node.tagName)) return SKIP;
    // KaTeX writes each formula three times (MathML, TeX annotation, HTML); index the TeX once.
    if (node.type === 'element' && classes(node).includes('katex')) {
      node.children = [{ type: 'text', value: ` ${texOf(node)} ` }];
      return SKIP;
    }
    if (node.type === 'text' && parent) (node as Text).value = spaceCjkNode((node as Text).value);
    return undefined;
  });
  return toHtml(tree);
}

/**
 * The text Pagefind indexes for a page (inside data-pagefind-body, without data-pagefind-ignore),
 * as a reader would read it: the ground truth for measuring search quality.
 */
export function indexedText(html: string): string {
  const tree = fromHtml(indexableHtml(html)) as Root;
  let body: Element | undefined;
  visit(tree, 'element', (el: Element) => {
    if (el.properties['dataPagefindBody'] !== undefined) {
      body = el;
      return SKIP;
    }
    return undefined;
  });
  if (!body) return '';
  visit(body, 'element', (el: Element, index, parent) => {
    if (el.properties['dataPagefindIgnore'] !== undefined && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return index;
    }
    return undefined;
  });
  // Block boundaries stay visible (¶), as Pagefind keeps them apart too: a term never spans two blocks.
  return unspaceCjk(toText(body))
    .split(/[\n\t]+/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join(' ¶ ');
}

function classes(node: Element): string[] {
  const value = node.properties['className'];
  return Array.isArray(value) ? value.map(String) : [];
}

function texOf(node: Element): string {
  let tex = '';
  visit(node, 'element', (el: Element) => {
    if (el.tagName === 'annotation') {
      tex = el.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
      return SKIP;
    }
    return undefined;
  });
  return tex;
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** Reads `<html lang="zh-CN">` as `zh`. */
export function pageLanguage(html: string): string | undefined {
  return /<html[^>]*\blang="([a-zA-Z]+)/.exec(html)?.[1]?.toLowerCase();
}

/**
 * Builds one Pagefind bundle per language after Astro has written the site, from the pages that
 * mark their reading content with data-pagefind-body. Separate bundles (rather than one bundle
 * with two languages) let the browser run each language's own query processing, so English
 * stemming keeps working while both languages are searched together.
 */
export function searchIndex(): AstroIntegration {
  return {
    name: 'notes-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const byLang = new Map<string, { url: string; content: string }[]>();
        for (const file of await htmlFiles(root)) {
          const html = await fs.readFile(file, 'utf8');
          if (!html.includes('data-pagefind-body')) continue;
          const lang = pageLanguage(html);
          if (!lang) continue;
          const rel = path.relative(root, file).split(path.sep).join('/');
          const url = '/' + rel.replace(/index\.html$/, '');
          const list = byLang.get(lang) ?? [];
          list.push({ url, content: indexableHtml(html) });
          byLang.set(lang, list);
        }
        for (const [lang, pages] of [...byLang].sort(([a], [b]) => a.localeCompare(b))) {
          const { index, errors } = await pagefind.createIndex({ forceLanguage: lang });
          if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          for (const page of pages) {
            const res = await index.addHTMLFile({ url: page.url, content: page.content });
            if (res.errors.length) throw new Error(`Pagefind could not index ${page.url}: ${res.errors.join('; ')}`);
          }
          const out = path.join(root, bundleDir(lang));
          const written = await index.writeFiles({ outputPath: out });
          if (written.errors.length) throw new Error(`Pagefind could not write ${out}: ${written.errors.join('; ')}`);
          await index.deleteIndex();
          logger.info(`indexed ${pages.length} ${lang} pages into ${bundleDir(lang)}`);
        }
        await pagefind.close();
      },
    },
  };
}
