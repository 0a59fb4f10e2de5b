import type { APIContext } from 'astro';
import { siteUrl } from '../lib/hrefs';

/** Lets every crawler in and names the sitemap, which must be an absolute URL. */
export function GET({ site }: APIContext) {
  const sitemap = site ? `Sitemap: ${new URL(siteUrl('/sitemap-index.xml'), site).href}\n` : '';
  return new Response(`User-agent: *\nAllow: /\n\n${sitemap}`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
