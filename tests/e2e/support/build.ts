import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { withAstroLock } from '../../../scripts/lib/astro-lock';

const repo = path.resolve(import.meta.dirname, '../../..');
/** Astro's command line, run with this Node directly: `npx` would add a second or so per build. */
const astroCli = path.join(path.dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');

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
  seconds: number;
}

export interface BuildOptions {
  /** The command up to Astro's options, `astro build` by default; e.g. `['npm', 'run', 'build', '--']`. */
  command?: string[];
  /** Environment that replaces the clean one (PATH with an older Node first, for instance). */
  baseEnv?: NodeJS.ProcessEnv;
  /** `sync` stops after the content collections are loaded and checked: enough for what the loaders refuse. */
  step?: 'build' | 'sync';
}

/**
 * The project's own Astro config with a cache folder of the test site's own. Builds of the test
 * sites run at the same time as each other and as `astro check`; sharing node_modules/.astro they
 * would share, and overwrite, one content store.
 */
function privateConfig(outDir: string): string {
  const dir = `${outDir}.config`;
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'astro.config.mjs');
  fs.writeFileSync(
    file,
    `import config from ${JSON.stringify(path.join(repo, 'astro.config.ts'))};\n` +
      `export default { ...config, cacheDir: ${JSON.stringify(path.join(dir, 'cache'))} };\n`,
  );
  // Astro joins --config to the project folder, even when it is absolute.
  return path.relative(repo, file);
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
  const command = options.command ?? [process.execPath, astroCli, step];
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
        child.stdout.on('data', (c: Buffer) => chunks.push(c));
        child.stderr.on('data', (c: Buffer) => chunks.push(c));
        child.on('error', reject);
        child.on('close', (status) =>
          resolve({
            status,
            output: Buffer.concat(chunks)
              .toString('utf8')
              .replace(/\x1b\[[0-9;]*m/g, ''),
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
