import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildEnv } from '../lib/build-env.mjs';
import { configWithCacheDir } from '../lib/private-config';
import { scriptArgs } from '../lib/run-script';

export interface BuildFigures {
  seconds: number;
  /** CPU time (user + system) of the build and the children it waited for: steadier than wall time on a shared machine. */
  cpuSeconds: number;
  /**
   * Highest sum of resident memory over the build's whole process tree (Node, Pagefind's binary…).
   * A child caught between fork and exec (git, for a page's history) still shares all of its
   * parent's memory and is not counted.
   */
  peakRssBytes: number;
  /** Highest resident memory of any one process of the tree (render threads count with their process). */
  largestProcessBytes: number;
}

/** Kilobytes in a `Name:   123 kB` line of a /proc file. */
function procKilobytes(file: string, name: string): number | undefined {
  const value = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(file, 'utf8'))?.[1];
  return value === undefined ? undefined : Number(value);
}

const commandLine = (pid: number) => fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');

/**
 * The memory of a process tree, read from /proc (Linux): the sum of its processes' resident
 * memory, and the resident memory of its largest process. Resident memory, not proportional set
 * sizes: reading those (smaps_rollup) walked the page tables of Astro's process under its memory
 * lock, 23 ms a sample, and the bench's sampling cost each build 2.3–4 s of CPU on two cores. A
 * process with its parent's command line is a fork that has not started its own program yet.
 */
function treeRss(root: number): { total: number; largest: number } {
  const children = new Map<number, number[]>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name may hold spaces and parentheses; fields after it are fixed.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(name));
      children.set(ppid, list);
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  let largest = 0;
  // Each process with its parent's command line, read once per process.
  const stack: [pid: number, parentCommand: string | undefined][] = [[root, undefined]];
  while (stack.length) {
    const [pid, parentCommand] = stack.pop()!;
    let command: string | undefined;
    try {
      command = commandLine(pid);
      const rss = (procKilobytes(`/proc/${pid}/status`, 'VmRSS') ?? 0) * 1024;
      if (command !== parentCommand) total += rss;
      largest = Math.max(largest, rss);
    } catch {
      // ended
    }
    stack.push(...(children.get(pid) ?? []).map((child): [number, string | undefined] => [child, command]));
  }
  return { total, largest };
}

/**
 * Runs `npm run build`'s script into `outDir`, with a cache folder of its own beside it (the
 * default one in node_modules is shared with every other build of this checkout, npm test's,
 * which may run meanwhile), and measures wall time and peak memory of the whole process tree,
 * sampled every 100 ms. `clean` starts without that folder and discards Astro's content cache
 * (`--force`).
 */
export function measuredBuild(
  outDir: string,
  env: Record<string, string>,
  options: { clean: boolean },
): Promise<BuildFigures> {
  const cacheDir = `${outDir}-cache`;
  if (options.clean) for (const dir of [outDir, cacheDir]) fs.rmSync(dir, { recursive: true, force: true });
  const config = configWithCacheDir(`${outDir}-config/astro.config.mjs`, cacheDir);
  const args = scriptArgs(
    'scripts/build.ts',
    '--outDir',
    outDir,
    '--config',
    config,
    ...(options.clean ? ['--force'] : []),
  );
  return measuredProcess(process.execPath, args, {
    cwd: process.cwd(),
    // Astro's telemetry off, as for the peers' builds (peers.ts): the same conditions on both sides.
    env: buildEnv(
      { ASTRO_TELEMETRY_DISABLED: '1', ...env, NODE_OPTIONS: env['NODE_OPTIONS'] ?? process.env['NODE_OPTIONS'] ?? '' },
      process.cwd(),
    ),
    what: `astro build into ${outDir}`,
  });
}

/**
 * Runs a command to its end and measures wall time, CPU time (its own and its children's) and the
 * peak resident memory of its whole process tree, sampled every 100 ms.
 */
export function measuredProcess(
  command: string,
  args: string[],
  options: { cwd: string; env: Record<string, string>; what: string },
): Promise<BuildFigures> {
  // GNU time reports the CPU time of the command and of every child it waited for (Pagefind's binary).
  const timeFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'build-time-')), 'time');
  const t0 = performance.now();
  const child = spawn('/usr/bin/time', ['-f', '%U %S', '-o', timeFile, command, ...args], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let peak = 0;
  let largest = 0;
  const timer = setInterval(() => {
    if (!child.pid) return;
    const rss = treeRss(child.pid);
    peak = Math.max(peak, rss.total);
    largest = Math.max(largest, rss.largest);
  }, 100);
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - t0) / 1000;
      if (code !== 0) reject(new Error(`${options.what} failed (${code}):\n${stderr.slice(-3000)}`));
      else {
        const [user, system] = fs.readFileSync(timeFile, 'utf8').trim().split(/\s+/).slice(-2).map(Number);
        fs.rmSync(path.dirname(timeFile), { recursive: true, force: true });
        resolve({ seconds, cpuSeconds: (user ?? 0) + (system ?? 0), peakRssBytes: peak, largestProcessBytes: largest });
      }
    });
  });
}
