import { createRequire } from 'node:module';
import path from 'node:path';

/** Astro's command line, for a child run with this Node directly: `npx` would add a second or so. */
export const astroCli = path.join(
  path.dirname(createRequire(import.meta.url).resolve('astro/package.json')),
  'bin/astro.mjs',
);

/**
 * The arguments that run one of the project's TypeScript commands under the Node running now,
 * through tsx, the runner every npm script uses: `spawnSync(process.execPath, scriptArgs('scripts/import.ts', …))`.
 */
export function scriptArgs(script: string, ...args: string[]): string[] {
  return [path.resolve('node_modules/tsx/dist/cli.mjs'), script, ...args];
}
