import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { measuredProcess, type BuildFigures } from './measured-build';
import { copyMarkdownByLanguage } from './peer-content';

/**
 * Throw-away sites of the tools we compare ourselves with, fed the same Markdown files, so that a
 * ratio is measured in the same run rather than remembered. Each is installed once into
 * .cache/bench-peers/<name> (pinned versions, from the npm registry) and rebuilt from clean for
 * every measurement. Nothing of them is committed.
 */
export const PEERS = ['starlight', 'vitepress'] as const;
export type Peer = (typeof PEERS)[number];

interface PeerSite {
  dependencies: Record<string, string>;
  /** Files of the site besides its content, by path. */
  files: Record<string, string>;
  /** Where the Markdown goes: `<lang>/…` below it. */
  contentDir: string;
  build: string[];
  /** Caches and output a clean build starts without. */
  clean: string[];
}

const SITES: Record<Peer, PeerSite> = {
  // Starlight with the math our notes need, through Astro's unified (remark/rehype) processor as we build.
  starlight: {
    dependencies: {
      astro: '7.4.8',
      '@astrojs/starlight': '0.42.9',
      '@astrojs/markdown-remark': '7.3.1',
      'remark-math': '6.0.0',
      'rehype-katex': '7.0.1',
      sharp: '0.35.5',
    },
    files: {
      'astro.config.mjs': `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
export default defineConfig({
  markdown: { processor: unified({ remarkPlugins: [remarkMath], rehypePlugins: [[rehypeKatex, { strict: 'ignore' }]] }) },
  integrations: [starlight({ title: 'Notes', defaultLocale: 'en', locales: { en: { label: 'English' }, zh: { label: '简体中文', lang: 'zh-CN' } } })],
});
`,
      'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
    },
    contentDir: 'src/content/docs',
    build: ['node_modules/astro/bin/astro.mjs', 'build'],
    clean: ['dist', 'node_modules/.astro', '.astro'],
  },
  // VitePress with its own math (MathJax) and its local search, English at the root and Chinese under zh/.
  vitepress: {
    dependencies: { vitepress: '1.6.4', 'markdown-it-mathjax3': '4.3.2' },
    files: {
      'docs/.vitepress/config.mjs': `export default {
  title: 'Notes',
  ignoreDeadLinks: true,
  markdown: { math: true },
  themeConfig: { search: { provider: 'local' } },
  locales: { root: { label: 'English', lang: 'en' }, zh: { label: '简体中文', lang: 'zh-CN' } },
};
`,
    },
    contentDir: 'docs',
    build: ['node_modules/vitepress/bin/vitepress.js', 'build', 'docs'],
    clean: ['docs/.vitepress/dist', 'docs/.vitepress/cache'],
  },
};

const peersRoot = path.resolve('.cache/bench-peers');

/** Installs a peer's site once (kept between runs in .cache/bench-peers); returns its folder. */
function installed(peer: Peer): string {
  const site = SITES[peer];
  const dir = path.join(peersRoot, peer);
  const manifest = JSON.stringify(
    { name: `bench-${peer}`, private: true, type: 'module', dependencies: site.dependencies },
    null,
    2,
  );
  const manifestFile = path.join(dir, 'package.json');
  const fresh = fs.existsSync(path.join(dir, 'node_modules')) && fs.readFileSync(manifestFile, 'utf8') === manifest;
  if (!fresh) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(manifestFile, manifest);
    console.log(`installing ${peer} for the comparison (once) into ${path.relative(process.cwd(), dir)}`);
    const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: dir,
      stdio: 'inherit',
    });
    if (r.status !== 0) {
      fs.rmSync(path.join(dir, 'node_modules'), { recursive: true, force: true });
      throw new Error(`could not install ${peer} for the comparison (npm install in ${dir})`);
    }
  }
  for (const [file, text] of Object.entries(site.files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

/** Gets a peer's site ready with the Markdown of a notes folder; call once before its builds. */
export function preparePeer(peer: Peer, notes: string): { pages: number } {
  const dir = installed(peer);
  const content = path.join(dir, SITES[peer].contentDir);
  const keep = peer === 'vitepress' ? new Set(['.vitepress']) : new Set<string>();
  if (fs.existsSync(content))
    for (const name of fs.readdirSync(content))
      if (!keep.has(name)) fs.rmSync(path.join(content, name), { recursive: true, force: true });
  return { pages: copyMarkdownByLanguage(notes, content) };
}

/** A clean build of a prepared peer: its caches and output removed first. */
export function buildPeer(peer: Peer): Promise<BuildFigures> {
  const dir = path.join(peersRoot, peer);
  const site = SITES[peer];
  for (const c of site.clean) fs.rmSync(path.join(dir, c), { recursive: true, force: true });
  return measuredProcess(process.execPath, site.build, {
    cwd: dir,
    env: { NODE_OPTIONS: '', ASTRO_TELEMETRY_DISABLED: '1' },
    what: `${peer} build`,
  });
}
