import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import { MINI_DIST } from './support/constants';
import { hasOlderNode, olderNodeEnv, olderNodePath, olderNodeVersion, requiredNode } from './support/older-node';
import path from 'node:path';

/**
 * The README's commands on a machine whose own Node is older than the project needs: the npm
 * scripts fetch the Node pinned in .nvmrc and run under it. Skipped where there is no such Node.
 */
const pinned = fs.readFileSync('.nvmrc', 'utf8').trim();

describe.skipIf(!hasOlderNode)(
  `npm scripts with an older Node (${olderNodeVersion || 'none found'}) first on PATH`,
  () => {
    it('that Node really is first on PATH and too old for Astro on its own', () => {
      const direct = spawnSync('npx', ['astro', '--version'], { env: olderNodeEnv(), encoding: 'utf8' });
      expect(direct.status).not.toBe(0);
      expect(`${direct.stdout}${direct.stderr}`).toContain(`Node.js ${olderNodeVersion} is not supported by Astro`);
    });

    it('npm run build builds the site under the pinned Node, saying so in one line', () => {
      // The global setup built the mini site this way (support/mini-site.ts).
      const { builtUnder, output } = inject('miniSite');
      expect(builtUnder).toBe(olderNodeVersion);
      const notices = output.split('\n').filter((l) => l.startsWith('with-node: Node'));
      expect(notices).toEqual([
        `with-node: Node ${olderNodeVersion} is older than this project needs (${requiredNode}); running under Node ${pinned} from .cache/node`,
      ]);
      expect(fs.existsSync(path.join(MINI_DIST, 'en/lessons/lesson-1/index.html'))).toBe(true);
    });

    it('processes the tests start (node, npx astro) get the pinned Node too', () => {
      // Astro refuses the older Node (first test), so `npx astro` answering proves it ran under the pinned one.
      const r = spawnSync(
        olderNodePath,
        ['scripts/with-node.mjs', 'sh', '-c', 'node --version && npx --no-install astro --version'],
        { env: olderNodeEnv(), encoding: 'utf8' },
      );
      expect(r.status, r.stderr).toBe(0);
      // Astro colours its banner even without a terminal; compare the plain text.
      const [node, astro] = stripVTControlCharacters(r.stdout).trim().split('\n');
      expect(node).toBe(`v${pinned}`);
      expect(astro).toMatch(/astro\s+v\d+/);
    });
  },
);
