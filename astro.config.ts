import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { searchIndex } from './src/integrations/search-index';
import { notesDir } from './src/lib/notes-dir';
import { normalizeBase } from './src/lib/urls';
import { markdownProcessor, shikiConfig } from './src/markdown/config';

// Deployment decides where the site lives: the Pages workflow passes SITE_URL and BASE_PATH.
const base = normalizeBase(process.env['BASE_PATH']);
const site = process.env['SITE_URL'] || 'http://localhost:4321';

export default defineConfig({
  site,
  base,
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  integrations: [mdx(), sitemap(), searchIndex()],
  markdown: {
    processor: markdownProcessor({ notesRoot: notesDir(), base, strictMath: process.env['STRICT_MATH'] === '1' }),
    shikiConfig,
  },
});
