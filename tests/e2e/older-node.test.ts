import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { buildEnv } from './support/build';

/**
 * The README's commands on a machine whose own Node is older than the project needs: the npm
 * scripts fetch the Node pinned in .nvmrc and run under it. Uses the machine's own Node
 * (`/usr/bin/node`, v20 on Debian 12-era machines, or OLDER_NODE) when it is older; skipped where
 * there is none.
 */
const olderNode = process.env['OLDER_NODE'] ?? '/usr/bin/node';
const olderVersion = fs.existsSync(olderNode)
  ? execFileSync(olderNode, ['--version'], { encoding: 'utf8' }).trim()
  : '';
const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { engines: { node: string } };
const minimumMajor = Number(/\d+/.exec(pkg.engines.node)?.[0]);
const older = olderVersion !== '' && Number(/\d+/.exec(olderVersion)?.[0]) < minimumMajor;
const pinned = fs.readFileSync('.nvmrc', 'utf8').trim();

/** The environment with the older Node's folder (and its npm) first on PATH. */
const olderEnv = (extra: Record<string, string> = {}) => ({
  ...buildEnv(),
  PATH: `${path.dirname(olderNode)}${path.delimiter}${process.env['PATH']}`,
  ...extra,
});

describe.skipIf(!older)(`npm scripts with an older Node (${olderVersion || 'none found'}) first on PATH`, () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'older-node-'));
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it('that Node really is first on PATH and too old for Astro on its own', () => {
    const direct = spawnSync('npx', ['astro', '--version'], { env: olderEnv(), encoding: 'utf8' });
    expect(direct.status).not.toBe(0);
    expect(`${direct.stdout}${direct.stderr}`).toContain(`Node.js ${olderVersion} is not supported by Astro`);
  });

  it('npm run build builds the site under the pinned Node, saying so in one line', () => {
    const r = spawnSync('npm', ['run', 'build', '--', '--force', '--outDir', out], {
      env: olderEnv({ NOTES_DIR: 'tests/fixtures/notes-mini' }),
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const output = `${r.stdout}\n${r.stderr}`;
    expect(r.status, output.slice(-3000)).toBe(0);
    const notices = output.split('\n').filter((l) => l.startsWith('with-node: Node'));
    expect(notices).toEqual([
      `with-node: Node ${olderVersion} is older than this project needs (${pkg.engines.node}); running under Node ${pinned} from .cache/node`,
    ]);
    expect(fs.existsSync(path.join(out, 'en/lessons/lesson-1/index.html'))).toBe(true);
  });

  it('processes the tests start (node, npx astro) get the pinned Node too', () => {
    // Astro refuses the older Node (first test), so `npx astro` answering proves it ran under the pinned one.
    const r = spawnSync(
      olderNode,
      ['scripts/with-node.mjs', 'sh', '-c', 'node --version && npx --no-install astro --version'],
      { env: olderEnv(), encoding: 'utf8' },
    );
    expect(r.status, r.stderr).toBe(0);
    // Astro colours its banner even without a terminal; compare the plain text.
    const [node, astro] = stripVTControlCharacters(r.stdout).trim().split('\n');
    expect(node).toBe(`v${pinned}`);
    expect(astro).toMatch(/astro\s+v\d+/);
  });
});
