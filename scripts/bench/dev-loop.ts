import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * `npm run bench -- --dev`: the author's loop on our own content. Starts `astro dev` and times the
 * first lesson page, then saves an edit to that lesson a few times and times until the served page
 * shows it. The lesson is restored whatever happens.
 *
 * The first page depends on the dev server's content store (`.astro/data-store.json`): Astro keeps
 * every rendered note there between starts, and clears it whenever the configuration differs from
 * the last start's (another `--port` is enough). So the first start here clears it, as a fresh
 * clone starts, and the restarts after it find the store as an author's usually is.
 */
export interface DevLoopFigures {
  /** Seconds from starting the dev server to the first lesson page served, with no content store. */
  coldStart: number;
  /** The same on each restart, with the store the previous start left. */
  warmStarts: number[];
  /** The median of `warmStarts`: the author's usual restart. */
  firstPage: number;
  /** Seconds from a save to the edited text served, per save. */
  edits: number[];
}

const LESSON = 'content/lessons/en/lesson-3.md';
const PAGE = 'en/lessons/lesson-3/';
/** The dev server's content store, cleared before the cold start. */
const STORE = '.astro/data-store.json';

interface DevServer {
  /** Seconds from the start to the first page served. */
  firstPage: number;
  fetchPage(): Promise<string | undefined>;
  until(done: (html: string | undefined) => boolean): Promise<void>;
  stop(): Promise<void>;
}

async function startDev(port: number): Promise<DevServer> {
  const started = performance.now();
  const astro = path.resolve('node_modules/astro/bin/astro.mjs');
  const server = spawn(process.execPath, [astro, 'dev', '--port', String(port)], { stdio: 'ignore', detached: true });
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  const url = `http://localhost:${port}/${PAGE}`;
  const fetchPage = async () => {
    try {
      const response = await fetch(url);
      return response.ok ? await response.text() : undefined;
    } catch {
      return undefined; // not listening yet
    }
  };
  const until = async (done: (html: string | undefined) => boolean) => {
    const deadline = performance.now() + 120_000;
    while (!done(await fetchPage())) {
      if (performance.now() > deadline)
        throw new Error(`dev server: ${url} did not show what was expected within 120 s`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const stop = async () => {
    if (server.pid && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
    await exited;
  };
  try {
    await until(Boolean);
  } catch (error) {
    await stop();
    throw error;
  }
  return { firstPage: (performance.now() - started) / 1000, fetchPage, until, stop };
}

export async function benchDevLoop(port = 4399, saves = 4, restarts = 3): Promise<DevLoopFigures> {
  const original = fs.readFileSync(LESSON, 'utf8');
  const edited = (html: string | undefined) => Boolean(html?.includes('bench-edit-'));
  fs.rmSync(STORE, { force: true });
  let server = await startDev(port);
  try {
    const coldStart = server.firstPage;
    const edits: number[] = [];
    for (let i = 0; i < saves; i++) {
      const marker = `bench-edit-${Date.now()}-${i}`;
      fs.writeFileSync(LESSON, original.replace('\n## ', `\n${marker}\n\n## `));
      const saved = performance.now();
      await server.until((html) => Boolean(html?.includes(marker)));
      edits.push((performance.now() - saved) / 1000);
      await new Promise((r) => setTimeout(r, 1000));
    }
    // The restored lesson is a save too: once it is served, and Astro has written its content store
    // (half a second later), the restarts begin from a store that matches the notes.
    fs.writeFileSync(LESSON, original);
    await server.until((html) => html !== undefined && !edited(html));
    await new Promise((r) => setTimeout(r, 1500));
    const warmStarts: number[] = [];
    for (let i = 0; i < restarts; i++) {
      await server.stop();
      server = await startDev(port);
      warmStarts.push(server.firstPage);
    }
    const sorted = [...warmStarts].sort((a, b) => a - b);
    return { coldStart, warmStarts, firstPage: sorted[Math.floor(sorted.length / 2)]!, edits };
  } finally {
    fs.writeFileSync(LESSON, original);
    await server.stop();
  }
}
