import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

/** Astro's command line, for a child run with this Node directly: `npx` would add a second or so. */
export const astroCli = path.join(path.dirname(require.resolve('astro/package.json')), 'bin/astro.mjs');

/** tsx's loader, named by its file: a command may run in another folder (a test's repository). */
const tsxLoader = pathToFileURL(require.resolve('tsx')).href;

/**
 * The arguments that run one of the project's TypeScript commands under the Node running now, with
 * tsx's loader, as every npm script runs them: `spawnSync(process.execPath, scriptArgs('scripts/import.ts', …))`.
 * The loader goes in the command's own process (`--import`): tsx's command line would start a
 * second Node to run it in and relay to it, about a tenth of a second more before the command starts.
 */
export function scriptArgs(script: string, ...args: string[]): string[] {
  return ['--import', tsxLoader, script, ...args];
}
