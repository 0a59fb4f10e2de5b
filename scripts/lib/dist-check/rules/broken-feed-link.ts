import fs from 'node:fs';
import { decodeXML } from 'entities';
import type { DistRule } from '../rule';

/**
 * A feed is read away from the site, so each URL in it must be absolute and still lead somewhere:
 * the channel's and items' `<link>`s and the `rel="self"` link must be pages of this site, and
 * every site URL inside an item's HTML (images, section links) must be a built file. Links to other
 * hosts inside an item are the author's outbound links and are left alone.
 */
export const brokenFeedLink: DistRule = {
  rule: 'broken-feed-link',
  check(site, report) {
    for (const file of site.files('.xml')) {
      const xml = fs.readFileSync(file, 'utf8');
      if (!/<rss[\s>]/.test(xml)) continue;
      const own = [
        ...[...xml.matchAll(/<link>([^<]*)<\/link>/g)].map((m) => decodeXML(m[1]!.trim())),
        ...[...xml.matchAll(/<atom:link\b[^>]*\bhref="([^"]*)"/g)].map((m) => decodeXML(m[1]!)),
      ];
      for (const url of own) {
        let target: URL;
        try {
          target = new URL(url);
        } catch {
          report(file, `links to "${url}", which is not an absolute URL; feed readers cannot follow it`);
          continue;
        }
        if (target.origin !== site.siteOrigin)
          report(file, `links to ${url}, not to the site at ${site.siteOrigin}; set SITE_URL when building`);
        else if (!site.resolveFile(target.pathname)) report(file, `links to ${url}, which is not a built page`);
      }
      for (const m of xml.matchAll(/<content:encoded>([\s\S]*?)<\/content:encoded>/g)) {
        const html = decodeXML(m[1]!.replace(/^<!\[CDATA\[|\]\]>$/g, ''));
        for (const [, , value = ''] of html.matchAll(/\s(href|src)="([^"]*)"/g)) {
          if (/^(https?:)?\/\//.test(value) ? !value.startsWith(site.siteOrigin) : /^(data|mailto):/.test(value)) continue;
          if (!/^https?:/.test(value)) {
            report(file, `has an item linking to "${value}", which is relative; feed readers resolve it against their own page`);
            continue;
          }
          const target = new URL(value);
          if (!site.resolveFile(target.pathname)) report(file, `has an item linking to ${value}, which is not a built file`);
        }
      }
    }
  },
};
