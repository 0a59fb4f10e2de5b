import { spawn } from 'node:child_process';
import path from 'node:path';
import { withAstroLock } from '../../../scripts/lib/astro-lock';
import { configWithCacheDir } from '../../../scripts/lib/private-config';
import { astroCli, scriptArgs } from '../../../scripts/lib/run-script';

const repo = path.resolve(import.meta.dirname, '../../..');

/**
 * The environment for a child `astro build`. Vitest exports Vite's own variables (BASE_URL=/,
 * MODE=test, NODE_ENV=test…); inherited, BASE_URL=/ wins over the configured base path.
 */
export function buildEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST.*)$/.test(key)),
  );
}

export interface BuildResult {
  status: number | null;
  /** stdout and stderr together, without terminal colours (they differ between a terminal and CI). */
  output: string;
  /**
   * stderr alone, without colours: Astro's errors and every warning the notes' plugins print
   * (`console.warn`); Astro's own warnings go to stdout.
   */
  stderr: string;
  seconds: number;
}

export interface BuildOptions {
  /** The command up to Astro's options, `npm run build`'s script by default; e.g. `['npm', 'run', 'build', '--']`. */
  command?: string[];
  /** Environment that replaces the clean one (PATH with an older Node first, for instance). */
  baseEnv?: NodeJS.ProcessEnv;
  /** `sync` stops after the content collections are loaded and checked: enough for what the loaders refuse. */
  step?: 'build' | 'sync';
}

const withoutColours = (chunks: Buffer[]) =>
  Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\x1b\[[0-9;]*m/g, '');

/** The project's own Astro config with a cache folder of the test site's own (see configWithCacheDir). */
function privateConfig(outDir: string): string {
  const dir = `${outDir}.config`;
  return configWithCacheDir(path.join(dir, 'astro.config.mjs'), path.join(dir, 'cache'));
}

/**
 * Runs `astro build` (or `astro sync`) into `outDir` with the given environment (NOTES_DIR,
 * BASE_PATH…) added to a clean one, and reports how it ended, failed or not. Asynchronous, so test files go
 * on while it runs; Astro runs one at a time (astro-lock.ts). `--force`: a cache left from an earlier run must not stand in for
 * this one's render (Astro's content cache does not notice a changed Markdown plugin).
 */
export function runBuild(
  outDir: string,
  env: Record<string, string>,
  options: BuildOptions = {},
): Promise<BuildResult> {
  const step = options.step ?? 'build';
  // A build goes through npm run build's script, as a reader's does: the search index and the
  // offline reader run after Astro's process (src/integrations/after-astro.ts).
  const command =
    options.command ??
    (step === 'build' ? [process.execPath, ...scriptArgs('scripts/build.ts')] : [process.execPath, astroCli, step]);
  const args = [
    ...command.slice(1),
    '--force',
    '--config',
    privateConfig(outDir),
    ...(step === 'build' ? ['--outDir', outDir] : []),
  ];
  // One Astro at a time in the project's .astro/ folder (see astro-lock.ts).
  return withAstroLock(
    () =>
      new Promise((resolve, reject) => {
        const started = Date.now();
        const child = spawn(command[0]!, args, { cwd: repo, env: { ...(options.baseEnv ?? buildEnv()), ...env } });
        const chunks: Buffer[] = [];
        const errChunks: Buffer[] = [];
        child.stdout.on('data', (c: Buffer) => chunks.push(c));
        child.stderr.on('data', (c: Buffer) => {
          chunks.push(c);
          errChunks.push(c);
        });
        child.on('error', reject);
        child.on('close', (status) =>
          resolve({
            status,
            output: withoutColours(chunks),
            stderr: withoutColours(errChunks),
            seconds: (Date.now() - started) / 1000,
          }),
        );
      }),
  );
}

/** Builds the site into `outDir` and returns the build's output; throws with its tail when it fails. */
export async function buildSite(
  outDir: string,
  env: Record<string, string>,
  options: BuildOptions = {},
): Promise<BuildResult> {
  const result = await runBuild(outDir, env, options);
  if (result.status !== 0)
    throw new Error(`astro build into ${outDir} failed (${result.status}):\n${result.output.slice(-4000)}`);
  return result;
}
