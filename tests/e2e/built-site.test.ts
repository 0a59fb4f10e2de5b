import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { checkDist } from '../../scripts/lib/dist-check';
import { E2E_BASE, E2E_DIST, E2E_SITE } from './support/constants';

// The test site as files: what a host would publish, read without a browser.
const htmlPages = () =>
  fs
    .readdirSync(E2E_DIST, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.relative(E2E_DIST, path.join(e.parentPath, e.name)));

describe('the built test site', () => {
  // Our own notes and config leave the author nothing to act on, so a new complaint stands out.
  it('builds with no warning or error from Astro and no problem reported in a note', () => {
    expect(inject('e2eBuildComplaints')).toEqual([]);
  });

  it('has 24 lesson pages and 32 log pages with no KaTeX error anywhere', () => {
    const pages = htmlPages();
    expect(pages.filter((p) => /^(zh|en)\/lessons\/[^/]+\/index\.html$/.test(p)).length).toBe(24);
    expect(pages.filter((p) => /^(zh|en)\/log\/\d{4}-[^/]+\/index\.html$/.test(p)).length).toBe(32);
    expect(pages.filter((p) => fs.readFileSync(path.join(E2E_DIST, p), 'utf8').includes('katex-error'))).toEqual([]);
  });

  it("ships one copy of Pagefind's runtime for both language bundles, and no file no page loads", () => {
    const dir = path.join(E2E_DIST, 'pagefind');
    const files = fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
    expect(files.filter((f) => f.endsWith('.js'))).toEqual(['pagefind.js']);
    for (const lang of ['zh', 'en']) {
      expect(files).toContain(`${lang}/pagefind-entry.json`);
      expect(files.filter((f) => f.startsWith(`${lang}/wasm.`))).toHaveLength(1);
    }
    expect(files.filter((f) => /pagefind-(ui|worker|highlight)|\.css$/.test(f))).toEqual([]);
  });

  it("ships KaTeX's fonts as WOFF2 only, each one its stylesheet names", () => {
    const assets = fs.readdirSync(path.join(E2E_DIST, '_astro'));
    const sheet = assets.find((f) => /^katex\.min\..*\.css$/.test(f));
    expect(sheet).toBeDefined();
    const named = [...fs.readFileSync(path.join(E2E_DIST, '_astro', sheet!), 'utf8').matchAll(/url\(([^)]+)\)/g)].map(
      (m) => path.posix.basename(m[1]!),
    );
    const fonts = assets.filter((f) => f.startsWith('KaTeX_'));
    expect(fonts.filter((f) => !f.endsWith('.woff2'))).toEqual([]);
    expect(new Set(named)).toEqual(new Set(fonts));
    expect(fonts.length).toBe(20);
  });

  it('passes every check:dist rule (links, anchors, hosts, metadata, hreflang, sitemap, ids, headings)', () => {
    const problems = checkDist(E2E_DIST, { base: E2E_BASE, site: E2E_SITE }).map(
      (p) => `${p.file}: [${p.rule}] ${p.message}`,
    );
    expect(problems).toEqual([]);
  }, 300_000); // parses every page: about 10 s on an idle machine, several times that on a busy one
});
