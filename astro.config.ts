import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeColours } from './src/integrations/code-colours';
import { katexFonts } from './src/integrations/katex-fonts';
import { liveContent } from './src/integrations/live-content';
import { mdxHeadingIds } from './src/integrations/mdx-heading-ids';
import { offlineReader } from './src/integrations/offline';
import { searchIndex } from './src/integrations/search-index';
import { offlineEnabled } from './src/lib/offline/config';
import { pageStartScriptHash } from './src/lib/page-start-script';
import { normalizeBase } from './src/lib/urls';
import { markdownConfig, siteMarkdownSetup } from './src/markdown/config';

// Deployment decides where the site lives: the Pages workflow passes SITE_URL and BASE_PATH.
const base = normalizeBase(process.env['BASE_PATH']);
const site = process.env['SITE_URL'] || 'http://localhost:4321';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));
/** What builds, tools and benchmarks write beside the sources: not watched by the dev server. */
const builtOrCached = /^(?:dist[^/]*|\.cache|bench-results)(?:\/|$)/;

export default defineConfig({
  site,
  base,
  trailingSlash: 'ignore',
  // mdxHeadingIds checks .mdx sources before mdx() parses them.
  // Side-by-side pages repeat their lesson and name it as canonical: only the lesson is listed; the
  // offline pages are for readers without a network, not for crawlers.
  // The offline reader runs after the search index: saving a language includes its bundle. Both run
  // after Astro's process has ended when `npm run build` started it (src/integrations/after-astro.ts).
  integrations: [
    mdxHeadingIds(),
    mdx(),
    codeColours(),
    katexFonts(),
    liveContent(),
    sitemap({ filter: (page) => !/\/(parallel|offline)\/$/.test(page) }),
    searchIndex(),
    offlineReader({ enabled: offlineEnabled(), mark: fileURLToPath(new URL('./public/favicon.svg', import.meta.url)) }),
  ],
  vite: {
    server: {
      // The dev server watches the project for edits; builds, tools and benchmarks leave thousands
      // of files beside it (dist*/, .cache/, bench-results/), and stat-ing them all at start cost
      // the first page about a second.
      watch: {
        ignored: [(file: string) => builtOrCached.test(path.relative(projectRoot, file).replaceAll('\\', '/'))],
      },
    },
    // Notes written in .mdx import their components from one place, wherever the notes folder is.
    resolve: {
      alias: { '@notes/components': fileURLToPath(new URL('./src/components/notes/index.ts', import.meta.url)) },
    },
    build: {
      // One stylesheet for all pages (Astro links Vite's single style.css on each): one request
      // before first paint instead of one per shared component chunk, and cached across page kinds.
      cssCodeSplit: false,
      // Fonts stay files: KaTeX's smallest, inlined, doubled its stylesheet's gzip size on every page
      // with math, and a page fetches only the fonts its formulas use.
      assetsInlineLimit: (file) => (/\.(woff2?|ttf|otf)$/.test(file) ? false : undefined),
    },
  },
  // Four pages generated at a time: after an edit most pages are copied from the incremental cache,
  // and one at a time the build sat waiting on the file system (about 3 s idle at 1,000 notes).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  // A page whose route data (its cacheKey, src/routing/cache-key.ts), rendered notes and code are
  // unchanged is copied from the last build's cache instead of rendered again.
  experimental: { incrementalBuild: true },
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'", // the offline reader's service worker
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      // Pagefind compiles its WebAssembly search core in the browser.
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"], hashes: [pageStartScriptHash] },
      // KaTeX and Shiki position and colour with style attributes; no inline <style> is allowed.
      // style-src is 'self' (with Astro's hashes) when no source of the default kind is named;
      // naming 'self' here as well made every build warn that style-src-attr shadows it.
      styleDirective: { resources: [{ resource: "'unsafe-inline'", kind: 'attribute' }] },
    },
  },
  image: {
    // Astro's sharp service, which says when the pages are written (the search index starts then).
    // WebP at effort 2 instead of sharp's 4: the notes' screenshots encode in half the time and
    // come out about 4% larger (80 of the corpus's images: 1,018 → 531 ms, 1.06 → 1.10 MB).
    service: { entrypoint: './src/integrations/image-service.ts', config: { webp: { effort: 2 } } },
  },
  markdown: markdownConfig(siteMarkdownSetup()),
});
