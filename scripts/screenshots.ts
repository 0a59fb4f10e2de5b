import fs from 'node:fs';
import path from 'node:path';
import { normalizeBase } from '../src/lib/urls';
import { launch } from './lib/browser';
import { serveDist } from './lib/serve';
import { readCommandLine, withUsage } from '../src/lib/command-line';

const usage = `Usage: npm run screenshots [-- [--dist <dir>] [<page>…]]

Writes PNG screenshots of pages of a built site, as a reader sees them, to test-results/screenshots/:
each page in the light and the dark theme, at 1280 px and at 360 px, the whole page long. Reads the
base path the build used from BASE_PATH, like the build itself:

  npm run build && npm run screenshots
  BASE_PATH=/fastai-notes npm run screenshots -- --dist dist zh/lessons/lesson-5/ en/log/

Pages are paths under the base path; without any, a lesson, the home and landing pages, the log,
the tag index and a tag page. Open the files to look at them: the tests check the layout, not the look.`;

const defaultPages = ['zh/lessons/lesson-5/', 'zh/', '', 'en/log/', 'zh/log/tags/', 'en/log/tags/object-detection/'];
const widths = [
  ['desktop', { width: 1280, height: 900 }],
  ['phone', { width: 360, height: 740 }],
] as const;

const args = withUsage('screenshots', usage, () =>
  readCommandLine({
    allowPositionals: true,
    options: { dist: { type: 'string', default: 'dist' }, help: { type: 'boolean', short: 'h', default: false } },
  }),
);
if (args.values.help) {
  console.log(usage);
  process.exit(0);
}
const dist = path.resolve(args.values.dist);
if (!fs.statSync(dist, { throwIfNoEntry: false })?.isDirectory()) {
  console.error(`screenshots: there is no folder ${dist}; build the site first (npm run build writes dist/)`);
  process.exit(2);
}
const base = normalizeBase(process.env['BASE_PATH']);
const pages = args.positionals.length ? args.positionals : defaultPages;
const out = path.resolve('test-results/screenshots');
fs.mkdirSync(out, { recursive: true });

/** `zh/lessons/lesson-5/` → `zh-lessons-lesson-5`; the landing page is `landing`. */
const fileStem = (p: string) => p.replace(/^\/|\/$/g, '').replace(/\//g, '-') || 'landing';

const server = await serveDist(dist, base);
const browser = await launch();
try {
  for (const scheme of ['light', 'dark'] as const) {
    for (const [name, viewport] of widths) {
      const context = await browser.newContext({ colorScheme: scheme, viewport });
      const page = await context.newPage();
      for (const p of pages) {
        const response = await page.goto(`${server.origin}${base}${p.replace(/^\//, '')}`);
        if (!response?.ok()) console.warn(`screenshots: ${base}${p} answered ${response?.status()}`);
        const file = path.join(out, `${fileStem(p)}-${name}-${scheme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(path.relative(process.cwd(), file));
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
