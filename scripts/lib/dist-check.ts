import fs from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';

export type Rule =
  | 'broken-link'
  | 'broken-anchor'
  | 'external-resource'
  | 'missing-lang'
  | 'missing-title'
  | 'missing-description'
  | 'missing-canonical'
  | 'hreflang-not-mutual'
  | 'not-in-sitemap'
  | 'duplicate-id'
  | 'skipped-heading'
  | 'katex-error'
  | 'external-link-rel';

export interface Problem {
  file: string;
  rule: Rule;
  message: string;
}

interface Page {
  file: string;
  /** Site path of the page, base included: `/fastai-notes/en/`. */
  url: string;
  tree: Root;
  ids: Set<string>;
  /** Site path named by `<link rel="canonical">`, when there is one. */
  canonical?: string;
}

const attr = (el: Element, name: string): string | undefined => {
  const v = el.properties[name];
  return v === undefined || v === null ? undefined : Array.isArray(v) ? v.join(' ') : String(v);
};

function walkFiles(dir: string, ext: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/**
 * Reads every HTML page of a built site and lists what would break for a reader or a crawler:
 * links that lead nowhere under the base path, resources from other hosts, missing page metadata,
 * one-sided hreflang, pages missing from the sitemap, repeated ids, skipped heading levels,
 * formulas KaTeX could not render and outbound links without rel="noopener noreferrer".
 */
export function checkDist(dist: string, options: { base: string; site: string }): Problem[] {
  const base = options.base.endsWith('/') ? options.base : `${options.base}/`;
  const siteOrigin = new URL(options.site).origin;
  const problems: Problem[] = [];
  const report = (file: string, rule: Rule, message: string) => problems.push({ file: path.relative(dist, file), rule, message });

  const pages = new Map<string, Page>();
  for (const file of walkFiles(dist, '.html')) {
    const rel = path.relative(dist, file).split(path.sep).join('/');
    const url = base + rel.replace(/(^|\/)index\.html$/, '$1');
    const tree = fromHtml(fs.readFileSync(file, 'utf8')) as Root;
    const ids = new Set<string>();
    pages.set(url, { file, url, tree, ids });
  }

  /** Maps a site path to a built file, as a static host would. */
  const resolveFile = (sitePath: string): string | undefined => {
    if (!sitePath.startsWith(base)) return undefined;
    const rel = decodeURIComponent(sitePath.slice(base.length));
    const candidates = rel === '' || rel.endsWith('/') ? [`${rel}index.html`] : [rel, `${rel}/index.html`];
    for (const c of candidates) {
      const full = path.join(dist, c);
      if (full.startsWith(dist) && fs.existsSync(full) && fs.statSync(full).isFile()) return full;
    }
    return undefined;
  };

  const pageFor = (file: string) => [...pages.values()].find((p) => p.file === file);

  for (const page of pages.values()) {
    const { file, tree, url } = page;
    const here = new URL(url, siteOrigin);
    let lang: string | undefined;
    let title = '';
    let description: string | undefined;
    let canonical: string | undefined;
    const headings: { level: number; text: string }[] = [];
    const anchors: { href: string; target: string; hash: string }[] = [];

    visit(tree, 'element', (el: Element) => {
      const tag = el.tagName;
      if (tag === 'html') lang = attr(el, 'lang');
      if (tag === 'title') title = toText(el).trim();
      if (tag === 'meta' && attr(el, 'name') === 'description') description = attr(el, 'content');
      if (tag === 'link' && attr(el, 'rel') === 'canonical') canonical = attr(el, 'href');
      const id = attr(el, 'id');
      if (id !== undefined) {
        if (page.ids.has(id)) report(file, 'duplicate-id', `id "${id}" appears more than once`);
        page.ids.add(id);
      }
      if (/^h[1-6]$/.test(tag)) headings.push({ level: Number(tag[1]), text: toText(el).trim().slice(0, 60) });
      if (attr(el, 'className')?.split(' ').includes('katex-error')) report(file, 'katex-error', `formula KaTeX could not render: ${toText(el).slice(0, 80)}`);

      const refs: { value: string; kind: 'link' | 'resource' }[] = [];
      const href = attr(el, 'href');
      if (href !== undefined) refs.push({ value: href, kind: tag === 'a' || (tag === 'link' && /\b(alternate|canonical)\b/.test(attr(el, 'rel') ?? '')) ? 'link' : 'resource' });
      const src = attr(el, 'src');
      if (src !== undefined) refs.push({ value: src, kind: 'resource' });
      for (const candidate of (attr(el, 'srcSet') ?? '').split(',').map((s) => s.trim().split(/\s+/)[0]).filter(Boolean)) {
        refs.push({ value: candidate!, kind: 'resource' });
      }
      const style = attr(el, 'style');
      for (const m of style?.matchAll(/url\(\s*['"]?([^'")]+)/g) ?? []) refs.push({ value: m[1]!, kind: 'resource' });

      for (const ref of refs) {
        if (/^(data|blob|mailto|tel|javascript):/i.test(ref.value)) continue;
        const target = new URL(ref.value, here);
        if (target.origin !== here.origin && target.origin !== siteOrigin) {
          if (ref.kind === 'resource') report(file, 'external-resource', `<${tag}> loads ${ref.value} from another host; serve it from the site`);
          const rel = (attr(el, 'rel') ?? '').split(' ');
          if (tag === 'a' && !(rel.includes('noopener') && rel.includes('noreferrer'))) report(file, 'external-link-rel', `<a href="${ref.value}"> leaves the site without rel="noopener noreferrer"`);
          continue;
        }
        if (ref.value.startsWith('#')) {
          anchors.push({ href: ref.value, target: file, hash: decodeURIComponent(ref.value.slice(1)) });
          continue;
        }
        const built = resolveFile(target.pathname);
        if (!built) {
          report(file, 'broken-link', `<${tag}> ${ref.kind === 'link' ? 'links to' : 'loads'} ${ref.value}, which is not a file under ${base}`);
          continue;
        }
        if (target.hash.length > 1 && built.endsWith('.html')) anchors.push({ href: ref.value, target: built, hash: decodeURIComponent(target.hash.slice(1)) });
      }
    });

    if (!lang) report(file, 'missing-lang', '<html> has no lang attribute');
    if (!title) report(file, 'missing-title', 'no <title>');
    if (!description) report(file, 'missing-description', 'no <meta name="description">');
    if (!canonical && !file.endsWith('404.html')) report(file, 'missing-canonical', 'no <link rel="canonical">');
    let previous = 0;
    for (const h of headings) {
      if (previous && h.level > previous + 1) report(file, 'skipped-heading', `h${h.level} "${h.text}" follows h${previous}`);
      previous = h.level;
    }
    (page as Page & { anchors?: typeof anchors }).anchors = anchors;
    if (canonical) page.canonical = new URL(canonical, here).pathname;
  }

  // Anchors are checked once every page's ids are known.
  for (const page of pages.values()) {
    for (const a of (page as Page & { anchors?: { href: string; target: string; hash: string }[] }).anchors ?? []) {
      const target = pageFor(a.target);
      if (target && a.hash !== 'top' && !target.ids.has(a.hash)) report(page.file, 'broken-anchor', `${a.href} points to an id that ${target === page ? 'this page' : path.relative(dist, target.file)} does not have`);
    }
  }

  // hreflang: if A names B as its translation, B must name A.
  const alternatesOf = (page: Page) => {
    const out: string[] = [];
    visit(page.tree, 'element', (el: Element) => {
      if (el.tagName === 'link' && attr(el, 'rel') === 'alternate' && attr(el, 'hrefLang') && attr(el, 'hrefLang') !== 'x-default') {
        out.push(new URL(attr(el, 'href') ?? '', siteOrigin).pathname);
      }
    });
    return out;
  };
  for (const page of pages.values()) {
    for (const other of alternatesOf(page)) {
      if (other === page.url) continue;
      const target = pages.get(other);
      if (!target) continue;
      if (!alternatesOf(target).includes(page.url)) report(page.file, 'hreflang-not-mutual', `names ${other} as an alternate, but that page does not name this one`);
    }
  }

  // Sitemap: every page but the 404 must be listed, except a page that names another as its
  // canonical URL (a side-by-side view of a lesson), which must not be.
  const listed = new Set<string>();
  for (const xml of walkFiles(dist, '.xml').filter((f) => path.basename(f).startsWith('sitemap'))) {
    for (const m of fs.readFileSync(xml, 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)) listed.add(new URL(m[1]!).pathname);
  }
  if (!fs.existsSync(path.join(dist, 'sitemap-index.xml'))) problems.push({ file: 'sitemap-index.xml', rule: 'not-in-sitemap', message: 'the site has no sitemap-index.xml' });
  for (const page of pages.values()) {
    if (page.file.endsWith('404.html')) continue;
    const canonical = page.canonical;
    if (canonical && canonical !== page.url) {
      if (listed.has(page.url)) report(page.file, 'not-in-sitemap', `${page.url} names ${canonical} as canonical, so the sitemap should list that page instead`);
      if (!pages.has(canonical)) report(page.file, 'broken-link', `canonical URL ${canonical} is not a page of this site`);
    } else if (!listed.has(page.url)) report(page.file, 'not-in-sitemap', `${page.url} is not listed in the sitemap`);
  }

  // Stylesheets may pull fonts or images from elsewhere too.
  for (const css of walkFiles(dist, '.css')) {
    for (const m of fs.readFileSync(css, 'utf8').matchAll(/url\(\s*['"]?([^'")]+)/g)) {
      if (/^(https?:)?\/\//i.test(m[1]!) && new URL(m[1]!, siteOrigin).origin !== siteOrigin) {
        report(css, 'external-resource', `stylesheet loads ${m[1]} from another host`);
      }
    }
    for (const m of fs.readFileSync(css, 'utf8').matchAll(/@import\s+(?:url\()?['"]?(https?:\/\/[^'")]+)/g)) report(css, 'external-resource', `stylesheet imports ${m[1]}`);
  }
  return problems;
}
