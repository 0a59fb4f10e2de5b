import fs from 'node:fs';
import path from 'node:path';
import type { DistRule } from '../rule';

/** Every page but the 404 must be listed in the sitemap, or crawlers may never find it. */
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
      if (!page.file.endsWith('404.html') && !listed.has(page.url)) report(page.file, `${page.url} is not listed in the sitemap`);
    }
  },
};
