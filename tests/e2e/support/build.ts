import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The environment for a child `astro build`. Vitest exports Vite's own variables (BASE_URL=/,
 * MODE=test, NODE_ENV=test…); inherited, BASE_URL=/ wins over the configured base path.
 */
export function buildEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST.*)$/.test(key)));
}

/**
 * Builds the site into `outDir` with the given environment (NOTES_DIR, BASE_PATH…) unless a build
 * made by `npm test` is already there. Returns the build's combined output for assertions.
 */
export function buildSite(outDir: string, env: Record<string, string>, options: { reuse?: boolean } = {}): string {
  if (options.reuse && fs.existsSync(path.join(outDir, 'index.html'))) return '';
  const result = spawnSync('npx', ['astro', 'build', '--force', '--outDir', outDir], {
    env: { ...buildEnv(), ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${result.stdout}\n${result.stderr}`;
  if (result.status !== 0) throw new Error(`astro build failed (${result.status}):\n${output.slice(-4000)}`);
  return output;
}
