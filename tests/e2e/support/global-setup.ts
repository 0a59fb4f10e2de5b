import fs from 'node:fs';
import type { TestProject } from 'vitest/node';
import { launchServer } from '../../../scripts/lib/browser';
import { buildSite, type BuildResult } from './build';
import { startCorpusImport, type FirstCorpusImport } from './corpus-import';
import { E2E_DIST, E2E_SEARCH_PARTS, e2eBuildEnv } from './constants';
import { buildMiniSite, type MiniSite } from './mini-site';
import { buildOfflineSites, type OfflineSites } from './offline-sites';

declare module 'vitest' {
  export interface ProvidedContext {
    /** When this run built the test site (ms since the epoch); `useBuiltSite` refuses to run without it. */
    e2eBuiltAt: number;
    /** The lines of the test site's build output that ask the author to act (see buildComplaints). */
    e2eBuildComplaints: string[];
    /** The one Chromium of the run; each test file connects to it and opens its own contexts. */
    browserEndpoint: string;
    miniSite: MiniSite;
    /** Later deploys of the mini site, for the offline reader's update and turn-off tests. */
    offlineSites: OfflineSites;
    /** The real corpus imported once (see corpus-import.ts); null where this machine has no corpus. */
    corpusImport: FirstCorpusImport | null;
  }
}

/** What a build asks the author to act on: Astro's warnings, and whatever it wrote to stderr. */
function buildComplaints({ output, stderr }: BuildResult): string[] {
  const lines = (text: string) => text.split('\n').filter((line) => line.trim());
  // runBuild's --force clears the store an earlier run left, and Astro says so: not the author's to act on.
  const warnings = lines(output).filter(
    (line) => line.includes('[WARN]') && !line.includes('data store cleared (force)'),
  );
  // `output` holds stderr too: a warning written there is named once.
  return [...new Set([...warnings, ...lines(stderr)])];
}

/**
 * Before any e2e test file starts: launches the run's Chromium and builds the two test sites (one
 * Astro at a time: astro-lock.ts), so no test can see a site left in `dist-e2e` by an earlier run
 * or an older checkout; meanwhile imports the real corpus, where there is one.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  const corpus = startCorpusImport();
  const browser = await launchServer();
  try {
    const [main, [mini, offline], corpusImport] = await Promise.all([
      buildSite(E2E_DIST, { ...e2eBuildEnv, ...E2E_SEARCH_PARTS }),
      buildMiniSite().then(async (m) => [m, await buildOfflineSites(m.site.notes)] as const),
      corpus ?? null,
    ]);
    console.log(
      `e2e: built ${E2E_DIST} in ${main.seconds.toFixed(0)} s and the mini site in ${mini.result.seconds.toFixed(0)} s` +
        (mini.site.builtUnder ? ` (npm run build, Node ${mini.site.builtUnder} first on PATH)` : '') +
        `, then two later deploys of it for the offline reader`,
    );
    project.provide('browserEndpoint', browser.wsEndpoint());
    project.provide('miniSite', mini.site);
    project.provide('offlineSites', offline);
    project.provide('corpusImport', corpusImport);
    project.provide('e2eBuiltAt', started);
    project.provide('e2eBuildComplaints', buildComplaints(main));
    return async () => {
      await browser.close();
      fs.rmSync(mini.site.work, { recursive: true, force: true });
      fs.rmSync(offline.work, { recursive: true, force: true });
      // KEEP_CORPUS_BUILD=1 keeps the imported notes and the built site for a look.
      if (corpusImport && !process.env['KEEP_CORPUS_BUILD'])
        fs.rmSync(corpusImport.work, { recursive: true, force: true });
    };
  } catch (error) {
    await browser.close();
    const imported = await corpus;
    if (imported) fs.rmSync(imported.work, { recursive: true, force: true });
    throw error;
  }
}
