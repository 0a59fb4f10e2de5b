import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch } from '../lib/browser';
import { importCorpus } from './corpus';
import { best, cleanBuilds, type CleanBuilds } from './clean-builds';
import { measuredBuild, type BuildFigures } from './measured-build';
import type { Peer } from './peers';
import { differingPages } from './same-output';
import { writeScaledNotes } from './scale-notes';
import { timeFixedQueries, type ScaleSearchFigures } from './scale-search';
import { benchSearch, type SearchFigures } from './search-bench';
import { serveDist } from '../lib/serve';

/**
 * `npm run bench -- --scale N`: our content plus N lesson-sized notes per language, built from
 * clean and rebuilt after editing one note, then searched in Chromium. `--scale corpus` builds the
 * imported ../shared/corpus instead (build figures only). Figures, not pass/fail.
 */
const base = '/fastai-notes/';
const out = path.resolve('bench-results');

interface PagefindFiles {
  totalBytes: number;
  /** Pagefind's runtime (scripts, WebAssembly, UI): should exist once and be loaded by pages. */
  runtime: { path: string; bytes: number }[];
}

function pagefindFiles(dist: string): PagefindFiles {
  const dir = path.join(dist, 'pagefind');
  const files = fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => ({
      path: path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'),
      bytes: fs.statSync(path.join(e.parentPath, e.name)).size,
    }));
  const isData = (p: string) => /(^|\/)(index|fragment|filter)\//.test(p) || /\.pf_meta$|pagefind-entry\.json$/.test(p);
  return { totalBytes: files.reduce((s, f) => s + f.bytes, 0), runtime: files.filter((f) => !isData(f.path)) };
}

function countPages(dist: string): { html: number; indexed: number } {
  let html = 0;
  let indexed = 0;
  for (const e of fs.readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || !e.name.endsWith('.html')) continue;
    html++;
    if (fs.readFileSync(path.join(e.parentPath, e.name), 'utf8').includes('data-pagefind-body')) indexed++;
  }
  return { html, indexed };
}

const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function printBuild(label: string, b: BuildFigures, pages?: number): void {
  const per = pages
    ? ` (${(b.seconds / pages).toFixed(3)} s/page, ${(b.cpuSeconds / pages).toFixed(3)} CPU s/page)`
    : '';
  console.log(
    `  ${label}: ${b.seconds.toFixed(1)} s, CPU ${b.cpuSeconds.toFixed(1)} s${per}, memory: process tree ${mb(b.peakRssBytes)}, largest process ${mb(b.largestProcessBytes)}`,
  );
}

/** Appends a paragraph to one note, as an author editing it would, and returns how to undo it. */
function editOne(file: string): void {
  fs.appendFileSync(file, `\n\nEdited for the rebuild benchmark at ${new Date().toISOString()}.\n`);
}

export interface ScaleOptions {
  /** Peers built from clean on the same notes, alternating with ours. */
  compare: readonly Peer[];
  /** Clean builds of each (ours and every peer); the fastest counts. */
  rounds: number;
}

/** Ours against each peer: fastest clean build of each, and the ratios the targets are set in. */
function printComparison(builds: CleanBuilds, pages: number): void {
  const ours = best(builds.ours);
  printBuild(`clean build, ours (fastest of ${builds.ours.length})`, ours, pages);
  for (const [peer, figures] of Object.entries(builds.peers)) {
    const theirs = best(figures.builds);
    printBuild(`clean build, ${peer} (fastest of ${figures.builds.length}, ${figures.pages} notes)`, theirs);
    console.log(
      `    ours / ${peer}: time ${(ours.seconds / theirs.seconds).toFixed(2)}×, CPU ${(ours.cpuSeconds / theirs.cpuSeconds).toFixed(2)}×, process tree ${(ours.peakRssBytes / theirs.peakRssBytes).toFixed(2)}×, largest process ${(ours.largestProcessBytes / theirs.largestProcessBytes).toFixed(2)}×`,
    );
    // Each round's pair ran back to back: how far the machine's drift moves the ratio.
    const rounds = builds.ours.flatMap((b, i) => {
      const their = figures.builds[i];
      return their ? [(b.seconds / their.seconds).toFixed(2)] : [];
    });
    if (rounds.length > 1) console.log(`    time, round by round: ${rounds.join(', ')}`);
  }
}

export async function runScaleBench(arg: string, options: ScaleOptions = { compare: [], rounds: 1 }): Promise<void> {
  fs.mkdirSync(out, { recursive: true });
  const notes = fs.mkdtempSync(path.join(os.tmpdir(), 'notes-scale-'));
  const dist = path.resolve('dist-scale');
  const env = { NOTES_DIR: notes, BASE_PATH: base, SITE_URL: 'https://example.github.io' };
  try {
    let toEdit: string;
    let label: string;
    if (arg === 'corpus') {
      if (!importCorpus(notes)) throw new Error('no ../shared/corpus here to build');
      toEdit = path.join(notes, 'lessons', 'zh', 'lesson-1.md');
      label = 'corpus';
    } else {
      const perLanguage = Number(arg);
      if (!Number.isInteger(perLanguage) || perLanguage < 0)
        throw new Error(`--scale takes a number of generated pages per language or "corpus", not "${arg}"`);
      const { generated } = writeScaledNotes(path.resolve('content'), notes, perLanguage);
      toEdit = generated[0] ?? path.join(notes, 'lessons', 'en', 'lesson-1.md');
      label = `scale-${perLanguage}`;
    }
    console.log(`building ${label} (notes in ${notes})`);
    const builds = await cleanBuilds(dist, env, notes, options.compare, options.rounds);
    const clean = best(builds.ours);
    const pages = countPages(dist);
    editOne(toEdit);
    const rebuild = await measuredBuild(dist, env, { clean: false });
    const pagefind = pagefindFiles(dist);
    // The rebuild reused pages and search bundles: it must have written what a clean build writes.
    const cleanEdited = `${dist}-clean-check`;
    await measuredBuild(cleanEdited, env, { clean: true });
    const differing = differingPages(dist, cleanEdited);
    fs.rmSync(cleanEdited, { recursive: true, force: true });
    for (const beside of ['cache', 'config']) fs.rmSync(`${cleanEdited}-${beside}`, { recursive: true, force: true });
    console.log(`\n${label}: ${pages.indexed} searchable pages, ${pages.html} HTML files`);
    printComparison(builds, pages.indexed);
    printBuild('rebuild after editing one note', rebuild);
    console.log(`  rebuild / clean: ${((rebuild.seconds / clean.seconds) * 100).toFixed(0)}%`);
    console.log(
      `  rebuild's pages equal a clean build's of the edited notes: ${differing.length ? `NO, ${differing.length} differ (${differing.slice(0, 5).join(', ')})` : 'yes'}`,
    );
    console.log(
      `  pagefind/: ${kb(pagefind.totalBytes)} on disk; runtime files: ${pagefind.runtime.map((f) => `${f.path} (${kb(f.bytes)})`).join(', ')}`,
    );

    let search: { timing: ScaleSearchFigures; quality: SearchFigures } | undefined;
    if (arg !== 'corpus') {
      const browser = await launch();
      // As GitHub Pages serves it: what search fetched at idle is in the browser's cache (max-age).
      const server = await serveDist(dist, base, { pagesCaching: true });
      try {
        const timing = await timeFixedQueries(browser, server, base);
        const quality = await benchSearch(browser, server, dist, base, 60);
        search = { timing, quality };
        console.log('  search:');
        for (const q of timing.queries)
          console.log(
            `    [${q.lang}] ${q.term}: ${q.ms.toFixed(0)} ms, ${q.requests} requests, ${kb(q.bytes)}, ${q.results} results`,
          );
        console.log(
          `    first query after opening: median ${timing.firstMs.toFixed(0)} ms; later queries: median ${timing.laterMedianMs.toFixed(0)} ms (passes: ${timing.laterPassMediansMs.map((ms) => ms.toFixed(0)).join(', ')}; after one untimed pass)`,
        );
        console.log(
          `    later queries: requests median ${timing.laterMedianRequests}, max ${timing.laterMaxRequests}; bytes median ${kb(timing.laterMedianBytes)}, max ${kb(timing.laterMaxBytes)}`,
        );
        console.log(
          `    Chinese quality on ${quality.queries} sampled terms: recall ${quality.recall.toFixed(3)}, precision ${quality.precision.toFixed(3)}, top-1 ${quality.top1.toFixed(3)}`,
        );
        console.log(
          `    index data ${kb(quality.indexDataBytes)} (Pagefind defaults: ${kb(quality.defaultIndexDataBytes)})`,
        );
      } finally {
        await server.close();
        await browser.close();
      }
    }
    const file = path.join(out, `${label}.json`);
    fs.writeFileSync(
      file,
      JSON.stringify(
        {
          label,
          cpus: os.cpus().length,
          loadAverage: os.loadavg(),
          pages,
          clean,
          cleanBuilds: builds,
          rebuild,
          rebuildDiffers: differing,
          pagefind,
          search: search ?? null,
        },
        null,
        2,
      ) + '\n',
    );
    console.log(`\nfigures written to ${path.relative(process.cwd(), file)}`);
  } finally {
    fs.rmSync(notes, { recursive: true, force: true });
  }
}
