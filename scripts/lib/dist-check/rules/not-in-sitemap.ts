import fs from 'node:fs';
import path from 'node:path';
import type { DistRule } from '../rule';
import { attr, headElement, type Page } from '../site';

/** The site path a page names with `<link rel="canonical">`, when it names one. */
function canonicalPath(page: Page, siteOrigin: string): string | undefined {
  const link = headElement(page, (el) => el.tagName === 'link' && attr(el, 'rel') === 'canonical');
  const href = link && attr(link, 'href');
  return href === undefined ? undefined : new URL(href, new URL(page.url, siteOrigin)).pathname;
}

/** Whether a page asks crawlers not to index it (the offline reader's offline pages). */
function noindex(page: Page): boolean {
  const meta = headElement(page, (el) => el.tagName === 'meta' && attr(el, 'name') === 'robots');
  return /\bnoindex\b/.test((meta && attr(meta, 'content')) ?? '');
}

/**
 * Every page but the 404 and those marked noindex must be listed in the sitemap, or crawlers may never find it — except a
 * page that names another as its canonical URL (a side-by-side view of a lesson), which must not be.
 */
export const notInSitemap: DistRule = {
  rule: 'not-in-sitemap',
  check(site, report) {
    const index = path.join(site.dist, 'sitemap-index.xml');
    if (!fs.existsSync(index)) report(index, 'the site has no sitemap-index.xml');
    const listed = new Set<string>();
    for (const xml of site.files('.xml').filter((f) => path.basename(f).startsWith('sitemap'))) {
      for (const m of fs.readFileSync(xml, 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)) listed.add(new URL(m[1]!).pathname);
    }
    for (const page of site.pages) {
      if (page.file.endsWith('404.html')) continue;
      const canonical = canonicalPath(page, site.siteOrigin);
      if (noindex(page)) {
        if (listed.has(page.url)) report(page.file, `${page.url} asks not to be indexed (robots noindex), so the sitemap should not list it`);
      } else if (canonical && canonical !== page.url) {
        if (listed.has(page.url)) report(page.file, `${page.url} names ${canonical} as canonical, so the sitemap should list that page instead`);
      } else if (!listed.has(page.url)) report(page.file, `${page.url} is not listed in the sitemap`);
    }
  },
};
