import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * `npm run bench -- --dev`: the author's loop on our own content. Starts `astro dev`, times the
 * first lesson page, then saves an edit to that lesson a few times and times until the served page
 * shows it. The lesson is restored whatever happens.
 */
export interface DevLoopFigures {
  /** Seconds from starting the dev server to the first lesson page served. */
  firstPage: number;
  /** Seconds from a save to the edited text served, per save. */
  edits: number[];
}

const LESSON = 'content/lessons/en/lesson-3.md';
const PAGE = 'en/lessons/lesson-3/';

export async function benchDevLoop(port = 4399, saves = 4): Promise<DevLoopFigures> {
  const original = fs.readFileSync(LESSON, 'utf8');
  const started = performance.now();
  const astro = path.resolve('node_modules/astro/bin/astro.mjs');
  const server = spawn(process.execPath, [astro, 'dev', '--port', String(port)], { stdio: 'ignore', detached: true });
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
  const edited = (html: string | undefined) => Boolean(html?.includes('bench-edit-'));
  try {
    await until(Boolean);
    const firstPage = (performance.now() - started) / 1000;
    const edits: number[] = [];
    for (let i = 0; i < saves; i++) {
      const marker = `bench-edit-${Date.now()}-${i}`;
      fs.writeFileSync(LESSON, original.replace('\n## ', `\n${marker}\n\n## `));
      const saved = performance.now();
      await until((html) => Boolean(html?.includes(marker)));
      edits.push((performance.now() - saved) / 1000);
      await new Promise((r) => setTimeout(r, 1000));
    }
    // The restored lesson is a save too: once it is served, and Astro has written its content store
    // (half a second later), the next run starts from a store that matches the notes, as an
    // author's usually does, instead of rendering this lesson again at start.
    fs.writeFileSync(LESSON, original);
    await until((html) => html !== undefined && !edited(html));
    await new Promise((r) => setTimeout(r, 1500));
    return { firstPage, edits };
  } finally {
    fs.writeFileSync(LESSON, original);
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
  }
}
