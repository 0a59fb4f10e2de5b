import fs from 'node:fs';
import type { DistRule } from '../rule';

/** A script, stylesheet, font or image loaded from another host: the site must work offline. */
export const externalResource: DistRule = {
  rule: 'external-resource',
  check(site, report) {
    for (const page of site.pages) {
      for (const ref of page.references) {
        if (ref.kind === 'resource' && site.isExternal(ref)) report(page.file, `<${ref.tag}> loads ${ref.value} from another host; serve it from the site`);
      }
    }
    // Stylesheets may pull fonts or images from elsewhere too.
    for (const css of site.files('.css')) {
      const text = fs.readFileSync(css, 'utf8');
      for (const m of text.matchAll(/url\(\s*['"]?([^'")]+)/g)) {
        if (/^(https?:)?\/\//i.test(m[1]!) && new URL(m[1]!, site.siteOrigin).origin !== site.siteOrigin) report(css, `stylesheet loads ${m[1]} from another host`);
      }
      for (const m of text.matchAll(/@import\s+(?:url\()?['"]?(https?:\/\/[^'")]+)/g)) report(css, `stylesheet imports ${m[1]}`);
    }
  },
};
