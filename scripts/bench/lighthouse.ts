import fs from 'node:fs';
import path from 'node:path';
import { launch as launchChrome } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumPath } from '../lib/browser';
import { servePagesLike, type Protocol } from './pages-host';

/**
 * Lighthouse's performance figures for `npm run bench -- --lighthouse`: the mobile preset with its
 * simulated slow 4G (Lighthouse's defaults), in Debian's Chromium, on a built site served on
 * loopback as GitHub Pages serves it and over HTTP/1.1 as a local server would (pages-host.ts).
 * One page of each kind: lessons with math in both languages, a note and a log entry without
 * math, a side-by-side page and a notebook page.
 */
export const LIGHTHOUSE_PAGES = [
  'zh/lessons/lesson-3/',
  'en/lessons/lesson-3/',
  'en/notes/glossary/',
  'en/lessons/lesson-3/parallel/',
  'en/notebooks/sgd-from-scratch/',
  'en/log/2023-05-11/',
] as const;

/**
 * Runs per page; the one with the median first contentful paint is reported. The simulation
 * starts from what Chromium did on this machine, so a busy core moves single runs by a few
 * hundred milliseconds.
 */
const RUNS = 5;

export interface LighthouseFigures {
  url: string;
  /** How the site was served (pages-host.ts). */
  protocol: Protocol;
  /** The performance category, 0–100. */
  score: number;
  /** First and largest contentful paint, simulated, in milliseconds. */
  fcpMs: number;
  lcpMs: number;
  /** Total blocking time and speed index, simulated, in milliseconds: with the paints, what the score is made of. */
  tbtMs: number;
  speedIndexMs: number;
  /** First contentful paint of every run, fastest first: how far the runs agree. */
  fcpRunsMs: number[];
  /** What Lighthouse names as render-blocking (stylesheets and scripts), with transfer bytes. */
  renderBlocking: { url: string; bytes: number; wastedMs: number }[];
  /** Every stylesheet the page fetched, render-blocking or not. */
  stylesheets: { count: number; bytes: number };
  /** Whether any KaTeX stylesheet or font was fetched. */
  katexLoaded: boolean;
}

interface Table {
  items?: Record<string, unknown>[];
}

/** One Lighthouse run of one page in a Chromium already listening on `port`. */
async function runOnce(port: number, url: string): Promise<Omit<LighthouseFigures, 'url' | 'protocol' | 'fcpRunsMs'>> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance'],
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const items = (id: string) => ((lhr.audits[id]?.details ?? {}) as Table).items ?? [];
  const requests = items('network-requests');
  const sheets = requests.filter((r) => r['resourceType'] === 'Stylesheet');
  return {
    score: Math.round((lhr.categories['performance']?.score ?? 0) * 100),
    fcpMs: lhr.audits['first-contentful-paint']?.numericValue ?? NaN,
    lcpMs: lhr.audits['largest-contentful-paint']?.numericValue ?? NaN,
    tbtMs: lhr.audits['total-blocking-time']?.numericValue ?? NaN,
    speedIndexMs: lhr.audits['speed-index']?.numericValue ?? NaN,
    renderBlocking: items('render-blocking-insight').map((i) => ({
      url: String(i['url']),
      bytes: Number(i['totalBytes'] ?? 0),
      wastedMs: Number(i['wastedMs'] ?? 0),
    })),
    stylesheets: { count: sheets.length, bytes: sheets.reduce((n, r) => n + Number(r['transferSize'] ?? 0), 0) },
    katexLoaded: requests.some((r) => /katex/i.test(String(r['url']))),
  };
}

/**
 * Lighthouse on each page of the built site in `dist` (built under `base`), `RUNS` times each,
 * served as a static host serves it over `protocol` (pages-host.ts).
 */
export async function benchLighthouse(
  dist: string,
  base: string,
  { pages = LIGHTHOUSE_PAGES, protocol = 'h2' }: { pages?: readonly string[]; protocol?: Protocol } = {},
): Promise<LighthouseFigures[]> {
  if (!fs.existsSync(dist)) throw new Error(`no built site at ${dist}`);
  const server = await servePagesLike(dist, base, protocol);
  const chrome = await launchChrome({
    chromePath: chromiumPath,
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-sync',
      // The throw-away certificate of the HTTP/2 server (pages-host.ts).
      ...(protocol === 'h2' ? ['--ignore-certificate-errors'] : []),
    ],
    logLevel: 'error',
  });
  const figures: LighthouseFigures[] = [];
  try {
    for (const page of pages) {
      const url = `${server.origin}${base}${page}`;
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await runOnce(chrome.port, url));
      runs.sort((a, b) => a.fcpMs - b.fcpMs);
      figures.push({
        url: `${base}${page}`,
        protocol,
        ...runs[Math.floor(runs.length / 2)]!,
        fcpRunsMs: runs.map((r) => Math.round(r.fcpMs)),
      });
    }
  } finally {
    chrome.kill();
    await server.close();
  }
  return figures;
}

/** One line per page: score, paints, and what blocked the first one. */
export function formatLighthouseFigures(figures: LighthouseFigures[]): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  return figures
    .map((f) => {
      const blocking = f.renderBlocking.reduce((n, r) => n + r.bytes, 0);
      return (
        `  ${f.url}: score ${f.score}, FCP ${(f.fcpMs / 1000).toFixed(2)} s, LCP ${(f.lcpMs / 1000).toFixed(2)} s, ` +
        `TBT ${Math.round(f.tbtMs)} ms, SI ${(f.speedIndexMs / 1000).toFixed(2)} s; ` +
        `render-blocking ${f.renderBlocking.length} (${kb(blocking)}); stylesheets ${f.stylesheets.count} (${kb(f.stylesheets.bytes)}); ` +
        `KaTeX ${f.katexLoaded ? 'loaded' : 'not loaded'}`
      );
    })
    .join('\n');
}

/**
 * `npm run bench -- --lighthouse`: builds the site once (through `build`), runs Lighthouse on each
 * page kind served as GitHub Pages serves it (HTTP/2) and then over HTTP/1.1, prints one line per
 * page and writes bench-results/lighthouse.json.
 */
export async function lighthouseBench(build: () => void, dist: string, base: string, out: string): Promise<void> {
  build();
  const runs: Partial<Record<Protocol, LighthouseFigures[]>> = {};
  for (const protocol of ['h2', 'http/1.1'] as const) {
    const pages = (runs[protocol] = await benchLighthouse(dist, base, { protocol }));
    console.log(
      `\nLighthouse ${lighthouseVersion()}, mobile, simulated slow 4G, ${protocol === 'h2' ? 'HTTP/2 as GitHub Pages serves' : 'HTTP/1.1'} (median of ${RUNS} runs)`,
    );
    console.log(formatLighthouseFigures(pages));
  }
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(
    path.join(out, 'lighthouse.json'),
    JSON.stringify({ runs: RUNS, pages: runs.h2, http1Pages: runs['http/1.1'] }, null, 2) + '\n',
  );
}

function lighthouseVersion(): string {
  const manifest = path.resolve('node_modules/lighthouse/package.json');
  return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version;
}
