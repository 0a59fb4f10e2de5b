import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { launch } from './lib/browser';
import { benchMojibake } from './bench/mojibake-bench';
import { benchNotebooks, formatNotebookFigures } from './bench/notebook-bench';
import { firstVisit, formatOfflineFigures, savedLanguages, type FirstVisit } from './bench/offline-bench';
import { measurePage, type PageWeight } from './bench/page-weight';
import { benchSearch, type SearchFigures } from './bench/search-bench';
import { serveDist } from './lib/serve';
import { corpusRoot, importCorpus } from './bench/corpus';
import { runScaleBench, type ScaleOptions } from './bench/scale-bench';
import { PEERS, type Peer } from './bench/peers';
import { benchDevLoop } from './bench/dev-loop';
import { lighthouseBench } from './bench/lighthouse';
import { readCommandLine, UsageError, withUsage } from '../src/lib/command-line';

/**
 * `npm run bench`: builds the site under /fastai-notes/ and prints the figures we track (search
 * quality and speed, index cost), writing them as JSON to bench-results/. Figures, not pass/fail.
 */
const base = '/fastai-notes/';
const dist = path.resolve('dist-bench');
/** The same site with the offline reader off: what a first visit cost before it. */
const distOff = path.resolve('dist-bench-offline-off');
const out = path.resolve('bench-results');

function build(outDir: string, env: Record<string, string>): void {
  const t0 = Date.now();
  const r = spawnSync('npm', ['run', 'build', '--', '--outDir', outDir], {
    env: { ...process.env, BASE_PATH: base, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`build failed for ${outDir}`);
  console.log(`built ${path.basename(outDir)} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

const fmt = (n: number) => n.toFixed(3);

function report(search: SearchFigures): void {
  console.log(`  pages ${search.pages}, queries ${search.queries}`);
  console.log(`  recall ${fmt(search.recall)}  precision ${fmt(search.precision)}  top-1 ${fmt(search.top1)}`);
  console.log(`  keystroke to results: median ${search.medianMs.toFixed(1)} ms, p90 ${search.p90Ms.toFixed(1)} ms`);
  console.log(
    `  index ${(search.indexBytes / 1024).toFixed(0)} KiB on disk, first query fetched ${(search.firstQueryBytes / 1024).toFixed(0)} KiB`,
  );
  console.log(
    `  search data ${(search.indexDataBytes / 1024).toFixed(0)} KiB vs ${(search.defaultIndexDataBytes / 1024).toFixed(0)} KiB with Pagefind's defaults (${((search.indexDataBytes / search.defaultIndexDataBytes - 1) * 100).toFixed(0)}%: per-character Chinese, each formula once as TeX)`,
  );
  console.log(`  English stemming (learning finds learn): ${search.englishStemming ? 'yes' : 'NO'}`);
}

/** Saved size per language, and a first visit to a lesson with the reader and without it (OFFLINE=0). */
async function benchOffline(
  browser: Awaited<ReturnType<typeof launch>>,
  server: Awaited<ReturnType<typeof serveDist>>,
) {
  build(distOff, { OFFLINE: '0' });
  const offServer = await serveDist(distOff, base);
  const lesson = 'zh/lessons/lesson-1/';
  try {
    const withoutReader = await firstVisit(browser, offServer, distOff, base, lesson, false);
    const withReader = await firstVisit(browser, server, dist, base, lesson, true);
    const visit: FirstVisit = {
      url: `${base}${lesson}`,
      withoutReader,
      withReader,
      extraGzip: withReader.gzip - withoutReader.gzip,
      budgetGzip: 60 * 1024,
    };
    const saved = savedLanguages(dist);
    console.log('\noffline reader');
    console.log(formatOfflineFigures(saved, visit));
    fs.writeFileSync(path.join(out, 'offline.json'), JSON.stringify({ saved, firstVisit: visit }, null, 2) + '\n');
  } finally {
    await offServer.close();
  }
}

async function main(): Promise<void> {
  fs.mkdirSync(out, { recursive: true });
  benchMojibake(out);
  build(dist, {});
  const browser = await launch();
  const server = await serveDist(dist, base);
  try {
    const weights: PageWeight[] = [];
    for (const p of ['zh/lessons/lesson-5/', 'en/lessons/lesson-5/', 'en/log/2023-05-11/', 'zh/'])
      weights.push(await measurePage(browser, server, dist, base, p));
    console.log('\npage weight (gzip bytes loaded before any interaction)');
    for (const w of weights) {
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
      console.log(
        `  ${w.url}: html ${kb(w.html.gzip)}, css ${kb(w.css.gzip)}, js ${kb(w.js.gzip)}, fonts ${kb(w.fonts.gzip)}, images ${kb(w.images.gzip)}; KaTeX ${w.katexLoaded ? 'loaded' : 'not loaded'}; ${w.requests} requests; then at idle, search: ${kb(w.searchAtIdle.transfer)} in ${w.searchAtIdle.requests} requests`,
      );
    }
    const jsBudget = 15 * 1024;
    const worstJs = Math.max(...weights.map((w) => w.js.gzip));
    console.log(
      `  budget: JS before interaction ${(worstJs / 1024).toFixed(1)} KB of 15 KB ${worstJs <= jsBudget ? '(within)' : '(OVER)'}`,
    );
    // The target for a lesson page: at most 5 KB of JavaScript before interaction.
    const lessonJsBudget = 5 * 1024;
    const lessonJs = Math.max(...weights.filter((w) => w.url.includes('/lessons/')).map((w) => w.js.gzip));
    console.log(
      `  budget: JS before interaction on a lesson page ${(lessonJs / 1024).toFixed(2)} KB of 5 KB ${lessonJs <= lessonJsBudget ? '(within)' : '(OVER)'}`,
    );
    const noMath = weights.find((w) => w.url.includes('/log/'));
    console.log(
      `  budget: KaTeX on a page without math: ${noMath?.katexLoaded ? 'LOADED (over)' : 'not loaded (within)'}`,
    );
    fs.writeFileSync(
      path.join(out, 'page-weight.json'),
      JSON.stringify({ budgetJsGzip: jsBudget, lessonBudgetJsGzip: lessonJsBudget, pages: weights }, null, 2) + '\n',
    );

    await benchOffline(browser, server);

    const notebooks = await benchNotebooks(browser, server, dist, base, corpusRoot);
    console.log('\nnotebooks');
    console.log(formatNotebookFigures(notebooks));
    fs.writeFileSync(path.join(out, 'notebooks.json'), JSON.stringify(notebooks, null, 2) + '\n');

    const search = await benchSearch(browser, server, dist, base);
    console.log('\nsearch (site content, Chinese)');
    report(search);
    const corpusNotes = path.resolve('dist-bench-corpus-notes');
    let corpusSearch: SearchFigures | undefined;
    if (importCorpus(corpusNotes)) {
      const corpusDist = path.resolve('dist-bench-corpus');
      build(corpusDist, { NOTES_DIR: corpusNotes });
      const corpusServer = await serveDist(corpusDist, base);
      try {
        corpusSearch = await benchSearch(browser, corpusServer, corpusDist, base);
      } finally {
        await corpusServer.close();
      }
      console.log('\nsearch (real notes from ../shared/corpus, imported, Chinese)');
      report(corpusSearch);
    } else {
      console.log('\n(no ../shared/corpus here: corpus search figures skipped)');
    }
    fs.writeFileSync(
      path.join(out, 'search.json'),
      JSON.stringify({ site: search, corpus: corpusSearch ?? null }, null, 2) + '\n',
    );
  } finally {
    await server.close();
    await browser.close();
  }
  console.log(`\nfigures written to ${path.relative(process.cwd(), out)}/`);
}

const USAGE = `Usage: npm run bench [-- --scale <N|corpus> [--compare starlight,vitepress] [--rounds R]] [-- --dev] [-- --mojibake] [-- --lighthouse]

  (nothing)            page weight, search quality and speed, notebooks and damaged-encoding figures
                       of our site built under /fastai-notes/
  --scale <N|corpus>   build figures at scale: our content plus N lesson-sized notes per language,
                       or the imported ../shared/corpus
  --compare <peers>    with --scale: clean builds of Starlight and/or VitePress fed the same notes,
                       alternating with ours (installed once into .cache/bench-peers)
  --rounds <R>         with --scale: clean builds of each, the fastest counts (default 2 with
                       --compare, else 1)
  --dev                the author's loop: npm run dev's first lesson page, and a saved edit until shown
  --mojibake           only the damaged-encoding figures: the tuning set and the held-out texts
  --lighthouse         only Lighthouse's performance figures (mobile, simulated slow 4G) of one page
                       of each kind: score, first and largest contentful paint, render-blocking files`;

const { values } = withUsage('bench', USAGE, () =>
  readCommandLine({
    options: {
      scale: { type: 'string' },
      dev: { type: 'boolean', default: false },
      compare: { type: 'string' },
      rounds: { type: 'string' },
      mojibake: { type: 'boolean', default: false },
      lighthouse: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }),
);
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
/** `--dev`: the dev server's figures, printed and written to bench-results/dev-loop.json. */
async function devLoop(): Promise<void> {
  const figures = await benchDevLoop();
  console.log(
    `npm run dev: first lesson page after ${figures.coldStart.toFixed(2)} s with no content store (a fresh clone), ` +
      `after ${figures.warmStarts.map((t) => t.toFixed(2)).join(', ')} s on restarts (median ${figures.firstPage.toFixed(2)} s); ` +
      `a saved edit shown after ${figures.edits.map((t) => t.toFixed(2)).join(', ')} s`,
  );
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'dev-loop.json'), JSON.stringify(figures, null, 2) + '\n');
}

/** `--mojibake`: the restoration figures alone, without building the site. */
async function mojibakeOnly(): Promise<void> {
  fs.mkdirSync(out, { recursive: true });
  benchMojibake(out);
}

/** `--compare` and `--rounds`, checked: a misspelt peer is named, not ignored. */
function scaleOptions(): ScaleOptions {
  const compare = (values.compare ?? '').split(',').filter(Boolean);
  for (const peer of compare)
    if (!(PEERS as readonly string[]).includes(peer))
      throw new UsageError(`--compare takes ${PEERS.join(' and/or ')}, not "${peer}"`);
  const rounds = Number(values.rounds ?? (compare.length ? 2 : 1));
  if (!Number.isInteger(rounds) || rounds < 1)
    throw new UsageError(`--rounds takes a whole number ≥ 1, not "${values.rounds}"`);
  return { compare: compare as Peer[], rounds };
}

const scale = values.scale;
const run = values.mojibake
  ? mojibakeOnly()
  : values.lighthouse
    ? lighthouseBench(() => build(dist, {}), dist, base, out)
    : values.dev
      ? devLoop()
      : scale === undefined
        ? main()
        : runScaleBench(scale, withUsage('bench', USAGE, scaleOptions));
run.catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
