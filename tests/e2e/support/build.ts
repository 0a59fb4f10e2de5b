import { spawnSync } from 'node:child_process';

/**
 * The environment for a child `astro build`. Vitest exports Vite's own variables (BASE_URL=/,
 * MODE=test, NODE_ENV=test…); inherited, BASE_URL=/ wins over the configured base path.
 */
export function buildEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST.*)$/.test(key)),
  );
}

export interface BuildOptions {
  /** Another Astro config file (e.g. the project's config with a private cache directory). */
  config?: string;
}

export interface BuildResult {
  status: number | null;
  /** stdout and stderr together, without terminal colours (they differ between a terminal and CI). */
  output: string;
  seconds: number;
}

/**
 * Runs `astro build --force` into `outDir` with the given environment (NOTES_DIR, BASE_PATH…) added
 * to a clean one, and reports how it ended, failed or not. `--force` because Astro's content cache
 * does not notice a changed Markdown plugin. For a build that must succeed, use `buildSite`.
 */
export function runBuild(outDir: string, env: Record<string, string>, options: BuildOptions = {}): BuildResult {
  const started = Date.now();
  const args = [
    'astro',
    'build',
    '--force',
    ...(options.config ? ['--config', options.config] : []),
    '--outDir',
    outDir,
  ];
  const result = spawnSync('npx', args, {
    env: { ...buildEnv(), ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return {
    status: result.status,
    output: `${result.stdout}\n${result.stderr}`.replace(/\x1b\[[0-9;]*m/g, ''),
    seconds: (Date.now() - started) / 1000,
  };
}

/** Builds the site into `outDir` and returns the build's output; throws with its tail when it fails. */
export function buildSite(outDir: string, env: Record<string, string>, options: BuildOptions = {}): string {
  const { status, output } = runBuild(outDir, env, options);
  if (status !== 0) throw new Error(`astro build into ${outDir} failed (${status}):\n${output.slice(-4000)}`);
  return output;
}
