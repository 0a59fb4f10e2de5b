/**
 * `npm test`: every check of the project, in three lanes that run side by side, with the time of
 * each step printed at the end.
 *
 * - The site lane is the e2e project: its global setup builds the test sites while Chromium
 *   starts, then its files (the real corpus's too) drive the built pages. Its output is shown as
 *   it comes.
 * - The code lane checks formatting, then runs the unit and content tests.
 * - The types lane is `astro check`, which waits its turn for the project's Astro lock while the
 *   test sites build, so the unit tests do not wait behind it.
 *
 * The steps of the last two are shown whole when they end, so no two lanes' lines interleave. A
 * lane stops at its first failing step; the others run on, and the run fails at the end.
 */
import { spawn } from 'node:child_process';
import { withAstroLock } from './lib/astro-lock';

interface Step {
  name: string;
  command: string;
  args: string[];
  /** Runs while holding the project's Astro lock (scripts/lib/astro-lock.ts). */
  astroLock?: boolean;
}

interface Outcome {
  name: string;
  seconds: number;
  passed: boolean;
}

const codeLane: Step[] = [
  // Prettier keeps what it found well formatted, by content, under .cache/ (gitignored): a file
  // checked before is not read again while it and Prettier's options stay the same.
  {
    name: 'prettier --check',
    command: 'prettier',
    args: ['--check', '.', '--cache', '--cache-location', '.cache/prettier/cache.json', '--cache-strategy', 'content'],
  },
  // One worker: the lane runs beside the e2e lane on the same cores and ends before it, and
  // each worker loads the Markdown pipeline, Shiki and KaTeX once (the files share a worker's
  // modules). Alone, three workers took 46–57 CPU-s against one's 40, in 24–30 s against 37 s.
  {
    name: 'vitest unit + content',
    command: 'vitest',
    args: ['run', '--project', 'unit', '--project', 'content', '--maxWorkers', '1'],
  },
];
// Holds the project's Astro lock: it writes .astro/ as the test sites' builds do.
const typesLane: Step[] = [{ name: 'astro check', command: 'astro', args: ['check'], astroLock: true }];
const siteLane: Step[] = [
  { name: 'vitest e2e (test sites, Chromium, corpus)', command: 'vitest', args: ['run', '--project', 'e2e'] },
];

/** Runs a step; `live` passes its output through line by line, otherwise it is returned whole. */
function run(step: Step, live: boolean): Promise<{ passed: boolean; output: string; seconds: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    const take = (chunk: Buffer) => (live ? process.stdout.write(chunk) : chunks.push(chunk));
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    const done = (passed: boolean, extra = '') =>
      resolve({
        passed,
        output: Buffer.concat(chunks).toString('utf8') + extra,
        seconds: (performance.now() - started) / 1000,
      });
    child.on('error', (error) => done(false, `could not start ${step.command}: ${error.message}\n`));
    child.on('close', (code) => done(code === 0));
  });
}

async function runLane(steps: Step[], live: boolean, outcomes: Outcome[]): Promise<void> {
  for (const step of steps) {
    if (live) console.log(`▶ ${step.name}`);
    const { passed, output, seconds } = await (step.astroLock ? withAstroLock(() => run(step, live)) : run(step, live));
    outcomes.push({ name: step.name, seconds, passed });
    if (!live)
      process.stdout.write(`\n▶ ${step.name} (${seconds.toFixed(1)} s, ${passed ? 'passed' : 'FAILED'})\n${output}\n`);
    if (!passed) return;
  }
}

const started = performance.now();
const outcomes: Outcome[] = [];
await Promise.all([
  runLane(siteLane, true, outcomes),
  runLane(codeLane, false, outcomes),
  runLane(typesLane, false, outcomes),
]);
const order = [...codeLane, ...typesLane, ...siteLane].map((s) => s.name);
outcomes.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
const width = Math.max(...order.map((n) => n.length));
console.log('\nnpm test, step by step (the three lanes run side by side):');
for (const o of outcomes)
  console.log(`  ${o.name.padEnd(width)}  ${o.seconds.toFixed(1).padStart(6)} s  ${o.passed ? 'passed' : 'FAILED'}`);
const skipped = order.filter((n) => !outcomes.some((o) => o.name === n));
for (const name of skipped) console.log(`  ${name.padEnd(width)}       –    not run (an earlier step failed)`);
console.log(
  `  ${'total, wall clock'.padEnd(width)}  ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s`,
);
if (skipped.length || outcomes.some((o) => !o.passed)) process.exitCode = 1;
