import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDist, rules, type Rule } from '../../scripts/lib/dist-check';

// A deliberately broken two-page site: each rule of check:dist must catch its fault here.
const broken = checkDist(path.resolve('tests/fixtures/broken-site/b'), { base: '/b/', site: 'https://site.test' });
const by = (rule: Rule) => broken.filter((p) => p.rule === rule).map((p) => `${p.file}: ${p.message}`);

describe('check:dist', () => {
  it('has a module for each rule, and each one finds its fault in the broken site', () => {
    const names = rules.map((r) => r.rule);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(by(name).length, name).toBeGreaterThan(0);
    expect(new Set(broken.map((p) => p.rule))).toEqual(new Set(names));
  });

  it('finds internal links and images that lead to no file under the base, nor beside it', () => {
    expect(by('broken-link')).toEqual([
      'en/a/index.html: <a> links to /b/en/missing/, which is not a file under /b/',
      'en/a/index.html: <a> links to /en/a/, which is not a file under /b/',
      'en/a/index.html: <a> links to /b/..%2Fb-sibling/page.html, which is not a file under /b/',
      'en/a/index.html: <img> loads /b/_astro/gone.png, which is not a file under /b/',
    ]);
  });

  it('finds anchors to ids that do not exist, and accepts ones that do', () => {
    expect(by('broken-anchor')).toEqual([
      'en/a/index.html: ../../zh/a/#nowhere points to an id that zh/a/index.html does not have',
    ]);
  });

  it('finds scripts, styles and fonts from other hosts, but allows ordinary outbound links', () => {
    expect(by('external-resource')).toEqual([
      'en/a/index.html: <script> loads https://cdn.example.com/lib.js from another host; serve it from the site',
      'en/a/index.html: <link> loads https://fonts.example.com/css?family=X from another host; serve it from the site',
      '_astro/site.css: stylesheet loads https://img.example.com/bg.png from another host',
    ]);
  });

  it('finds pages without lang, title, description or canonical URL', () => {
    for (const rule of ['missing-lang', 'missing-title', 'missing-description', 'missing-canonical'] as const) {
      expect(by(rule), rule).toEqual([expect.stringMatching(/^zh\/a\/index\.html: /)]);
    }
  });

  it('finds one-sided hreflang, pages missing from the sitemap, repeated ids, skipped levels, KaTeX errors and stylesheets', () => {
    expect(by('hreflang-not-mutual')).toEqual([
      'en/a/index.html: names /b/zh/a/ as an alternate, but that page does not name this one',
    ]);
    // A page naming another as canonical (en/a/parallel/) stays out of the sitemap; listing one is reported.
    // So does a page marked noindex (en/a/offline/, the offline reader's).
    expect(by('not-in-sitemap')).toEqual([
      'en/a/listed-offline/index.html: /b/en/a/listed-offline/ asks not to be indexed (robots noindex), so the sitemap should not list it',
      'en/a/listed-view/index.html: /b/en/a/listed-view/ names /b/en/a/ as canonical, so the sitemap should list that page instead',
      'zh/a/index.html: /b/zh/a/ is not listed in the sitemap',
    ]);
    expect(by('duplicate-id')).toEqual(['en/a/index.html: id "twice" appears more than once']);
    expect(by('skipped-heading')).toEqual(['en/a/index.html: h3 "Skips h2" follows h1']);
    expect(by('katex-error')).toEqual(['en/a/index.html: formula KaTeX could not render: \\frac{1}{']);
    expect(by('broken-feed-link')).toEqual([
      'en/log/rss.xml: links to http://localhost:4321/b/en/a/, not to the site at https://site.test; set SITE_URL when building',
      'en/log/rss.xml: links to https://site.test/b/en/gone/, which is not a built page',
      'en/log/rss.xml: has an item linking to "/b/_astro/a.png", which is relative; feed readers resolve it against their own page',
      'en/log/rss.xml: has an item linking to https://site.test/b/_astro/gone.png, which is not a built file',
    ]);
    expect(by('stylesheets')).toEqual([
      "en/a/index.html: links 2 stylesheets besides KaTeX's, one is enough: /b/_astro/site.css, https://fonts.example.com/css?family=X",
      "en/a/parallel/index.html: links KaTeX's stylesheet but shows no formula",
      "zh/a/index.html: shows formulas but does not link KaTeX's stylesheet",
    ]);
    expect(by('external-link-rel')).toEqual([
      'en/a/index.html: <a href="https://example.net/"> leaves the site without rel="noopener noreferrer"',
    ]);
  });
});
