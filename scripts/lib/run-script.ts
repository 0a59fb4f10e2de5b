import path from 'node:path';

/**
 * The arguments that run one of the project's TypeScript commands under the Node running now,
 * through tsx, the runner every npm script uses: `spawnSync(process.execPath, scriptArgs('scripts/import.ts', …))`.
 */
export function scriptArgs(script: string, ...args: string[]): string[] {
  return [path.resolve('node_modules/tsx/dist/cli.mjs'), script, ...args];
}
