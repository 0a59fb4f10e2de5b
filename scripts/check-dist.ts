import fs from 'node:fs';
import path from 'node:path';
import { normalizeBase } from '../src/lib/urls';
import { checkDist } from './lib/dist-check';
import { readCommandLine, withUsage } from '../src/lib/command-line';

const usage = `Usage: npm run check:dist [-- <dir>]

Checks a built site (default: dist) before it is deployed: links, images and anchors that lead
nowhere, resources from other hosts, page metadata, hreflang, the sitemap, ids, heading levels and
KaTeX errors. Reads the base path and site URL the build used from BASE_PATH and SITE_URL, like the
build itself:

  BASE_PATH=/fastai-notes SITE_URL=https://you.github.io npm run check:dist -- dist

Exits 1 and lists every problem when there is one.`;

const args = withUsage('check:dist', usage, () =>
  readCommandLine({ allowPositionals: true, options: { help: { type: 'boolean', short: 'h', default: false } } }),
);
if (args.values.help) {
  console.log(usage);
  process.exit(0);
}
if (args.positionals.length > 1) {
  console.error(
    `check:dist: one folder at a time, got ${args.positionals.length}: ${args.positionals.join(' ')}\n\n${usage}`,
  );
  process.exit(2);
}

const dir = path.resolve(args.positionals[0] ?? 'dist');
if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
  console.error(`check:dist: there is no folder ${dir}; build the site first (npm run build writes dist/)`);
  process.exit(2);
}
const base = normalizeBase(process.env['BASE_PATH']);
const site = process.env['SITE_URL'] || 'http://localhost:4321';
const problems = checkDist(dir, { base, site });
if (problems.length === 0) {
  console.log(`check:dist: ${path.relative(process.cwd(), dir) || '.'} is clean (base ${base})`);
} else {
  for (const p of problems) console.error(`${p.file}: [${p.rule}] ${p.message}`);
  console.error(`\ncheck:dist: ${problems.length} problem(s) in ${path.relative(process.cwd(), dir)}`);
  process.exit(1);
}
