import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildEnv } from './build';

/**
 * The machine's own Node (`/usr/bin/node`, v20 on Debian 12-era machines, or OLDER_NODE) when it is
 * older than the project needs: the README's commands must still work with it first on PATH.
 */
export const olderNodePath = process.env['OLDER_NODE'] ?? '/usr/bin/node';
export const olderNodeVersion = fs.existsSync(olderNodePath)
  ? execFileSync(olderNodePath, ['--version'], { encoding: 'utf8' }).trim()
  : '';

const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { engines: { node: string } };
export const requiredNode = pkg.engines.node;
const minimumMajor = Number(/\d+/.exec(requiredNode)?.[0]);

/** Whether there is such a Node here; the older-Node checks are skipped where there is none. */
export const hasOlderNode = olderNodeVersion !== '' && Number(/\d+/.exec(olderNodeVersion)?.[0]) < minimumMajor;

/** The environment with the older Node's folder (and its npm) first on PATH. */
export const olderNodeEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  ...buildEnv(),
  PATH: `${path.dirname(olderNodePath)}${path.delimiter}${process.env['PATH']}`,
  ...extra,
});
